import '../../features/catalogue/admin/admin.css';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { TProcedure } from '@motcua/contracts';
import { Alert, Spinner } from '../../components/ui';
import { ProcedureEditor } from '../../features/catalogue/admin/components/ProcedureEditor';
import { RetirePanel } from '../../features/catalogue/admin/components/RetirePanel';
import { SimulatePanel } from '../../features/catalogue/admin/components/SimulatePanel';
import { VersionHistory } from '../../features/catalogue/admin/components/VersionHistory';
import { emptyState, fromProcedure } from '../../features/catalogue/admin/editor-model';
import {
  useAdminProcedure,
  useCreateProcedure,
  usePublish,
  useRetire,
  useSaveDraft,
} from '../../features/catalogue/admin/hooks';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDay } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/** /admin/thu-tuc/moi: a new procedure, saved as a draft; then its page. */
export function NewProcedurePage() {
  const { t } = useI18n();
  useTitle(t('catalogueAdmin.newTitle'));
  const navigate = useNavigate();
  const create = useCreateProcedure();
  return (
    <>
      <p>
        <Link to="/admin/thu-tuc">{t('catalogueAdmin.back')}</Link>
      </p>
      <h1>{t('catalogueAdmin.newTitle')}</h1>
      <ProcedureEditor
        initial={emptyState()}
        isNew
        saving={create.isPending}
        onSave={async (input) => {
          const p = await create.mutateAsync(input);
          await navigate(`/admin/thu-tuc/${encodeURIComponent(p.code)}`, {
            state: { notice: t('catalogueAdmin.saved', { n: p.versionNo }) },
          });
        }}
      />
    </>
  );
}

/** /admin/thu-tuc/:code — edit (draft), publish, retire, history and diff. */
export function ProcedureEditPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const location = useLocation();
  const current = useAdminProcedure(code);
  useTitle(current.data?.name ?? t('catalogueAdmin.list.title'));
  const save = useSaveDraft();
  const publish = usePublish();
  const retire = useRetire();
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as { notice?: string } | null)?.notice ?? null,
  );
  if (current.isPending) return <Spinner label={t('app.loading')} />;
  if (current.isError) return <Alert kind="error">{current.error.message}</Alert>;
  const p = current.data;
  const published = (v: TProcedure) =>
    setNotice(
      v.versionStatus === 'scheduled'
        ? t('catalogueAdmin.scheduled', {
            n: v.versionNo,
            date: formatDate(v.publishedAt),
            deadline: formatDay(v.publicationDeadline),
          })
        : t('catalogueAdmin.published', {
            n: v.versionNo,
            deadline: formatDay(v.publicationDeadline),
          }),
    );
  return (
    <>
      <p>
        <Link to="/admin/thu-tuc">{t('catalogueAdmin.back')}</Link>
      </p>
      <h1>{p.name}</h1>
      <p data-testid="ce-status">
        {t('catalogue.code')}: {p.code} · {t('catalogueAdmin.list.status')}:{' '}
        <strong>{t(`catalogueAdmin.status.${p.status}`)}</strong> ·{' '}
        {t('catalogueAdmin.shownVersion', {
          n: p.versionNo,
          status: t(`catalogueAdmin.vstatus.${p.versionStatus}`),
        })}
        {p.publicationDeadline && (
          <> · {t('catalogueAdmin.deadline', { date: formatDay(p.publicationDeadline) })}</>
        )}
      </p>
      {p.status === 'published' && (
        <p>
          <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>{t('catalogueAdmin.viewPublic')}</Link>
        </p>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      {p.status === 'retired' ? (
        <Alert kind="info">{t('catalogueAdmin.retiredNote')}</Alert>
      ) : (
        <>
          <ProcedureEditor
            key={p.versionId}
            initial={fromProcedure(p)}
            isNew={false}
            saving={save.isPending}
            onSave={async (input) => {
              const v = await save.mutateAsync(input);
              setNotice(t('catalogueAdmin.saved', { n: v.versionNo }));
            }}
            onPublish={async (input, effectiveFrom) =>
              published(await publish.mutateAsync({ input, effectiveFrom }))
            }
          />
          <SimulatePanel key={`sim-${p.versionId}`} code={p.code} versionId={p.versionId} />
          <RetirePanel
            code={p.code}
            pending={retire.isPending}
            error={retire.error}
            onRetire={() =>
              retire.mutate(p.code, {
                onSuccess: () => setNotice(t('catalogueAdmin.retired', { code: p.code })),
              })
            }
          />
        </>
      )}
      <VersionHistory code={p.code} />
    </>
  );
}
