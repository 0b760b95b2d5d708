// The pure half of an "outstanding request to another agency" (agency-request.ts): its due time, counted in the
// calendar of the agency asked. Consultation (consultation-rules.ts) and inter-agency parts (interagency-rules.ts)
// both count their deadlines with it, and so does the simulator.
import { processingDue, type Calendar } from '../calendar';

/** The request's due time: `workingDays` from `from`, by the calendar of the agency asked. */
export function requestDue(askedCal: Calendar, from: Date, workingDays: number): Date {
  return processingDue(askedCal, from, { unit: 'working_days', value: workingDays });
}
