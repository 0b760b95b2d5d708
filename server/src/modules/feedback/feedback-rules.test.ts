import { describe, expect, it } from 'vitest';
import { knownIndicators, timeScore, type DossierFacts } from './feedback-rules';

/** Literal Việt Nam times (UTC+7). */
const vn = (local: string) => new Date(`${local}:00+07:00`);

describe('each agency’s time (TT 01/2018), computed from the dossier’s record', () => {
  const base: DossierFacts = {
    resultAt: vn('2026-05-06T10:00'),
    appointmentAt: vn('2026-05-08T16:00'),
    supplements: 0,
    submittedOnline: true,
    resultOnline: true,
    agencyParts: [],
  };

  it('scores a part 2 before its due day, 1 on that day, 0 when late', () => {
    expect(timeScore(vn('2026-04-29T16:00'), vn('2026-05-04T09:00'))).toBe(2); // before 30/4–1/5
    expect(timeScore(vn('2026-05-04T08:00'), vn('2026-05-04T09:00'))).toBe(1);
    expect(timeScore(vn('2026-05-04T09:01'), vn('2026-05-04T09:00'))).toBe(0);
  });

  it('without partner agencies it is the lead agency’s own time', () => {
    expect(knownIndicators(base)).toMatchObject({ total_time: 2, agency_time: 2 });
    expect(knownIndicators({ ...base, resultAt: vn('2026-05-09T08:00') })).toMatchObject({
      total_time: 0,
      agency_time: 0,
    });
  });

  it('one partner late makes it 0 although the result was early; one on its due day makes it 1', () => {
    const early = { agencyId: 'a', dueAt: vn('2026-05-04T09:00'), doneAt: vn('2026-04-29T15:00') };
    const onDay = { agencyId: 'b', dueAt: vn('2026-05-05T17:00'), doneAt: vn('2026-05-05T09:00') };
    const late = { agencyId: 'c', dueAt: vn('2026-05-05T17:00'), doneAt: vn('2026-05-06T08:00') };
    expect(knownIndicators({ ...base, agencyParts: [early] }).agency_time).toBe(2);
    expect(knownIndicators({ ...base, agencyParts: [early, onDay] }).agency_time).toBe(1);
    expect(knownIndicators({ ...base, agencyParts: [early, onDay, late] })).toMatchObject({
      total_time: 2,
      agency_time: 0,
    });
    // A part opened and never done is late; a part never opened (no due time) has no time of its own.
    const undone = { agencyId: 'd', dueAt: vn('2026-05-05T17:00'), doneAt: null };
    const waiting = { agencyId: 'e', dueAt: null, doneAt: null };
    expect(knownIndicators({ ...base, agencyParts: [undone] }).agency_time).toBe(0);
    expect(knownIndicators({ ...base, agencyParts: [waiting] }).agency_time).toBe(2);
  });
});
