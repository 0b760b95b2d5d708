// The control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ: Mẫu 05 of TT 01/2018, Mẫu 06 of TT 03/2025) as data:
// the handoffs of a dossier read from its append-only event log, each graded against the due time of the step the
// dossier leaves. Pure: the step due times and the unit names are passed in.
import type { TDossierEventType, TWorkflow, TWorkflowStep } from '@motcua/contracts';
import { nextStep, stepOf } from './processing-steps';

/** "trước hạn / đúng hạn / quá hạn" of the forms. */
export type Timeliness = 'early' | 'on_time' | 'late';

const VN_OFFSET_MS = 7 * 3_600_000;
const vnDay = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/**
 * A step done after its due instant is late; done on an earlier (Vietnamese) calendar day than the due day it is
 * early; done on the due day, by the due time, it is on time — the day is the unit the slip and the reports count in.
 */
export function gradeHandoff(doneAt: Date, dueAt: Date): Timeliness {
  if (doneAt.getTime() > dueAt.getTime()) return 'late';
  return vnDay(doneAt) < vnDay(dueAt) ? 'early' : 'on_time';
}

export type SlipEvent = {
  type: TDossierEventType;
  at: Date;
  actorName: string | null;
  reason: string | null;
  data: Record<string, unknown>;
};

export type Party = { unit: string; person: string | null };

export type Handoff = {
  from: Party;
  to: Party;
  at: Date;
  /** Kết quả giải quyết: what was done at the step being left. */
  result: string;
  /** The due time of the step being left; null where the handoff starts the clock (receipt, supplement). */
  dueAt: Date | null;
  grade: Timeliness | null;
};

export type SlipContext = {
  workflow: TWorkflow;
  applicant: string;
  /** The dossier's appointment: the return at the desk is measured against it (the return step is off the clock). */
  appointmentAt: Date | null;
  /** Due time of a step instance entered at `at` (the calendar's working time plus the step's budget). */
  dueOf: (step: TWorkflowStep, at: Date) => Date;
  /** The unit holding a step: the desk, the specialist department, the agency's leadership. */
  unitOf: (step: TWorkflowStep) => string;
};

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const APPLICANT_UNIT = 'Tổ chức, cá nhân';

type ConsultedUnit = { agency?: unknown; department?: unknown };
const consultedUnit = (c: ConsultedUnit) =>
  [str(c.department), str(c.agency)].filter((x): x is string => x !== null).join(' – ');
const consultationsOf = (data: Record<string, unknown>) =>
  (Array.isArray(data.consultations) ? data.consultations : []) as (ConsultedUnit & { dueAt: string })[];

/** Paper scanned into the dossier at the counter (ND 45/2020 Đ18), as the `registered` or desk supplement event has it. */
function scannedAtCounter(data: Record<string, unknown>): string {
  const scans = data.scans as { components?: unknown; certifiedBy?: unknown } | undefined;
  if (!scans || typeof scans.components !== 'number') return '';
  return `; số hóa ${scans.components} thành phần hồ sơ giấy, chứng thực: ${str(scans.certifiedBy) ?? ''}`;
}

/** The handoffs of a dossier, oldest first, from its events (ordered by seq). */
export function handoffsOf(events: readonly SlipEvent[], ctx: SlipContext): Handoff[] {
  const w = ctx.workflow;
  const out: Handoff[] = [];
  let step: TWorkflowStep | null = null;
  let due: Date | null = null;
  let opinion: string | null = null;
  let paused = false;
  const enter = (s: TWorkflowStep | null, at: Date) => {
    step = s;
    due = s ? ctx.dueOf(s, at) : null;
  };
  const party = (s: TWorkflowStep | null, person: string | null): Party => ({
    unit: s ? ctx.unitOf(s) : APPLICANT_UNIT,
    person,
  });
  const push = (e: SlipEvent, to: Party, result: string, graded = true, dueAt: Date | null = due) => {
    const from = party(step, e.actorName);
    out.push({
      from,
      to,
      at: e.at,
      result,
      dueAt: graded ? dueAt : null,
      grade: graded && dueAt ? gradeHandoff(e.at, dueAt) : null,
    });
  };
  let scanned = '';
  for (const e of events) {
    const cur = step as TWorkflowStep | null;
    switch (e.type) {
      case 'registered':
        scanned = scannedAtCounter(e.data);
        break;
      case 'received': {
        const first = w.steps[0]!;
        out.push({
          from: { unit: APPLICANT_UNIT, person: ctx.applicant },
          to: party(first, e.actorName),
          at: e.at,
          result: `Tiếp nhận hồ sơ${scanned}`,
          dueAt: null,
          grade: null,
        });
        enter(first, e.at);
        break;
      }
      case 'handed_over': {
        const next = cur ? nextStep(w, cur.key) : null;
        push(e, party(next, null), 'Chuyển hồ sơ đến cơ quan, đơn vị giải quyết');
        enter(next, e.at);
        break;
      }
      case 'assigned': {
        const handler = (e.data.handler as { name?: string } | undefined)?.name ?? null;
        const target = stepOf(w, str(e.data.toStep));
        if (cur && target && target.key !== cur.key) {
          push(e, party(target, handler), 'Phân công xử lý');
          enter(target, e.at);
        } else if (cur) {
          push(e, party(cur, handler), `Phân công lại: ${e.reason ?? ''}`.trim(), false);
        }
        break;
      }
      case 'appraised':
        opinion = str(e.data.opinion);
        break;
      case 'forwarded':
      case 'stepped_back': {
        const target = stepOf(w, str(e.data.toStep));
        const result =
          e.type === 'stepped_back'
            ? `Trả lại bước trước: ${e.reason ?? ''}`
            : cur?.kind === 'appraisal'
              ? `Đã thẩm định${opinion ? `: ${opinion}` : ''}`
              : cur?.kind === 'approval'
                ? 'Đã phê duyệt'
                : 'Chuyển bước tiếp theo';
        push(e, party(target, null), result.trim());
        enter(target, e.at);
        break;
      }
      case 'supplement_requested':
        if (cur && cur.kind !== 'reception') {
          push(e, { unit: `${APPLICANT_UNIT} (qua Bộ phận Một cửa)`, person: null }, 'Yêu cầu bổ sung hồ sơ');
          paused = true;
        }
        break;
      case 'supplement_submitted':
        if (cur && paused) {
          out.push({
            from: { unit: APPLICANT_UNIT, person: ctx.applicant },
            to: party(cur, null),
            at: e.at,
            result: `Nộp bổ sung hồ sơ; thời gian giải quyết tính lại từ đầu${scannedAtCounter(e.data)}`,
            dueAt: null,
            grade: null,
          });
          enter(cur, e.at);
          paused = false;
        }
        break;
      case 'result_issued': {
        const ret = w.steps.find((s) => s.kind === 'return') ?? null;
        const kind = e.data.kind === 'refused' ? 'Từ chối giải quyết' : 'Chấp thuận';
        const summary = str(e.data.summary);
        push(e, party(ret, null), `Có kết quả: ${kind}${summary ? ` – ${summary}` : ''}`);
        enter(ret, e.at);
        break;
      }
      case 'result_returned':
        push(
          e,
          { unit: APPLICANT_UNIT, person: str(e.data.collectedBy) },
          'Trả kết quả',
          true,
          ctx.appointmentAt,
        );
        enter(null, e.at);
        break;
      // Consultation (issue 14, 003 Đ13.5.b: recorded on the slip): the request, and the answer graded against its due.
      case 'consultation_sent':
        for (const c of consultationsOf(e.data)) {
          out.push({
            from: party(cur, e.actorName),
            to: { unit: consultedUnit(c), person: null },
            at: e.at,
            result: `Gửi lấy ý kiến: ${str(e.data.content) ?? ''}`.trim(),
            dueAt: new Date(c.dueAt),
            grade: null,
          });
        }
        break;
      case 'consultation_answered': {
        const dueAt = new Date(String(e.data.dueAt));
        const verb = e.data.answer === 'declined' ? 'Từ chối cho ý kiến' : 'Trả lời ý kiến';
        out.push({
          from: { unit: consultedUnit(e.data), person: e.actorName },
          to: party(cur, null),
          at: e.at,
          result: `${verb}: ${str(e.data.opinion) ?? ''}`.trim(),
          dueAt,
          grade: gradeHandoff(e.at, dueAt),
        });
        break;
      }
      case 'consultation_closed': {
        const basis = str(e.data.legalBasis);
        const silence = e.data.silenceMeansAgreement
          ? `không trả lời được coi là đồng ý${basis ? ` (${basis})` : ''}`
          : 'không trả lời không được coi là đồng ý';
        out.push({
          from: { unit: consultedUnit(e.data), person: null },
          to: party(cur, e.actorName),
          at: e.at,
          result: `Quá hạn lấy ý kiến, không có trả lời; ${silence}`,
          dueAt: new Date(String(e.data.dueAt)),
          grade: 'late',
        });
        break;
      }
      case 'stopped':
        push(e, { unit: APPLICANT_UNIT, person: null }, `Dừng giải quyết: ${e.reason ?? ''}`.trim(), false);
        enter(null, e.at);
        break;
      default:
        break;
    }
  }
  return out;
}
