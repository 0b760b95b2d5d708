import { useId, useState, type FormEvent } from 'react';
import type { TDossierDetail, TInteragencyTask, TMeResponse } from '@motcua/contracts';
import { Alert, Button, ErrorBox } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { interagencyApi } from '../api';
import { AnswerFiles } from './AnswerFiles';
import { DOSSIER_CONFLICT } from '../../dossiers/format';

type Props = { dossier: TDossierDetail; onDone(next: TDossierDetail, title: string): void; onReload(): void };
type Me = Pick<TMeResponse, 'kind' | 'roles' | 'agency'>;

/** The receiving desk dispatches once, while the dossier is being processed and no part has been sent. */
export function mayDispatch(d: TDossierDetail, me: Me | null | undefined): boolean {
  return (
    !!d.interagencyPlan &&
    !d.interagency &&
    d.status === 'in_processing' &&
    me?.kind === 'staff' &&
    me.roles.includes('reception_officer') &&
    me.agency?.id === d.receivingAgency.id
  );
}

/**
 * "Chuyển liên thông": a paper dossier goes to the partners one after another in the order the desk sets here; an
 * electronic one goes to all of them at once. Each partner's due time is counted on the server by its calendar.
 */
function DispatchForm({ dossier, onDone, onReload }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const plan = dossier.interagencyPlan!;
  const [order, setOrder] = useState(plan.partners.map((p) => p.agencyId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sequential = plan.mode === 'sequential';
  const byId = new Map(plan.partners.map((p) => [p.agencyId, p]));
  const move = (i: number, by: -1 | 1) => {
    const next = [...order];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setOrder(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    interagencyApi
      .send(dossier.id, { expectedVersion: dossier.version, ...(sequential ? { order } : {}) })
      .then((next) => onDone(next, t('interagency.send.title')))
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <form aria-labelledby={`${id}-t`} onSubmit={submit} className="proc-action">
      <h3 id={`${id}-t`}>{t('interagency.send.title')}</h3>
      <p>{t(sequential ? 'interagency.send.sequential' : 'interagency.send.parallel')}</p>
      <ol className="interagency-order">
        {order.map((agencyId, i) => {
          const p = byId.get(agencyId)!;
          return (
            <li key={agencyId}>
              <strong>{p.agency}</strong> — {p.task[locale]} (
              {t('interagency.workingDays', { n: p.workingDays })})
              {sequential ? (
                <>
                  {' '}
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={i === 0}
                    aria-label={t('interagency.send.up', { agency: p.agency })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </Button>{' '}
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={i === order.length - 1}
                    aria-label={t('interagency.send.down', { agency: p.agency })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </Button>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      <ErrorBox
        error={error}
        conflict={DOSSIER_CONFLICT}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {t('interagency.send.submit')}
      </Button>
    </form>
  );
}

/** One partner's part as the lead and the desk follow it: status, due time, a warning naming a late partner. */
function Part({ p }: { p: TInteragencyTask }) {
  const { t, locale } = useI18n();
  return (
    <li>
      <p>
        <strong>
          {p.mode === 'sequential' ? `${p.position + 1}. ` : ''}
          {p.agency}
        </strong>{' '}
        — {p.task[locale]} · {t(`interagency.status.${p.status}`)}
        {p.dueAt ? ` · ${t('interagency.due', { due: formatDateTime(p.dueAt, locale) })}` : ''}
      </p>
      {p.late && !p.done ? (
        <Alert kind="warning">
          {t('interagency.lateWarning', { agency: p.agency, due: formatDateTime(p.dueAt!, locale) })}
        </Alert>
      ) : null}
      {p.done ? (
        <>
          <p>
            {t('interagency.doneBy', { by: p.done.by, at: formatDateTime(p.done.at, locale) })} (
            {t(`processing.consult.grade.${p.done.grade}`)}): {p.done.outcome}
          </p>
          <AnswerFiles tid={p.id} files={p.done.files} />
        </>
      ) : null}
    </li>
  );
}

/**
 * The dossier's inter-agency card (issue 14): the plan and the desk's dispatch, then each partner's part. The lead
 * consolidates (forwards its appraisal) only once every part is back; the server refuses it before.
 */
export function InteragencyCard({ dossier, me, ...rest }: Props & { me: Me | null | undefined }) {
  const { t, locale } = useI18n();
  const parts = dossier.interagency ?? [];
  const plan = dossier.interagencyPlan;
  if (!plan && parts.length === 0) return null;
  const open = parts.filter((p) => !p.done).length;
  return (
    <section className="card" aria-labelledby="interagency-title">
      <h2 id="interagency-title">{t('interagency.title')}</h2>
      {parts.length > 0 ? (
        <>
          <p>
            {t(parts[0]!.mode === 'sequential' ? 'interagency.mode.sequential' : 'interagency.mode.parallel')}{' '}
            {open === 0 ? t('interagency.allBack') : t('interagency.openCount', { n: open })}
          </p>
          <ul className="proc-consultations">
            {parts.map((p) => (
              <Part key={p.id} p={p} />
            ))}
          </ul>
        </>
      ) : mayDispatch(dossier, me) ? (
        <DispatchForm dossier={dossier} {...rest} />
      ) : (
        <>
          <p className="muted">{t('interagency.notSent')}</p>
          <ul>
            {plan!.partners.map((p) => (
              <li key={p.agencyId}>
                {p.agency} — {p.task[locale]} ({t('interagency.workingDays', { n: p.workingDays })})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
