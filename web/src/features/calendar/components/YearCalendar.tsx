import type { TCalendarDay } from '@motcua/contracts';
import { CALENDAR_WEEKDAYS } from '@motcua/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';

/** The word written in a day's cell, so that a day's kind never depends on colour alone. */
function tagOf(day: TCalendarDay): MessageKey | null {
  switch (day.source) {
    case 'holiday':
      return 'calendar.tag.holiday';
    case 'swapped_working':
      return 'calendar.tag.swapped';
    case 'unit_closed':
      return 'calendar.tag.closed';
    case 'unit_working':
      return 'calendar.tag.unitWorking';
    case 'unit_reception':
      return 'calendar.tag.reception';
    default:
      return null;
  }
}

function Month({ year, month, days }: { year: number; month: number; days: TCalendarDay[] }) {
  const { t } = useI18n();
  // Weeks start on Monday; leading cells before the 1st stay empty.
  const lead = CALENDAR_WEEKDAYS.indexOf(days[0]?.weekday ?? 'mon');
  const cells: Array<TCalendarDay | null> = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const special = days.filter((d) => d.reason !== null);
  const captionId = `cal-${year}-${month}`;
  return (
    <section className="cal-month" aria-labelledby={captionId}>
      <table className="cal-table">
        <caption id={captionId}>{t('calendar.month', { month, year })}</caption>
        <thead>
          <tr>
            {CALENDAR_WEEKDAYS.map((wd) => (
              <th key={wd} scope="col" abbr={t(`calendar.weekday.${wd}`)}>
                {t(`calendar.weekdayShort.${wd}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((d, j) =>
                d ? (
                  <td
                    key={d.date}
                    data-date={d.date}
                    data-kind={d.kind}
                    className={`cal-day cal-${d.kind}`}
                    aria-label={`${d.date}: ${t(`calendar.kind.${d.kind}`)}${d.reason ? ` — ${d.reason}` : ''}`}
                  >
                    <span className="cal-num">{Number(d.date.slice(8))}</span>
                    {tagOf(d) && <span className="cal-tag">{t(tagOf(d)!)}</span>}
                  </td>
                ) : (
                  <td key={`e${j}`} className="cal-empty" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {special.length > 0 && (
        <ul className="cal-special" aria-label={t('calendar.specialDays')}>
          {special.map((d) => (
            <li key={d.date} data-date={d.date}>
              <time dateTime={d.date}>{`${Number(d.date.slice(8))}/${month}`}</time>{' '}
              <strong>{t(`calendar.kind.${d.kind}`)}</strong>: {d.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A year as twelve month tables (one table per month, weekday column headers), days off marked in words. */
export function YearCalendar({ year, days }: { year: number; days: TCalendarDay[] }) {
  const { t } = useI18n();
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <div>
      <p className="muted">{t('calendar.legend')}</p>
      <div className="cal-grid">
        {months.map((m) => (
          <Month key={m} year={year} month={m} days={days.filter((d) => Number(d.date.slice(5, 7)) === m)} />
        ))}
      </div>
    </div>
  );
}
