import { describe, expect, it } from 'vitest';
import type { TSimulateRequest, TSimulateResponse } from '@motcua/contracts';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { intakeFixture } from './dossiers.test-helpers';

// Literal dates, Việt Nam time, on the demo province's 2026 calendar: Tết 16–20/2/2026; Saturday 22/8/2026 is a
// working day swapped for Monday 31/8. 1.004227 (Sở TT&TT): 10 working days.
const at = (local: string) => `${local}:00.000+07:00`;

describe('the simulator learns consultation (issue 14): consultation_sent / consultation_answered with agency', async () => {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, f.clock.now()));
  const simulate = (body: TSimulateRequest) =>
    f.inject(null, 'POST', '/api/procedures/1.004227/simulate', body);
  const ok = async (body: TSimulateRequest) => {
    const res = await simulate(body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TSimulateResponse>();
  };

  it('dates the consultation in the consulted agency’s calendar over Tết; the lead’s appointment does not move', async () => {
    const r = await ok({
      receivedAt: at('2026-02-12T09:00'),
      events: [
        { type: 'consultation_sent', at: at('2026-02-13T09:00'), agency: 'SXD', workingDays: 3 },
        { type: 'consultation_sent', at: at('2026-02-13T09:00'), agency: f.agency('STP'), workingDays: 1 },
        { type: 'consultation_answered', at: at('2026-02-23T08:00'), agency: f.agency('STP') },
        { type: 'consultation_answered', at: at('2026-02-26T14:00'), agency: 'SXD' },
        { type: 'result', at: at('2026-03-02T09:00') },
      ],
    });
    expect(r.dueAt).toBe(at('2026-03-05T09:00'));
    // Fri 13/2 + 3 working days, Tết skipped: Wed 25/2 09:00; + 1: Mon 23/2 09:00.
    expect(r.consultations).toEqual([
      {
        agency: 'SXD',
        sentAt: at('2026-02-13T09:00'),
        dueAt: at('2026-02-25T09:00'),
        answeredAt: at('2026-02-26T14:00'),
        grade: 'late',
      },
      {
        agency: f.agency('STP'),
        sentAt: at('2026-02-13T09:00'),
        dueAt: at('2026-02-23T09:00'),
        answeredAt: at('2026-02-23T08:00'),
        grade: 'on_time',
      },
    ]);
    expect(r.events[0]).toMatchObject({
      status: 'in_processing',
      clock: 'running',
      dueAt: at('2026-03-05T09:00'),
    });
    expect(r.events[3]).toMatchObject({
      agency: 'SXD',
      consultationDueAt: at('2026-02-25T09:00'),
      grade: 'late',
    });
    expect(r.events.at(-1)).toMatchObject({ type: 'result', early: true });
  });

  it('a swapped Saturday counts for the consultation deadline', async () => {
    // Thu 20/8 09:00 + 2 working days: Fri 21, Sat 22 (worked) → Sat 22/8 09:00.
    const r = await ok({
      receivedAt: at('2026-08-20T08:00'),
      events: [{ type: 'consultation_sent', at: at('2026-08-20T09:00'), agency: 'SXD', workingDays: 2 }],
    });
    expect(r.consultations[0]!.dueAt).toBe(at('2026-08-22T09:00'));
  });

  it('refuses what live refuses: a result while a consultation is open, an answer never asked; bad input', async () => {
    const open = await simulate({
      receivedAt: at('2026-02-12T09:00'),
      events: [
        { type: 'consultation_sent', at: at('2026-02-13T09:00'), agency: 'SXD', workingDays: 3 },
        { type: 'result', at: at('2026-03-02T09:00') },
      ],
    });
    expect(open.statusCode).toBe(422);
    expect(open.json()).toMatchObject({ code: 'SIMULATION_STATE' });
    const never = await simulate({
      receivedAt: at('2026-02-12T09:00'),
      events: [{ type: 'consultation_answered', at: at('2026-02-13T09:00'), agency: 'SXD' }],
    });
    expect(never.statusCode).toBe(422);
    expect(never.json().message).toContain('trả lời ý kiến');
    const unknown = await simulate({
      receivedAt: at('2026-02-12T09:00'),
      events: [{ type: 'consultation_sent', at: at('2026-02-13T09:00'), agency: 'KHONGCO', workingDays: 3 }],
    });
    expect(unknown.statusCode).toBe(404);
    const noDays = await simulate({
      receivedAt: at('2026-02-12T09:00'),
      events: [{ type: 'consultation_sent', at: at('2026-02-13T09:00'), agency: 'SXD' }],
    });
    expect(noDays.statusCode).toBe(400);
  });
});
