/**
 * The official form sets of the one-stop mechanism. Which set applies is a matter of law and date, so it is data:
 * the intake module asks `templateSetFor(receivedAt)` and stores the answer with the document it renders.
 *
 * - TT 01/2018/TT-VPCP (23/11/2018, guiding ND 61/2018): Mẫu 01–06; the seeds cite them
 *   (003 Đ11–12: Mẫu 01 receipt, 02 supplement, 03 refusal, 04 apology, 05 process control slip, 06 register).
 * - TT 03/2025/TT-VPCP (guiding ND 118/2025, in force with it from 01/07/2025): Mẫu 01–07, adding the notice that
 *   processing stopped at the applicant's request; the register moved to Mẫu 07 (SPEC §12).
 */
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

/** 00:00 on 01/07/2025 in Asia/Ho_Chi_Minh (UTC+7). */
export const TT03_2025_EFFECTIVE_FROM = new Date('2025-06-30T17:00:00Z');

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
      apology: { number: '04', title: COMMON.apology },
      stop_processing: {
        number: '05',
        title: 'PHIẾU DỪNG GIẢI QUYẾT HỒ SƠ THEO ĐỀ NGHỊ CỦA TỔ CHỨC, CÁ NHÂN',
      },
      process_control: { number: '06', title: COMMON.process_control },
      register: { number: '07', title: COMMON.register },
    },
  },
};

/**
 * The set in force on the day the dossier was received, unless configuration pins one (a province still printing
 * the old forms during transition, or a test). Pure: the time is passed in.
 */
export function templateSetFor(receivedAt: Date, override?: TemplateSetId): TemplateSet {
  if (override) return TEMPLATE_SETS[override];
  return receivedAt.getTime() >= TT03_2025_EFFECTIVE_FROM.getTime()
    ? TEMPLATE_SETS['tt03-2025']
    : TEMPLATE_SETS['tt01-2018'];
}

export function formTemplate(set: TemplateSet, form: FormKind): FormTemplate {
  const template = set.forms[form];
  if (!template) throw new Error(`Template set ${set.id} has no form ${form}`);
  return template;
}
