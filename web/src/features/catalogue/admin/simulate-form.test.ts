import { describe, expect, it } from 'vitest';
import en from 'zod/v4/locales/en.js';
import { newEventRow, simulateFormSchema, type TSimulateForm } from './simulate-form';

const t = (key: string) => `«${key}»`;
const schema = simulateFormSchema(t);
const form = (over: Partial<TSimulateForm> = {}): TSimulateForm => ({
  receivedAt: '2026-02-12T09:00',
  channel: 'online',
  events: [],
  ...over,
});
const issues = (f: TSimulateForm) =>
  (schema.safeParse(f, { error: en().localeError }).error?.issues ?? []).map((i) => [
    i.path.join('.'),
    i.message,
  ]);

describe('simulator form', () => {
  it('sends times in Việt Nam time and only the fields each event carries', () => {
    const out = schema.parse(
      form({
        channel: 'paper',
        events: [
          { ...newEventRow('2026-02-23T10:00'), newDefect: true, agency: 'SXD' },
          { ...newEventRow('2026-02-24T10:00'), type: 'extended', workingDays: 3 },
          { ...newEventRow('2026-02-25T10:00'), type: 'consultation_sent', agency: ' SXD ', workingDays: 5 },
          { ...newEventRow('2026-02-26T10:00'), type: 'result', newDefect: true },
        ],
      }),
    );
    expect(out).toEqual({
      receivedAt: '2026-02-12T09:00:00+07:00',
      channel: 'paper',
      events: [
        { type: 'supplement_requested', at: '2026-02-23T10:00:00+07:00', reason: 'new_defect_in_supplement' },
        { type: 'extended', at: '2026-02-24T10:00:00+07:00', workingDays: 3 },
        { type: 'consultation_sent', at: '2026-02-25T10:00:00+07:00', workingDays: 5, agency: 'SXD' },
        { type: 'result', at: '2026-02-26T10:00:00+07:00' },
      ],
    });
  });

  it('says at its field when a time is not complete', () => {
    expect(issues(form({ receivedAt: '', events: [newEventRow('')] }))).toEqual([
      ['receivedAt', '«app.dateTimeInvalid»'],
      ['events.0.at', '«app.dateTimeInvalid»'],
    ]);
  });

  it("refuses what the contract refuses, at the event's field", () => {
    const row = newEventRow('2026-02-23T10:00');
    expect(
      issues(
        form({
          events: [
            { ...row, type: 'consultation_answered', agency: '' },
            { ...row, type: 'extended', workingDays: Number.NaN },
            { ...row, type: 'consultation_sent', agency: 'SXD', workingDays: 61 },
          ],
        }),
      ).map(([path]) => path),
    ).toEqual(['events.0.agency', 'events.1.workingDays', 'events.2.workingDays']);
    // A hidden field the event does not carry is not checked.
    expect(issues(form({ events: [{ ...row, type: 'result', workingDays: Number.NaN }] }))).toEqual([]);
  });
});
