import { useState, type FormEvent } from 'react';
import { CALENDAR_WEEKDAYS, type TUnitCalendarResponse, type TWeeklyHours } from '@motcua/contracts';
import { Alert, Button } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { usePutHours } from '../hooks';

type Period = { start: string; end: string };
const show = (ps: readonly Period[]) => ps.map((p) => `${p.start}-${p.end}`).join(', ');

/** "07:00-11:00, 13:00-17:00" → periods; null when the text is not in that form. */
export function parsePeriods(text: string): Period[] | null {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out: Period[] = [];
  for (const part of parts) {
    const m = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(part);
    if (!m) return null;
    out.push({ start: m[1]!, end: m[2]! });
  }
  return out;
}

export function HoursEditor({ unit }: { unit: TUnitCalendarResponse }) {
  const { t } = useI18n();
  const put = usePutHours(unit.unit.code);
  const [rows, setRows] = useState(() => toRows(unit.weekly));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Saved hours coming back from the server replace the rows being edited.
  const [shownWeekly, setShownWeekly] = useState(unit.weekly);
  if (unit.weekly !== shownWeekly) {
    setShownWeekly(unit.weekly);
    setRows(toRows(unit.weekly));
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const weekly = {} as Record<string, { work: Period[]; reception: Period[] }>;
    for (const wd of CALENDAR_WEEKDAYS) {
      const work = parsePeriods(rows[wd].work);
      const reception = parsePeriods(rows[wd].reception);
      if (!work || !reception) {
        setError(t('calendar.hours.badFormat', { day: t(`calendar.weekday.${wd}`) }));
        return;
      }
      weekly[wd] = { work, reception };
    }
    setError(null);
    put.mutate(weekly as TWeeklyHours, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={submit} aria-labelledby="hours-title">
      <h2 id="hours-title">{t('calendar.hours.title')}</h2>
      <p>
        {unit.ownWeekly
          ? t('calendar.hours.own')
          : unit.inheritedFrom
            ? t('calendar.hours.inherited', { code: unit.inheritedFrom })
            : t('calendar.hours.default')}
      </p>
      <p className="muted" id="hours-hint">
        {t('calendar.hours.hint')}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('calendar.hours.day')}</th>
              <th scope="col">{t('calendar.hours.work')}</th>
              <th scope="col">{t('calendar.hours.reception')}</th>
            </tr>
          </thead>
          <tbody>
            {CALENDAR_WEEKDAYS.map((wd) => (
              <tr key={wd}>
                <th scope="row">{t(`calendar.weekday.${wd}`)}</th>
                {(['work', 'reception'] as const).map((field) => (
                  <td key={field}>
                    <input
                      aria-label={`${t(`calendar.hours.${field}`)} — ${t(`calendar.weekday.${wd}`)}`}
                      aria-describedby="hours-hint"
                      value={rows[wd][field]}
                      onChange={(e) => setRows({ ...rows, [wd]: { ...rows[wd], [field]: e.target.value } })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {put.isError && <Alert kind="error">{put.error.message}</Alert>}
      {saved && <Alert kind="success">{t('calendar.hours.saved')}</Alert>}
      <div className="row">
        <Button type="submit" disabled={put.isPending}>
          {t('calendar.hours.save')}
        </Button>
        {unit.ownWeekly && unit.unit.parentCode && (
          <Button type="button" variant="secondary" onClick={() => put.mutate(null)}>
            {t('calendar.hours.inherit')}
          </Button>
        )}
      </div>
    </form>
  );
}

function toRows(weekly: TWeeklyHours) {
  return Object.fromEntries(
    CALENDAR_WEEKDAYS.map((wd) => [
      wd,
      { work: show(weekly[wd].work), reception: show(weekly[wd].reception) },
    ]),
  ) as Record<(typeof CALENDAR_WEEKDAYS)[number], { work: string; reception: string }>;
}
