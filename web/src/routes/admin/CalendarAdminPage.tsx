import { useState, type FormEvent } from 'react';
import { Alert, Card, Spinner, Button } from '../../components/ui';
import { HoursEditor } from '../../features/calendar/components/HoursEditor';
import { ScheduleImport } from '../../features/calendar/components/ScheduleImport';
import { UnitDays } from '../../features/calendar/components/UnitDays';
import { YearCalendar } from '../../features/calendar/components/YearCalendar';
import { useCalendarDays, useUnitCalendar } from '../../features/calendar/hooks';
import { useI18n } from '../../i18n/i18n';
import { vietnamYear } from '../../lib/clock';
import { useTitle } from '../../lib/useTitle';

/** /admin/calendar: a unit's year at a glance, its hours, the national schedule import and unit announcements. */
export function CalendarAdminPage() {
  const { t } = useI18n();
  useTitle(t('calendar.title'));
  const [unitCode, setUnitCode] = useState('99');
  const [year, setYear] = useState(() => vietnamYear());
  const [draft, setDraft] = useState({ unitCode: '99', year: String(year) });
  const unit = useUnitCalendar(unitCode);
  const days = useCalendarDays(unitCode, year);

  const show = (e: FormEvent) => {
    e.preventDefault();
    const y = Number(draft.year);
    setUnitCode(draft.unitCode.trim());
    if (Number.isInteger(y) && y >= 1900 && y <= 2199) setYear(y);
  };

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p>{t('calendar.lead')}</p>
      <form onSubmit={show} className="row">
        <label htmlFor="cal-unit">{t('calendar.unitCode')}</label>
        <input
          id="cal-unit"
          value={draft.unitCode}
          onChange={(e) => setDraft({ ...draft, unitCode: e.target.value })}
        />
        <label htmlFor="cal-year">{t('calendar.year')}</label>
        <input
          id="cal-year"
          type="number"
          min={1900}
          max={2199}
          value={draft.year}
          onChange={(e) => setDraft({ ...draft, year: e.target.value })}
        />
        <Button type="submit">{t('calendar.show')}</Button>
      </form>
      {unit.isError && <Alert kind="error">{unit.error.message}</Alert>}
      {unit.data && <p>{t('calendar.unitName', { name: unit.data.unit.name, code: unit.data.unit.code })}</p>}
      <Card>
        <ScheduleImport />
      </Card>
      {unit.data && (
        <>
          <Card>
            <HoursEditor unit={unit.data} />
          </Card>
          <Card>
            <UnitDays unit={unit.data} />
          </Card>
        </>
      )}
      <Card>
        <h2>{t('calendar.yearView', { year })}</h2>
        {days.isPending && unitCode !== '' && <Spinner label={t('app.loading')} />}
        {days.isError && <Alert kind="error">{days.error.message}</Alert>}
        {days.data && <YearCalendar year={days.data.year} days={days.data.days} />}
      </Card>
    </>
  );
}
