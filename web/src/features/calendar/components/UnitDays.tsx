import { useState, type FormEvent } from 'react';
import type { TUnitCalendarResponse, TUnitDayInput } from '@motcua/contracts';
import { Alert, Button, Table } from '../../../components/ui';
import { DateInput } from '../../../components/ui/DateInput';
import { useI18n } from '../../../i18n/i18n';
import { useAddUnitDay, useRemoveUnitDay } from '../hooks';
import { parsePeriods } from './HoursEditor';

const KINDS = ['closed', 'working', 'reception'] as const;

/** Closures, extra working days and reception days announced by the unit (and inherited from its parents). */
export function UnitDays({ unit }: { unit: TUnitCalendarResponse }) {
  const { t } = useI18n();
  const code = unit.unit.code;
  const add = useAddUnitDay(code);
  const remove = useRemoveUnitDay(code);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<TUnitDayInput['kind']>('closed');
  const [reason, setReason] = useState('');
  const [reception, setReception] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const periods = parsePeriods(reception);
    if (!periods) {
      setError(t('calendar.hours.badFormat', { day: date }));
      return;
    }
    setError(null);
    const input: TUnitDayInput = {
      date,
      kind,
      reason,
      ...(periods.length > 0 && kind !== 'closed' ? { hours: { reception: periods } } : {}),
    };
    add.mutate(input, {
      onSuccess: () => {
        setDate('');
        setReason('');
        setReception('');
      },
    });
  };

  return (
    <section aria-labelledby="days-title">
      <h2 id="days-title">{t('calendar.days.title')}</h2>
      <Table
        labelledBy="days-title"
        rows={unit.unitDays}
        rowKey={(d) => `${d.unitCode}-${d.date}`}
        empty={t('calendar.days.none')}
        columns={[
          {
            header: t('calendar.days.date'),
            cell: (d) => <time dateTime={d.date}>{d.date}</time>,
            rowHeader: true,
          },
          { header: t('calendar.days.kind'), cell: (d) => t(`calendar.days.kind.${d.kind}`) },
          { header: t('calendar.days.reason'), cell: (d) => d.reason },
          { header: t('calendar.days.unit'), cell: (d) => d.unitCode },
          { header: t('calendar.days.by'), cell: (d) => d.announcedBy ?? '' },
          {
            header: t('calendar.days.actions'),
            cell: (d) =>
              d.unitCode === code && (
                <Button
                  variant="danger"
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(d.date)}
                >
                  {t('calendar.days.remove', { date: d.date })}
                </Button>
              ),
          },
        ]}
      />
      <form onSubmit={submit} className="stack">
        <label htmlFor="day-date">{t('calendar.days.date')}</label>
        <DateInput
          id="day-date"
          required
          value={date}
          onChange={setDate}
          invalidMessage={t('app.dateInvalid')}
        />
        <label htmlFor="day-kind">{t('calendar.days.kind')}</label>
        <select id="day-kind" value={kind} onChange={(e) => setKind(e.target.value as TUnitDayInput['kind'])}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.days.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="day-reason">{t('calendar.days.reason')}</label>
        <input
          id="day-reason"
          required
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {kind !== 'closed' && (
          <>
            <label htmlFor="day-reception">{t('calendar.days.receptionHours')}</label>
            <input
              id="day-reception"
              placeholder="07:30-11:30"
              value={reception}
              onChange={(e) => setReception(e.target.value)}
            />
          </>
        )}
        {error && <Alert kind="error">{error}</Alert>}
        {add.isError && <Alert kind="error">{add.error.message}</Alert>}
        {remove.isError && <Alert kind="error">{remove.error.message}</Alert>}
        {add.isSuccess && <Alert kind="success">{t('calendar.days.added')}</Alert>}
        <Button type="submit" disabled={add.isPending}>
          {t('calendar.days.add')}
        </Button>
      </form>
    </section>
  );
}
