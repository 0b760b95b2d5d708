// The deadline rules of consultation (lấy ý kiến, 003 Đ13.5), pure: the consulted party's deadline counted in ITS
// calendar, the grade of an answer against it, and when the requester may proceed without one. The live actions
// (consultation.service.ts) and the simulator (procedure-simulate.ts) both call these.
import { AppError } from '../../http/errors';
import type { Calendar } from '../calendar';
import { requestDue } from './agency-request-rules';
import { gradeHandoff, type Timeliness } from './control-slip';

/** The consultation's deadline: `workingDays` after the request, by the consulted agency's calendar (003 Đ13.5.a). */
export function consultationDue(consultedCal: Calendar, requestedAt: Date, workingDays: number): Date {
  return requestDue(consultedCal, requestedAt, workingDays);
}

/** early / on time / late, as the control slip grades every handoff. */
export function gradeAnswer(answeredAt: Date, dueAt: Date): Timeliness {
  return gradeHandoff(answeredAt, dueAt);
}

/**
 * The requester may proceed without an answer only once the deadline has passed (003 Đ13.5.b); 422 DEADLINE_RULE
 * before it.
 */
export function closeWithoutAnswerRule(dueAt: Date, now: Date): void {
  if (now <= dueAt) {
    throw new AppError('DEADLINE_RULE', {
      details: {
        vi: 'chưa hết thời hạn lấy ý kiến, chưa được kết thúc khi chưa có trả lời',
        en: 'the consultation deadline has not passed: it cannot be closed without an answer',
      },
    });
  }
}

/** Consultation time lies inside the lead's processing time: the appraisal cannot finish while one is open. */
export function openConsultationsRule(open: number): void {
  if (open > 0) {
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: 'còn ý kiến chưa được trả lời: chờ trả lời hoặc kết thúc lấy ý kiến khi quá hạn',
        en: 'a consultation is still open: wait for the answer or close it once overdue',
      },
    });
  }
}
