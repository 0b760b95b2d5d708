/**
 * The official form sets of the one-stop mechanism. Which set applies is a matter of law and date, so it is data:
 * the intake module asks `templateSetFor(receivedAt)` and stores the answer with the document it renders.
 *
 * - TT 01/2018/TT-VPCP (23/11/2018, guiding ND 61/2018): Mẫu 01–06; the seeds cite them
 *   (003 Đ11–12: Mẫu 01 receipt, 02 supplement, 03 refusal, 04 apology, 05 process control slip, 06 register).
 * - TT 03/2025/TT-VPCP (signed 15/9/2025, guiding ND 118/2025): Mẫu 01–07 — 04 became the apology *and request to
 *   extend*, 05 the notice that processing stopped, 06 the control slip, 07 the register (SPEC §12). It cannot apply
 *   from ND 118's date (01/07/2025), before it was signed: it applies from its own entry into force.
 *
 * Entry into force of TT 03/2025: we could not read the circular's final article (no copy of the gazette text was
 * at hand). A circular of a central agency takes effect no sooner than 45 days after signing (Luật Ban hành văn bản
 * QPPL 2025, Đ57), i.e. not before 30/10/2025; the best-known date is 01/11/2025 and that is the default here. It is
 * configuration (`FORM_SET_TT03_2025_FROM`, a Vietnamese calendar date) so a deployment can correct it without a
 * release; `FORM_TEMPLATE_SET` still pins one set whatever the date.
 */
import { vnInstant } from '@motcua/contracts';
export type TemplateSetId = 'tt01-2018' | 'tt03-2025';
export type FormKind =
  | 'receipt'
  | 'supplement_request'
  | 'refusal'
  | 'apology'
  | 'stop_processing'
  | 'process_control'
  | 'register';

export type FormTemplate = { number: string; title: string };
export type TemplateSet = {
  id: TemplateSetId;
  /** The circular, as printed in the form's corner note. */
  circular: string;
  /** Midnight in Vietnam of the first day the set applies. */
  effectiveFrom: Date;
  forms: Partial<Record<FormKind, FormTemplate>>;
};

/** Default entry into force of TT 03/2025 (best known, see above): 00:00 on 01/11/2025 in Asia/Ho_Chi_Minh (UTC+7). */
export const TT03_2025_EFFECTIVE_FROM = new Date('2025-10-31T17:00:00Z');

/** Midnight in Vietnam (UTC+7) at the start of a `YYYY-MM-DD` calendar date. */
export function vnMidnight(day: string): Date {
  return vnInstant(day);
}

const COMMON = {
  receipt: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  supplement_request: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  refusal: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  apology: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  process_control: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  register: 'SỔ THEO DÕI HỒ SƠ',
} as const;

export const TEMPLATE_SETS: Record<TemplateSetId, TemplateSet> = {
  'tt01-2018': {
    id: 'tt01-2018',
    circular: 'Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ',
    effectiveFrom: new Date('2018-12-31T17:00:00Z'),
    forms: {
      receipt: { number: '01', title: COMMON.receipt },
      supplement_request: { number: '02', title: COMMON.supplement_request },
      refusal: { number: '03', title: COMMON.refusal },
      apology: { number: '04', title: COMMON.apology },
      process_control: { number: '05', title: COMMON.process_control },
      register: { number: '06', title: COMMON.register },
    },
  },
  'tt03-2025': {
    id: 'tt03-2025',
    circular: 'Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ',
    effectiveFrom: TT03_2025_EFFECTIVE_FROM,
    forms: {
      receipt: { number: '01', title: COMMON.receipt },
      supplement_request: { number: '02', title: COMMON.supplement_request },
      refusal: { number: '03', title: COMMON.refusal },
      // Phụ lục I of TT 03/2025 names Mẫu 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" and Mẫu 05
      // "Thông báo dừng giải quyết hồ sơ" — their own titles, not the 2018 ones.
      apology: { number: '04', title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' },
      stop_processing: { number: '05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' },
      process_control: { number: '06', title: COMMON.process_control },
      register: { number: '07', title: COMMON.register },
    },
  },
};

/**
 * The set in force on the day the dossier was received, unless configuration pins one (a province still printing
 * the old forms during transition, or a test). Pure: the time and the TT 03/2025 start are passed in.
 */
export function templateSetFor(
  receivedAt: Date,
  override?: TemplateSetId,
  tt03From: Date = TT03_2025_EFFECTIVE_FROM,
): TemplateSet {
  if (override) return TEMPLATE_SETS[override];
  return receivedAt.getTime() >= tt03From.getTime() ? TEMPLATE_SETS['tt03-2025'] : TEMPLATE_SETS['tt01-2018'];
}

export function formTemplate(set: TemplateSet, form: FormKind): FormTemplate {
  const template = set.forms[form];
  if (!template) throw new Error(`Template set ${set.id} has no form ${form}`);
  return template;
}
