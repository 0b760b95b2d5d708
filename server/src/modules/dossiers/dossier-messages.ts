import { registerTemplates, type MessageTemplate } from '../notifications';

/**
 * Texts of the messages to applicants (SPEC §11), Vietnamese and English, registered with the notifications module,
 * which renders, logs and delivers them. Every placeholder is always given (empty when not applicable).
 */
export type MessageKind =
  'submitted' | 'received' | 'supplement_requested' | 'refused' | 'extended' | 'result_ready' | 'stopped';
export type MessageParams = {
  ref: string;
  code: string;
  procedure: string;
  appointment: string;
  reason: string;
  lookupUrl: string;
};

export const DOSSIER_TEMPLATES: Record<`dossier.${MessageKind}`, MessageTemplate> = {
  'dossier.submitted': {
    vi: {
      subject: 'Đã nhận hồ sơ nộp trực tuyến {ref}',
      text: 'Hồ sơ “{procedure}” của Ông/Bà đã được gửi, mã nộp {ref}. Cơ quan sẽ xem xét tiếp nhận trong 08 giờ làm việc.',
    },
    en: {
      subject: 'Online submission {ref} received',
      text: 'Your dossier “{procedure}” was submitted with reference {ref}. The agency will decide on it within 8 working hours.',
    },
  },
  'dossier.received': {
    vi: {
      subject: 'Hồ sơ {code} đã được tiếp nhận',
      text: 'Hồ sơ “{procedure}” đã được tiếp nhận, mã hồ sơ {code}. Ngày hẹn trả kết quả: {appointment}. Tra cứu: {lookupUrl}',
    },
    en: {
      subject: 'Dossier {code} received',
      text: 'Your dossier “{procedure}” was received with code {code}. Result due: {appointment}. Look it up: {lookupUrl}',
    },
  },
  'dossier.supplement_requested': {
    vi: {
      subject: 'Hồ sơ {ref} cần bổ sung',
      text: 'Hồ sơ “{procedure}” (mã nộp {ref}) cần bổ sung, hoàn thiện: {reason}. Vui lòng đăng nhập Cổng dịch vụ công để nộp bổ sung.',
    },
    en: {
      subject: 'Dossier {ref} needs a supplement',
      text: 'Your dossier “{procedure}” (reference {ref}) needs completing: {reason}. Log in to the portal to add the missing items.',
    },
  },
  'dossier.refused': {
    vi: {
      subject: 'Hồ sơ {ref} bị từ chối tiếp nhận',
      text: 'Hồ sơ “{procedure}” (mã nộp {ref}) không được tiếp nhận. Lý do: {reason}',
    },
    en: {
      subject: 'Dossier {ref} refused',
      text: 'Your dossier “{procedure}” (reference {ref}) was not accepted. Reason: {reason}',
    },
  },
  'dossier.extended': {
    vi: {
      subject: 'Hồ sơ {code}: xin lỗi và hẹn lại ngày trả kết quả',
      text: 'Cơ quan xin lỗi vì chưa giải quyết xong hồ sơ “{procedure}” (mã {code}) đúng hẹn. Lý do: {reason}. Ngày hẹn trả kết quả mới: {appointment}.',
    },
    en: {
      subject: 'Dossier {code}: apology and new result date',
      text: 'We apologise: your dossier “{procedure}” (code {code}) could not be resolved on time. Reason: {reason}. New result date: {appointment}.',
    },
  },
  'dossier.result_ready': {
    vi: {
      subject: 'Hồ sơ {code} đã có kết quả',
      text: 'Hồ sơ “{procedure}” (mã {code}) đã có kết quả{reason}. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký. Tra cứu: {lookupUrl}',
    },
    en: {
      subject: 'Dossier {code}: result ready',
      text: 'The result of your dossier “{procedure}” (code {code}) is ready{reason}. Collect it as you chose. Look it up: {lookupUrl}',
    },
  },
  'dossier.stopped': {
    vi: {
      subject: 'Hồ sơ {code} đã dừng giải quyết',
      text: 'Theo đề nghị của Ông/Bà, hồ sơ “{procedure}” (mã {code}) đã dừng giải quyết. {reason}',
    },
    en: {
      subject: 'Dossier {code}: processing stopped',
      text: 'At your request, processing of your dossier “{procedure}” (code {code}) has stopped. {reason}',
    },
  },
};

registerTemplates(DOSSIER_TEMPLATES);
