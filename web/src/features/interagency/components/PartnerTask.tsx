import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TInteragencyTask, TUploadedFile } from '@motcua/contracts';
import { Button, ErrorBox, ReasonField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { FileField } from '../../dossiers/components/FileField';
import { interagencyApi, interagencyKeys, partnerFileUrl } from '../api';
import { AnswerFiles } from './AnswerFiles';
import { DOSSIER_CONFLICT } from '../../dossiers/format';

/** The partner records the outcome (result or opinion) of its part; a paper dossier's next partner begins then. */
function DoneForm({ task, onDone }: { task: TInteragencyTask; onDone(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState('');
  const [files, setFiles] = useState<TUploadedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    interagencyApi
      .done(task.id, { expectedVersion: task.dossierVersion, outcome, fileIds: files.map((f) => f.id) })
      .then(onDone)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <form aria-labelledby={`${id}-t`} onSubmit={submit}>
      <h3 id={`${id}-t`}>{t('interagency.done.title')}</h3>
      <ReasonField
        id={`${id}-outcome`}
        label={t('interagency.done.outcome')}
        value={outcome}
        onChange={setOutcome}
      />
      <FileField id={`${id}-file`} label={t('interagency.done.file')} files={files} onChange={setFiles} />
      <ErrorBox error={error} conflict={DOSSIER_CONFLICT} onReload={onDone} />
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {t(task.mode === 'sequential' ? 'interagency.done.submitPass' : 'interagency.done.submit')}
      </Button>
    </form>
  );
}

/** The dossier's files this partner may open for its part (none while it waits for its turn). */
function PartnerFiles({ task }: { task: TInteragencyTask }) {
  const { t } = useI18n();
  const files = useQuery({
    queryKey: interagencyKeys.files(task.id),
    queryFn: () => interagencyApi.files(task.id),
  });
  if (task.status === 'waiting') return <p className="muted">{t('interagency.files.waiting')}</p>;
  if (files.isError) return <ErrorBox error={files.error} />;
  const items = files.data?.items ?? [];
  return (
    <ul aria-label={t('interagency.files.title')}>
      {items.map((f) => (
        <li key={f.id}>
          <a href={partnerFileUrl(task.id, f.id)} target="_blank" rel="noreferrer">
            {f.name}
          </a>{' '}
          — {f.component}
        </li>
      ))}
    </ul>
  );
}

/** One part of an inter-agency dossier as the partner agency sees it: its task only, never the dossier. */
export function PartnerTask({ task, onDone }: { task: TInteragencyTask; onDone(): void }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h2>
        {t('processing.consult.page.item', { code: task.dossierCode ?? '', procedure: task.procedureName })}
      </h2>
      <dl className="facts">
        <dt>{t('interagency.field.lead')}</dt>
        <dd>{task.lead.agency}</dd>
        <dt>{t('interagency.field.task')}</dt>
        <dd>
          {task.task[locale]} ({t('interagency.workingDays', { n: task.workingDays })})
        </dd>
        <dt>{t('interagency.field.mode')}</dt>
        <dd>{t(task.mode === 'sequential' ? 'interagency.mode.sequential' : 'interagency.mode.parallel')}</dd>
        <dt>{t('processing.consult.field.status')}</dt>
        <dd>{t(`interagency.status.${task.status}`)}</dd>
        <dt>{t('interagency.field.dueAt')}</dt>
        <dd>
          {task.dueAt ? formatDateTime(task.dueAt, locale) : '—'}
          {task.late ? ` — ${t('processing.consult.overdue')}` : ''}
        </dd>
      </dl>
      {task.previous.length > 0 ? (
        <>
          <h3>{t('interagency.field.previous')}</h3>
          <ul>
            {task.previous.map((p) => (
              <li key={p.agency}>
                <strong>{p.agency}</strong>: {p.outcome}
                <AnswerFiles tid={task.id} files={p.files} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('interagency.files.title')}</h3>
      <PartnerFiles task={task} />
      {task.done ? (
        <>
          <p>
            {t('interagency.doneBy', { by: task.done.by, at: formatDateTime(task.done.at, locale) })} (
            {t(`processing.consult.grade.${task.done.grade}`)}): {task.done.outcome}
          </p>
          <AnswerFiles tid={task.id} files={task.done.files} />
        </>
      ) : null}
      {task.status === 'open' ? <DoneForm task={task} onDone={onDone} /> : null}
    </>
  );
}
