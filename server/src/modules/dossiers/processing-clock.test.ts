import { describe, expect, it } from 'vitest';
import {
  DOSSIER_EVENT_LABELS,
  DOSSIER_EVENT_TYPES,
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUSES,
} from '@motcua/contracts';
import { buildCalendar, localDateTime } from '../calendar';
import { DOSSIER_EVENT_RULES } from './dossier-events';
import { clockEventsOf, processingClockOf, type ClockSourceEvent } from './processing-clock';

const cal = buildCalendar({});
const L = (s: string): Date => localDateTime(s.slice(0, 10), s.slice(11, 16));
const ev = (type: ClockSourceEvent['type'], at: string): ClockSourceEvent => ({ type, at: L(at) });

describe('the lifecycle as data', () => {
  it('every event has a rule (permission, actor kinds, channel) and a label; every status a label', () => {
    for (const e of DOSSIER_EVENT_TYPES) {
      expect(DOSSIER_EVENT_RULES[e].actorKinds.length, e).toBeGreaterThan(0);
      expect(DOSSIER_EVENT_LABELS[e].vi, e).toMatch(/\S/);
      expect(DOSSIER_EVENT_LABELS[e].en, e).toMatch(/\S/);
    }
    for (const s of DOSSIER_STATUSES) expect(DOSSIER_STATUS_LABELS[s].vi).toMatch(/\S/);
    // System-only events are never open to an account, and applicant events are always online.
    expect(DOSSIER_EVENT_RULES.handed_over).toEqual({
      permission: 'system',
      actorKinds: ['system'],
      channel: null,
    });
    expect(DOSSIER_EVENT_RULES.amended.channel).toBe('online');
  });
});

describe('processing clock from the dossier events', () => {
  it('starts at receipt; the reception-stage supplement (before receipt) is not on it', () => {
    const events = [
      ev('submitted', '2026-03-02 08:00'),
      ev('supplement_requested', '2026-03-02 09:00'),
      ev('supplement_submitted', '2026-03-03 09:00'),
      ev('received', '2026-03-04 10:00'),
      ev('handed_over', '2026-03-04 10:00'),
    ];
    expect(clockEventsOf(events)).toEqual([{ type: 'started', at: L('2026-03-04 10:00') }]);
    const c = processingClockOf(cal, { unit: 'working_days', value: 5 }, events, L('2026-03-04 10:00'));
    expect(c.due).toEqual(L('2026-03-11 10:00'));
  });

  it('a supplement during processing pauses it; the complete supplement restarts it from zero (003 Đ13.4)', () => {
    const events = [
      ev('received', '2026-03-02 09:00'),
      ev('supplement_requested', '2026-03-04 09:00'),
      ev('supplement_submitted', '2026-03-10 14:00'),
    ];
    const paused = processingClockOf(
      cal,
      { unit: 'working_days', value: 5 },
      events.slice(0, 2),
      L('2026-03-05 09:00'),
    );
    expect(paused.status).toBe('paused');
    expect(paused.due).toBeNull();
    const c = processingClockOf(cal, { unit: 'working_days', value: 5 }, events, L('2026-03-10 14:00'));
    expect(c.due).toEqual(L('2026-03-17 14:00'));
  });

  it('an immediate result is due at receipt and never overdue (001 Đ10.1.d)', () => {
    const c = processingClockOf(
      cal,
      { unit: 'immediate', value: 0 },
      [ev('received', '2026-03-02 09:00')],
      L('2026-06-01 09:00'),
    );
    expect(c.due).toEqual(L('2026-03-02 09:00'));
    expect(c.overdue).toBe(false);
  });
});
