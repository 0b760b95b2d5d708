// Deadline arithmetic must not slow down with the span: 60-working-day deadlines vs 1-working-day
// deadlines (the baseline) on the same calendar, in the same run. Target ratio ≥ 0.5.
import { addWorkingDays, buildCalendar, localDateTime } from '../server/src/modules/calendar';
import type { DayCountMode } from '../server/src/modules/calendar';

const cal = buildCalendar({ years: { from: 2024, to: 2032 } });

// Start instants spread over two years at odd minutes, so every lookup path (working time,
// lunch, nights, weekends, holidays) is exercised, not one cached day.
const base = localDateTime('2026-01-01', '00:00').getTime();
const TWO_YEARS_MIN = 2 * 365 * 24 * 60;
const starts: Date[] = Array.from(
  { length: 4096 },
  (_, i) => new Date(base + ((i * 7919) % TWO_YEARS_MIN) * 60_000),
);
const modes: DayCountMode[] = ['hours', 'civil'];

let sink = 0;

/** Deadlines per second over roughly `budgetMs` of wall time. */
function measure(days: number, budgetMs: number): number {
  let count = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 2048; i++) {
      const start = starts[(count + i) & 4095] as Date;
      sink += addWorkingDays(cal, start, days, modes[i & 1]).getTime() & 1;
    }
    count += 2048;
    elapsed = performance.now() - t0;
  }
  return (count / elapsed) * 1000;
}

// Warm up the JIT and make sure every year the runs reach is already compiled.
measure(60, 300);
measure(1, 300);

const rounds = 5;
const rate60: number[] = [];
const rate1: number[] = [];
for (let r = 0; r < rounds; r++) {
  rate1.push(measure(1, 200));
  rate60.push(measure(60, 200));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const candidate = median(rate60);
const baseline = median(rate1);
if (sink < 0) console.error(sink); // keeps the results observable so nothing is optimised away
console.log(
  `calendar: ${candidate.toFixed(0)} deadlines/s (ratio ${(candidate / baseline).toFixed(2)} vs baseline)`,
);
