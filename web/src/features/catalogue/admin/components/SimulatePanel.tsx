import { useState } from 'react';
import {
  DOSSIER_STATUS_LABELS,
  SIMULATED_EVENT_TYPES,
  type TSimulatedEvent,
  type TSimulatedEventType,
  type TSimulateResponse,
} from '@motcua/contracts';
import { Alert, Button, Card, Table } from '../../../../components/ui';
import { DateInput } from '../../../../components/ui/DateInput';
import { useI18n } from '../../../../i18n/i18n';
import { now } from '../../../../lib/clock';
import { formatDateTime } from '../../../../lib/dates';
import { instantOfVnLocal, simulateProcedure, vnLocalInput } from '../../simulate';
import { InteragencyTimeline } from './InteragencyTimeline';

type Row = {
  type: TSimulatedEventType;
  at: string;
  workingDays: number;
  newDefect: boolean;
  /** consultation_*: the consulted agency's short name (its calendar counts the deadline). */
  agency?: string;
};
const isConsultation = (t: TSimulatedEventType) => t === 'consultation_sent' || t === 'consultation_answered';

/**
 * "Thử quy trình": the version shown in the editor (a draft included) run through the live processing rules from a
 * receipt date-time, with supplement / extension / stop / result events; every step's due date against the calendar
 * of the procedure's agency, or the message the live system would refuse the sequence with.
 */
export function SimulatePanel({ code, versionId }: { code: string; versionId: string }) {
  const { t, locale } = useI18n();
  const [receivedAt, setReceivedAt] = useState(() => vnLocalInput(now()));
  const [rows, setRows] = useState<Row[]>([]);
  const [result, setResult] = useState<TSimulateResponse | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [channel, setChannel] = useState<'online' | 'paper'>('online');
  const change = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const run = () => {
    const start = instantOfVnLocal(receivedAt);
    const events = rows.map((r): TSimulatedEvent => ({
      type: r.type,
      at: instantOfVnLocal(r.at) ?? '',
      ...(r.type === 'extended' || r.type === 'consultation_sent' ? { workingDays: r.workingDays } : {}),
      ...(isConsultation(r.type) ? { agency: r.agency ?? '' } : {}),
      ...(r.type === 'supplement_requested' && r.newDefect ? { reason: 'new_defect_in_supplement' } : {}),
    }));
    if (!start || events.some((e) => !e.at)) {
      setFailed(t('catalogueAdmin.sim.incomplete'));
      return;
    }
    setPending(true);
    setFailed(null);
    simulateProcedure(code, { receivedAt: start, events, channel }, versionId)
      .then(setResult)
      .catch((e: unknown) => {
        setResult(null);
        setFailed(e instanceof Error ? e.message : t('app.error'));
      })
      .finally(() => setPending(false));
  };
  return (
    <Card>
      <h2 id="ce-sim-title">{t('catalogueAdmin.sim.title')}</h2>
      <p className="muted">{t('catalogueAdmin.sim.help')}</p>
      <div className="field">
        <label htmlFor="sim-received">{t('catalogueAdmin.sim.receivedAt')}</label>
        <DateInput
          id="sim-received"
          withTime
          value={receivedAt}
          onChange={setReceivedAt}
          invalidMessage={t('app.dateTimeInvalid')}
        />
      </div>
      <div className="field">
        <label htmlFor="sim-channel">{t('catalogueAdmin.sim.channel')}</label>
        <select
          id="sim-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as 'online' | 'paper')}
        >
          <option value="online">{t('catalogueAdmin.sim.channel.online')}</option>
          <option value="paper">{t('catalogueAdmin.sim.channel.paper')}</option>
        </select>
      </div>
      <ol className="ce-rows" aria-label={t('catalogueAdmin.sim.events')}>
        {rows.map((r, i) => (
          <li key={i} className="ce-row">
            <div className="field">
              <label htmlFor={`sim-type-${i}`}>{t('catalogueAdmin.sim.event')}</label>
              <select
                id={`sim-type-${i}`}
                value={r.type}
                onChange={(e) => change(i, { type: e.target.value as TSimulatedEventType })}
              >
                {SIMULATED_EVENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`catalogueAdmin.sim.type.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`sim-at-${i}`}>{t('catalogueAdmin.sim.at')}</label>
              <DateInput
                id={`sim-at-${i}`}
                withTime
                value={r.at}
                onChange={(at) => change(i, { at })}
                invalidMessage={t('app.dateTimeInvalid')}
              />
            </div>
            {isConsultation(r.type) && (
              <div className="field">
                <label htmlFor={`sim-agency-${i}`}>{t('catalogueAdmin.sim.agency')}</label>
                <input
                  id={`sim-agency-${i}`}
                  value={r.agency ?? ''}
                  onChange={(e) => change(i, { agency: e.target.value })}
                />
              </div>
            )}
            {(r.type === 'extended' || r.type === 'consultation_sent') && (
              <div className="field">
                <label htmlFor={`sim-days-${i}`}>{t('catalogueAdmin.sim.workingDays')}</label>
                <input
                  id={`sim-days-${i}`}
                  type="number"
                  min={1}
                  max={60}
                  value={r.workingDays}
                  onChange={(e) => change(i, { workingDays: Number(e.target.value) || 1 })}
                />
              </div>
            )}
            {r.type === 'supplement_requested' && (
              <label>
                <input
                  type="checkbox"
                  checked={r.newDefect}
                  onChange={(e) => change(i, { newDefect: e.target.checked })}
                />{' '}
                {t('catalogueAdmin.sim.newDefect')}
              </label>
            )}
            <Button
              type="button"
              variant="secondary"
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              {t('catalogueAdmin.sim.remove')}
            </Button>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                type: 'supplement_requested',
                at: rs.at(-1)?.at ?? receivedAt,
                workingDays: 5,
                newDefect: false,
              },
            ])
          }
        >
          {t('catalogueAdmin.sim.add')}
        </Button>
        <Button type="button" onClick={run} disabled={pending}>
          {t('catalogueAdmin.sim.run')}
        </Button>
      </div>
      {failed && <Alert kind="error">{failed}</Alert>}
      {result && <SimulationResult result={result} locale={locale} />}
      {result?.interagency && (
        <InteragencyTimeline receivedAt={instantOfVnLocal(receivedAt) ?? ''} plan={result.interagency} />
      )}
    </Card>
  );
}

function SimulationResult({ result, locale }: { result: TSimulateResponse; locale: 'vi' | 'en' }) {
  const { t } = useI18n();
  return (
    <div aria-live="polite" data-testid="sim-result">
      <p>
        <strong>
          {result.dueAt
            ? t('catalogueAdmin.sim.due', { date: formatDateTime(result.dueAt) })
            : t('catalogueAdmin.sim.paused')}
        </strong>
      </p>
      <Table
        caption={t('catalogueAdmin.sim.steps')}
        rows={result.steps}
        rowKey={(s) => s.step}
        empty={null}
        columns={[
          { header: t('catalogueAdmin.sim.step'), cell: (s) => s.name[locale], rowHeader: true },
          { header: t('catalogueAdmin.sim.stepDue'), cell: (s) => formatDateTime(s.dueAt) },
        ]}
      />
      {result.events.length > 0 && (
        <Table
          caption={t('catalogueAdmin.sim.effects')}
          rows={result.events}
          rowKey={(_, i) => i}
          empty={null}
          columns={[
            {
              header: t('catalogueAdmin.sim.event'),
              rowHeader: true,
              cell: (e) => (
                <>
                  {t(`catalogueAdmin.sim.type.${e.type}`)}
                  {e.late && ` — ${t('catalogueAdmin.sim.late')}`}
                  {e.early && ` — ${t('catalogueAdmin.sim.early')}`}
                  {e.repeat ? ` — ${t('catalogueAdmin.sim.repeat', { n: e.repeat + 1 })}` : ''}
                  {e.consultationDueAt &&
                    ` — ${t('catalogueAdmin.sim.consultationDue', { agency: e.agency ?? '', due: formatDateTime(e.consultationDueAt) })}`}
                  {e.grade === 'late' && ` — ${t('catalogueAdmin.sim.late')}`}
                </>
              ),
            },
            { header: t('catalogueAdmin.sim.at'), cell: (e) => formatDateTime(e.at) },
            { header: t('catalogueAdmin.sim.status'), cell: (e) => DOSSIER_STATUS_LABELS[e.status][locale] },
            { header: t('catalogueAdmin.sim.dueAfter'), cell: (e) => formatDateTime(e.dueAt) },
          ]}
        />
      )}
    </div>
  );
}
