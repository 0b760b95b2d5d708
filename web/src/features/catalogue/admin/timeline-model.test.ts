import { describe, expect, it } from 'vitest';
import { interagencyTimeline } from './timeline-model';

const agency = (agencyId: string, workingDays: number, startAt: string, dueAt: string) => ({
  agencyId,
  agency: `Sở ${agencyId}`,
  task: { vi: 'Phối hợp', en: 'Partner' },
  workingDays,
  startAt,
  dueAt,
});

describe('interagencyTimeline', () => {
  it('places sequential parts one after another on the span to the appointment', () => {
    const { bars, budget } = interagencyTimeline('2026-03-02T02:00:00Z', {
      mode: 'sequential',
      lead: 'Sở Xây dựng',
      agencies: [
        agency('A', 3, '2026-03-02T02:00:00Z', '2026-03-05T02:00:00Z'),
        agency('B', 2, '2026-03-05T02:00:00Z', '2026-03-09T02:00:00Z'),
      ],
      consolidatedDueAt: '2026-03-12T02:00:00Z',
    });
    expect(budget).toBe(5);
    expect(bars.map((b) => [b.agencyId, b.offset, b.width, b.over])).toEqual([
      ['A', 0, 30, false],
      ['B', 30, 40, false],
    ]);
  });

  it('parallel parts all start at receipt; one past the appointment is marked and clamped', () => {
    const { bars, budget } = interagencyTimeline('2026-03-02T02:00:00Z', {
      mode: 'parallel',
      lead: 'Sở Xây dựng',
      agencies: [
        agency('A', 3, '2026-03-02T02:00:00Z', '2026-03-05T02:00:00Z'),
        agency('B', 12, '2026-03-02T02:00:00Z', '2026-03-20T02:00:00Z'),
      ],
      consolidatedDueAt: '2026-03-12T02:00:00Z',
    });
    expect(budget).toBe(12);
    expect(bars.map((b) => [b.offset, b.width, b.over])).toEqual([
      [0, 30, false],
      [0, 100, true],
    ]);
  });
});
