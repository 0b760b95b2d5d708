import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TConsultation, TDossierDetail } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, ReasonField } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { AgencyDepartmentPicker } from '../../organisation/components/AgencyDepartmentPicker';
import { consultationApi, consultationKeys } from '../consultation-api';
import { DOSSIER_CONFLICT } from '../../dossiers/format';

type Props = { dossier: TDossierDetail; onDone(next: TDossierDetail, title: string): void; onReload(): void };

export const unitOf = (u: { agency: string; department: string | null }) =>
  u.department ? `${u.department} – ${u.agency}` : u.agency;

/** One submit with its pending state and the server's refusal (shown in the person's language). */
function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = (e: FormEvent, work: () => Promise<void>) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    work()
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return { busy, error, setError, run };
}

/**
 * "Lấy ý kiến" (003 Đ13.5): the handler at the appraisal asks an agency or one of its departments, with the content
 * and a deadline in working days (counted by the consulted agency's calendar on the server).
 */
export function ConsultForm({ dossier, onDone, onReload }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [v, setV] = useState({ agencyId: '', departmentId: '', content: '', workingDays: 5 });
  const agencies = useQuery({ queryKey: consultationKeys.agencies, queryFn: consultationApi.agencies });
  const agency = useQuery({
    queryKey: consultationKeys.agency(v.agencyId),
    queryFn: () => consultationApi.agency(v.agencyId),
    enabled: v.agencyId !== '',
  });
  const s = useSubmit();
  const submit = (e: FormEvent) =>
    s.run(e, async () => {
      const next = await consultationApi.send(dossier.id, {
        expectedVersion: dossier.version,
        to: [{ agencyId: v.agencyId, ...(v.departmentId ? { departmentId: v.departmentId } : {}) }],
        content: v.content,
        workingDays: v.workingDays,
      });
      onDone(next, t('processing.consult.send.title'));
    });
  const departments = (agency.data?.departments ?? []).filter((d) => d.kind === 'specialist');
  return (
    <Card className="proc-action">
      <form aria-labelledby={`${id}-t`} onSubmit={submit}>
        <h3 id={`${id}-t`}>{t('processing.consult.send.title')}</h3>
        <p>{t('processing.consult.send.lead')}</p>
        <AgencyDepartmentPicker
          idPrefix={id}
          agencies={agencies.data ?? []}
          departments={departments}
          value={v}
          onChange={(picked) => setV({ ...v, ...picked })}
          agencyLabel={t('processing.consult.field.agency')}
          anyDepartmentLabel={t('processing.consult.field.wholeAgency')}
        />
        <ReasonField
          id={`${id}-content`}
          label={t('processing.consult.field.content')}
          value={v.content}
          onChange={(content) => setV({ ...v, content })}
        />
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('processing.consult.field.workingDays')}</label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            max={60}
            required
            value={v.workingDays}
            onChange={(e) => setV({ ...v, workingDays: Number(e.target.value) || 1 })}
          />
        </div>
        <ErrorBox
          error={s.error}
          conflict={DOSSIER_CONFLICT}
          onReload={() => {
            s.setError(null);
            onReload();
          }}
        />
        <Button type="submit" disabled={s.busy} aria-busy={s.busy}>
          {t('processing.consult.send.submit')}
        </Button>
      </form>
    </Card>
  );
}

/** Close an overdue consultation, recording whether the silence counts as agreement (003 Đ13.5.b). */
function CloseForm({ dossier, c, onDone, onReload }: Props & { c: TConsultation }) {
  const { t } = useI18n();
  const id = useId();
  const [v, setV] = useState({ silence: false, legalBasis: '' });
  const s = useSubmit();
  const submit = (e: FormEvent) =>
    s.run(e, async () => {
      const next = await consultationApi.close(dossier.id, c.id, {
        expectedVersion: dossier.version,
        silenceMeansAgreement: v.silence,
        ...(v.silence ? { legalBasis: v.legalBasis } : {}),
      });
      onDone(next, t('processing.consult.close.title'));
    });
  return (
    <form aria-labelledby={`${id}-t`} onSubmit={submit}>
      <h4 id={`${id}-t`}>{t('processing.consult.close.title')}</h4>
      <label>
        <input
          type="checkbox"
          checked={v.silence}
          onChange={(e) => setV({ ...v, silence: e.target.checked })}
        />{' '}
        {t('processing.consult.close.silence')}
      </label>
      {v.silence ? (
        <div className="field">
          <label htmlFor={`${id}-basis`}>{t('processing.consult.close.legalBasis')}</label>
          <input
            id={`${id}-basis`}
            required
            minLength={3}
            value={v.legalBasis}
            onChange={(e) => setV({ ...v, legalBasis: e.target.value })}
          />
        </div>
      ) : null}
      <ErrorBox
        error={s.error}
        conflict={DOSSIER_CONFLICT}
        onReload={() => {
          s.setError(null);
          onReload();
        }}
      />
      <Button type="submit" variant="secondary" disabled={s.busy} aria-busy={s.busy}>
        {t('processing.consult.close.submit')}
      </Button>
    </form>
  );
}

/** The dossier's consultations with their due times; an overdue one is a warning, and the handler may close it. */
export function ConsultationList({ dossier, canAct, onDone, onReload }: Props & { canAct: boolean }) {
  const { t, locale } = useI18n();
  const list = dossier.consultations ?? [];
  if (list.length === 0) return <p className="muted">{t('processing.consult.none')}</p>;
  return (
    <ul className="proc-consultations">
      {list.map((c) => (
        <li key={c.id}>
          <p>
            <strong>{unitOf(c.to)}</strong> — {t(`processing.consult.status.${c.status}`)}
            {' · '}
            {t('processing.consult.due', { due: formatDateTime(c.dueAt, locale) })}
          </p>
          <p>{c.content}</p>
          {c.overdue ? (
            <Alert kind="warning">
              {t('processing.consult.overdueWarning', {
                unit: unitOf(c.to),
                due: formatDateTime(c.dueAt, locale),
              })}
            </Alert>
          ) : null}
          {c.answer ? (
            <p>
              {t(
                c.answer.kind === 'declined'
                  ? 'processing.consult.declinedBy'
                  : 'processing.consult.answeredBy',
                {
                  by: c.answer.by,
                  at: formatDateTime(c.answer.at, locale),
                },
              )}{' '}
              ({t(`processing.consult.grade.${c.answer.grade}`)}): {c.answer.opinion}
            </p>
          ) : null}
          {c.closed ? (
            <p>
              {t(
                c.closed.silenceMeansAgreement
                  ? 'processing.consult.closedAgreed'
                  : 'processing.consult.closedNotAgreed',
                {
                  basis: c.closed.legalBasis ?? '',
                },
              )}
            </p>
          ) : null}
          {canAct && c.overdue ? (
            <CloseForm dossier={dossier} c={c} onDone={onDone} onReload={onReload} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
