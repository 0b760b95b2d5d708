// The rules of inter-agency processing (liên thông, issue 14; 000 Đ8, 001 Đ11), pure: the order partners work in
// (paper: sequential in the desk's order; electronic: parallel), each partner's due time in ITS calendar, whether a
// plan's budgets fit inside the statutory total, and the plan the simulator shows. The live actions
// (interagency.service.ts), the catalogue editor (catalogue/workflow.ts) and the simulator all call these.
import type {
  TDossierChannel,
  TInteragencyMode,
  TInteragencyPartner,
  TInteragencyPlan,
} from '@motcua/contracts';
import { AppError } from '../../http/errors';
import type { Calendar } from '../calendar';
import { requestDue } from './agency-request-rules';

/** Paper (counter, post) goes from partner to partner; an electronic dossier goes to all partners at once. */
export function interagencyMode(channel: TDossierChannel): TInteragencyMode {
  return channel === 'online' ? 'parallel' : 'sequential';
}

const bad = (vi: string, en: string) => new AppError('BAD_REQUEST', { details: { vi, en } });

/**
 * The partners in the order they work: the desk's `order` for a sequential dossier (every partner once), the plan's
 * order otherwise. An order for an electronic dossier is refused: all partners receive it at once.
 */
export function orderPartners(
  plan: TInteragencyPlan,
  mode: TInteragencyMode,
  order: readonly string[] | undefined,
): TInteragencyPartner[] {
  if (!order) return plan.partners;
  if (mode === 'parallel') {
    throw bad(
      'hồ sơ điện tử được chuyển đồng thời đến tất cả cơ quan phối hợp, không xếp thứ tự',
      'an electronic dossier goes to all partners at once: no order',
    );
  }
  const ids = plan.partners.map((p) => p.agencyId);
  if (
    order.length !== ids.length ||
    new Set(order).size !== order.length ||
    !order.every((o) => ids.includes(o))
  ) {
    throw bad(
      'thứ tự phải nêu mỗi cơ quan phối hợp của thủ tục đúng một lần',
      'the order must name each partner agency of the procedure exactly once',
    );
  }
  return order.map((id) => plan.partners.find((p) => p.agencyId === id)!);
}

/** A partner's due time: `workingDays` after its turn begins, by the partner's calendar. */
export function partnerDue(partnerCal: Calendar, openedAt: Date, workingDays: number): Date {
  return requestDue(partnerCal, openedAt, workingDays);
}

export type PlannedPart = { agencyId: string; position: number; openedAt: Date; dueAt: Date };

/**
 * Each partner's due time when every partner takes its full budget from `startAt`: all from the start in parallel,
 * one after another (each from the previous one's due time) in sequence. The simulator's and the editor's plan.
 */
export function planInteragency(
  calOf: (agencyId: string) => Calendar,
  partners: readonly TInteragencyPartner[],
  mode: TInteragencyMode,
  startAt: Date,
): PlannedPart[] {
  let at = startAt;
  return partners.map((p, position) => {
    const openedAt = mode === 'parallel' ? startAt : at;
    const dueAt = partnerDue(calOf(p.agencyId), openedAt, p.workingDays);
    at = dueAt;
    return { agencyId: p.agencyId, position, openedAt, dueAt };
  });
}

/** The lead consolidates once every partner's part is back: the appraisal cannot move on before. */
export function openInteragencyRule(open: number): void {
  if (open > 0) {
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: 'còn cơ quan phối hợp liên thông chưa trả phần việc của mình',
        en: 'a partner agency has not returned its part yet',
      },
    });
  }
}
