import '../../features/dossiers/dossiers.css';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { TDossierDetail, TUploadedFile } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, Spinner, StatusBadge } from '../../components/ui';
import { dossierKeys } from '../../features/dossiers/api';
import { AmendCard } from '../../features/dossiers/components/AmendCard';
import { DocumentLinks } from '../../features/dossiers/components/DocumentLinks';
import { FileField } from '../../features/dossiers/components/FileField';
import { ResultCard, StopCard } from '../../features/dossiers/components/AfterReception';
import { ProgressFacts } from '../../features/dossiers/components/Progress';
import { RequireCitizen } from '../../features/dossiers/components/RequireCitizen';
import { Timeline } from '../../features/dossiers/components/Timeline';
import { PaymentCard } from '../../features/payments/components/PaymentCard';
import { formatDateTime } from '../../lib/dates';
import { useDossier, useProcedure, useSubmitSupplement, useWithdraw } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /ho-so-cua-toi/:id — one dossier: status, timeline, documents; amend/withdraw before reception; supplement. */
export function MyDossierPage() {
  const { id = '' } = useParams();
  return (
    <RequireCitizen>
      <MyDossier id={id} />
    </RequireCitizen>
  );
}

function MyDossier({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const dossier = useDossier(id);
  const ref = dossier.data && (dossier.data.code ?? dossier.data.submissionRef);
  useTitle(ref ? t('dossiers.detail.title', { ref }) : t('dossiers.mine.title'));
  const refresh = useRefresh(id);
  const [params] = useSearchParams();
  // Kept here: a decision changes the status, which unmounts the section that made it.
  const [notice, setNotice] = useState<string | null>(null);
  const schema = useProcedure(dossier.data?.procedure.code ?? '', dossier.data?.procedure.versionId).data
    ?.formSchema;
  const formLabels = Object.fromEntries(
    Object.entries(schema?.properties ?? {}).map(([name, f]) => [name, f.title ?? name]),
  );
  if (dossier.isPending) return <Spinner label={t('app.loading')} />;
  if (dossier.isError) return <ErrorBox error={dossier.error} />;
  const d = dossier.data;
  return (
    <>
      <h1>{t('dossiers.detail.title', { ref: d.code ?? d.submissionRef })}</h1>
      {params.get('moi') === '1' && d.status === 'submitted' ? (
        <Alert kind="success">
          <strong>{t('dossiers.submit.doneTitle')}</strong>.{' '}
          {t('dossiers.submit.doneLead', { ref: d.submissionRef })}
        </Alert>
      ) : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <Card>
        <dl className="facts">
          <dt>{t('dossiers.field.procedure')}</dt>
          <dd>{d.procedure.name}</dd>
          <dt>{t('dossiers.field.status')}</dt>
          <dd>
            <StatusBadge status={d.status} />
          </dd>
          <dt>{t('dossiers.field.submissionRef')}</dt>
          <dd>{d.submissionRef}</dd>
          <dt>{t('dossiers.field.code')}</dt>
          <dd>{d.code ?? t('dossiers.none')}</dd>
          <dt>{t('dossiers.field.receivingAgency')}</dt>
          <dd>{d.receivingAgency.name}</dd>
          <dt>{t('dossiers.field.submittedAt')}</dt>
          <dd>{formatDateTime(d.submittedAt, locale)}</dd>
          {d.processing ? (
            <ProgressFacts
              status={d.status}
              currentStep={d.processing.currentStep?.name ?? null}
              holder={[d.holdingAgency?.name, d.holdingDepartment?.name].filter(Boolean).join(' — ')}
              appointmentAt={d.appointmentAt}
              extendedFrom={d.extendedFrom}
              late={d.late}
              result={d.result}
            />
          ) : (
            <>
              <dt>{t('dossiers.field.appointmentAt')}</dt>
              <dd>{formatDateTime(d.appointmentAt, locale)}</dd>
            </>
          )}
        </dl>
      </Card>
      <PaymentCard dossierId={d.id} returned={params.get('ket-qua')} />
      {(d.status === 'supplement_requested' || d.status === 'processing_supplement') &&
      d.supplementRequest ? (
        <SupplementAnswer d={d} onDone={setNotice} />
      ) : null}
      <ResultCard d={d} onSaved={refresh} onDone={setNotice} />
      {d.status === 'in_processing' || d.status === 'processing_supplement' ? (
        <StopCard d={d} onSaved={refresh} onDone={setNotice} />
      ) : null}
      {d.status === 'refused' && d.refusal ? (
        <Alert kind="warning">
          <strong>{t('dossiers.detail.refusalTitle')}</strong>
          <p>{d.refusal.reason}</p>
          {d.refusal.competentAgency ? (
            <p>{t('dossiers.detail.competentAgency', { name: d.refusal.competentAgency })}</p>
          ) : null}
        </Alert>
      ) : null}
      {d.status === 'submitted' ? <BeforeReception d={d} onDone={setNotice} /> : null}
      <Card>
        <h2>{t('dossiers.documents')}</h2>
        <DocumentLinks documents={d.documents} />
      </Card>
      <Card>
        <h2>{t('dossiers.timeline')}</h2>
        <Timeline events={d.events} fieldLabels={formLabels} />
      </Card>
    </>
  );
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (d: TDossierDetail) => {
    queryClient.setQueryData(dossierKeys.detail(id), d);
    void queryClient.invalidateQueries({ queryKey: dossierKeys.all });
  };
}

/** Requested items shown as the office wrote them; each item of a known component gets its own upload. */
function SupplementAnswer({ d, onDone }: { d: TDossierDetail; onDone(message: string): void }) {
  const { t } = useI18n();
  const refresh = useRefresh(d.id);
  const [files, setFiles] = useState<Record<string, TUploadedFile[]>>({});
  const [note, setNote] = useState('');
  const answer = useSubmitSupplement(d.id);
  const items = d.supplementRequest?.items ?? [];
  const send = () =>
    answer.mutate(
      {
        expectedVersion: d.version,
        attachments: Object.entries(files)
          .filter(([, f]) => f.length)
          .map(([componentCode, f]) => ({ componentCode, fileIds: f.map((x) => x.id) })),
        note: note || undefined,
      },
      {
        onSuccess: (next) => {
          refresh(next);
          onDone(
            t(
              d.status === 'processing_supplement'
                ? 'dossiers.detail.supplementSentProcessing'
                : 'dossiers.detail.supplementSent',
            ),
          );
        },
      },
    );
  return (
    <Card className="supplement">
      <h2>{t('dossiers.detail.supplementTitle')}</h2>
      <p>{t('dossiers.detail.supplementLead')}</p>
      <ol>
        {items.map((it, i) => {
          const key = it.componentCode ?? `item-${i + 1}`;
          return (
            <li key={key}>
              <strong>{it.component}</strong> —{' '}
              {it.problem === 'missing' ? t('dossiers.item.missing') : t('dossiers.item.defective')}
              <p>
                {t('dossiers.item.reason')}: {it.reason}
              </p>
              <p>
                {t('dossiers.item.guidance')}: {it.guidance}
              </p>
              <FileField
                id={`sup-${i}`}
                label={it.component}
                files={files[key] ?? []}
                onChange={(f) => setFiles((all) => ({ ...all, [key]: f }))}
              />
            </li>
          );
        })}
      </ol>
      <label htmlFor="sup-note">{t('dossiers.detail.amendNote')}</label>
      <textarea id="sup-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      <ErrorBox error={answer.error} />
      <Button type="button" onClick={send} disabled={answer.isPending}>
        {t('dossiers.detail.supplementSend')}
      </Button>
    </Card>
  );
}

/** Until reception the applicant may amend (e-form and files) or withdraw (ND 45/2020 Đ12); earlier versions are kept. */
function BeforeReception({ d, onDone }: { d: TDossierDetail; onDone(message: string): void }) {
  const { t } = useI18n();
  const refresh = useRefresh(d.id);
  const [reason, setReason] = useState('');
  const [amendError, setAmendError] = useState<unknown>(null);
  const leave = useWithdraw(d.id);
  const withdraw = () =>
    leave.mutate(
      { expectedVersion: d.version, reason: reason || undefined },
      {
        onSuccess: (next) => {
          refresh(next);
          onDone(t('dossiers.detail.withdrawn'));
        },
      },
    );
  return (
    <>
      <ErrorBox error={leave.error ?? amendError} />
      <AmendCard
        d={d}
        onError={setAmendError}
        onSaved={(saved) => {
          refresh(saved);
          onDone(t('dossiers.detail.amended'));
        }}
      />
      <Card>
        <h2>{t('dossiers.detail.withdraw')}</h2>
        <label htmlFor="withdraw-reason">{t('dossiers.detail.withdrawReason')}</label>
        <textarea id="withdraw-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        <Button type="button" variant="danger" onClick={withdraw} disabled={leave.isPending}>
          {t('dossiers.detail.withdrawConfirm')}
        </Button>
      </Card>
    </>
  );
}
