import { z } from 'zod';
import {
  SECOND_SUPPLEMENT_REASON,
  ZSimulatedEventType,
  ZSimulateRequest,
  type TSimulatedEvent,
  type TSimulatedEventType,
  type TSimulateRequest,
} from '@motcua/contracts';
import type { MessageKey } from '../../../i18n/i18n';
import { instantOfVnLocal } from '../simulate';

type Translate = (key: MessageKey) => string;

export const isConsultation = (type: TSimulatedEventType) =>
  type === 'consultation_sent' || type === 'consultation_answered';
/** The events that carry working days: an extension, a consultation sent (its deadline). */
export const hasWorkingDays = (type: TSimulatedEventType) =>
  type === 'extended' || type === 'consultation_sent';

/**
 * The simulator's form: times as typed in Việt Nam time ('YYYY-MM-DDTHH:MM', '' while the text is not a time) and
 * each event row with every field a person may fill, turned into the request (only the fields its type carries)
 * and validated by the request's contract schema `ZSimulateRequest`, so the form refuses what the server would.
 */
export function simulateFormSchema(t: Translate) {
  const vnLocal = z.string().transform((value, ctx) => {
    const at = instantOfVnLocal(value);
    if (at) return at;
    ctx.addIssue({ code: 'custom', message: t('app.dateTimeInvalid') });
    return z.NEVER;
  });
  const row = z.object({
    type: ZSimulatedEventType,
    at: vnLocal,
    // A number input cleared is NaN: the contract says what is wrong with it, if the event carries it.
    workingDays: z.union([z.number(), z.nan()]),
    agency: z.string(),
    newDefect: z.boolean(),
  });
  return z
    .object({ receivedAt: vnLocal, channel: ZSimulateRequest.shape.channel, events: z.array(row) })
    .transform(({ events, ...request }): TSimulateRequest => ({
      ...request,
      events: events.map(({ type, at, workingDays, agency, newDefect }): TSimulatedEvent => ({
        type,
        at,
        ...(hasWorkingDays(type) ? { workingDays } : {}),
        ...(isConsultation(type) ? { agency } : {}),
        ...(type === 'supplement_requested' && newDefect ? { reason: SECOND_SUPPLEMENT_REASON } : {}),
      })),
    }))
    .pipe(ZSimulateRequest);
}
type SimulateSchema = ReturnType<typeof simulateFormSchema>;
export type TSimulateForm = z.input<SimulateSchema>;
export type TSimulateFormOutput = z.output<SimulateSchema>;
export type TSimulateEventRow = TSimulateForm['events'][number];

/** A new event row: a supplement request at the time of the row before it (or of the receipt). */
export const newEventRow = (at: string): TSimulateEventRow => ({
  type: 'supplement_requested',
  at,
  workingDays: 5,
  agency: '',
  newDefect: false,
});
