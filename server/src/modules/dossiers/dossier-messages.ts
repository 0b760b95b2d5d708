import type { MESSAGE_KINDS } from '@motcua/contracts';
import { registerTemplates, type MessageTemplate } from '../notifications';

/**
 * Texts of the messages to applicants (SPEC §11), Vietnamese and English, registered with the notifications module,
 * which renders, logs and delivers them. Every placeholder is always given (empty when not applicable).
 */
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type MessageParams = {
  ref: string;
  code: string;
  procedure: string;
  appointment: string;
  reason: string;
  lookupUrl: string;
  /** The lookup PIN of the receipt (ADR 0014); the link above carries it too. */
  pin: string;
  /** The dossier's page in "Hồ sơ của tôi", where the signed result is downloaded (issue 15). */
  resultUrl: string;
  /** The signed satisfaction-rating link of a returned dossier (issue 16). */
  ratingUrl: string;
};

export const DOSSIER_TEMPLATES: Record<`dossier.${MessageKind}`, MessageTemplate> = {
  'dossier.submitted': {
    vi: {
      subject: 'Đã nhận hồ sơ nộp trực tuyến {ref}',
      text: 'Hồ sơ “{procedure}” của ông/bà đã được gửi, số tham chiếu {ref}. Cơ quan sẽ xem xét tiếp nhận trong 08 giờ làm việc.',
    },
    en: {
      subject: 'Online submission {ref} received',
      text: 'Your dossier “{procedure}” was submitted with submission reference {ref}. The agency will decide on it within 8 working hours.',
    },
  },
  'dossier.received': {
    vi: {
      subject: 'Hồ sơ {code} đã được tiếp nhận',
      text: 'Hồ sơ “{procedure}” đã được tiếp nhận, mã hồ sơ {code}. Thời gian hẹn trả kết quả: {appointment}. Mã PIN tra cứu: {pin}. Tra cứu: {lookupUrl}',
    },
    en: {
      subject: 'Dossier {code} received',
      text: 'Your dossier “{procedure}” was received with code {code}. Result due at: {appointment}. Lookup PIN: {pin}. Look it up: {lookupUrl}',
    },
  },
  'dossier.supplement_requested': {
    vi: {
      subject: 'Hồ sơ {ref} cần bổ sung',
      text: 'Hồ sơ “{procedure}” (số tham chiếu {ref}) cần bổ sung, hoàn thiện: {reason}. Vui lòng đăng nhập Cổng Dịch vụ công để nộp bổ sung.',
    },
    en: {
      subject: 'Dossier {ref} needs a supplement',
      text: 'Your dossier “{procedure}” (submission reference {ref}) needs completing: {reason}. Log in to the portal to add the missing items.',
    },
  },
  'dossier.refused': {
    vi: {
      subject: 'Hồ sơ {ref} bị từ chối tiếp nhận',
      text: 'Hồ sơ “{procedure}” (số tham chiếu {ref}) không được tiếp nhận. Lý do: {reason}',
    },
    en: {
      subject: 'Dossier {ref} refused',
      text: 'Your dossier “{procedure}” (submission reference {ref}) was not accepted. Reason: {reason}',
    },
  },
  'dossier.extended': {
    vi: {
      subject: 'Hồ sơ {code}: xin lỗi và hẹn lại ngày trả kết quả',
      text: 'Cơ quan xin lỗi vì chưa giải quyết xong hồ sơ “{procedure}” (mã {code}) đúng hẹn. Lý do: {reason}. Thời gian hẹn trả kết quả mới: {appointment}.',
    },
    en: {
      subject: 'Dossier {code}: apology and new result date',
      text: 'We apologise: your dossier “{procedure}” (code {code}) could not be resolved on time. Reason: {reason}. New result date: {appointment}.',
    },
  },
  'dossier.result_ready': {
    vi: {
      subject: 'Hồ sơ {code} đã có kết quả',
      text: 'Hồ sơ “{procedure}” (mã {code}) đã có kết quả. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký. Tra cứu: {lookupUrl}. Tải kết quả đã ký số: {resultUrl}',
    },
    en: {
      subject: 'Dossier {code}: result ready',
      text: 'The result of your dossier “{procedure}” (code {code}) is ready. Collect it as you chose. Look it up: {lookupUrl}. Download the signed result: {resultUrl}',
    },
  },
  'dossier.result_early': {
    vi: {
      subject: 'Hồ sơ {code} đã có kết quả sớm hơn ngày hẹn',
      text: 'Hồ sơ “{procedure}” (mã {code}) đã có kết quả sớm hơn ngày hẹn trả ({appointment}). Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký. Tra cứu: {lookupUrl}. Tải kết quả đã ký số: {resultUrl}',
    },
    en: {
      subject: 'Dossier {code}: result ready ahead of the appointment',
      text: 'The result of your dossier “{procedure}” (code {code}) is ready ahead of the appointment ({appointment}). Collect it as you chose. Look it up: {lookupUrl}. Download the signed result: {resultUrl}',
    },
  },
  'dossier.result_returned': {
    vi: {
      subject: 'Hồ sơ {code} đã trả kết quả – mời đánh giá mức độ hài lòng',
      text: 'Hồ sơ “{procedure}” (mã {code}) đã trả kết quả. Mời Ông/Bà đánh giá việc giải quyết hồ sơ (không cần đăng nhập, một lần cho mỗi hồ sơ): {ratingUrl}',
    },
    en: {
      subject: 'Dossier {code}: result returned – please rate the service',
      text: 'The result of your dossier “{procedure}” (code {code}) was returned. Please rate how it was handled (no login, once per dossier): {ratingUrl}',
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
  'dossier.processing_supplement': {
    vi: {
      subject: 'Hồ sơ {code} cần bổ sung để tiếp tục giải quyết',
      text: 'Hồ sơ “{procedure}” (mã {code}) cần bổ sung, hoàn thiện: {reason}. Thời gian giải quyết tạm dừng; khi nhận đủ hồ sơ bổ sung, thời gian giải quyết được tính lại từ đầu. Vui lòng nộp bổ sung trên Cổng Dịch vụ công hoặc tại Bộ phận Một cửa. Tra cứu: {lookupUrl}',
    },
    en: {
      subject: 'Dossier {code} needs a supplement to continue',
      text: 'Your dossier “{procedure}” (code {code}) needs completing: {reason}. Processing is paused; once the complete supplement is received, the processing time starts again from zero. Add it on the portal or at the one-stop desk. Look it up: {lookupUrl}',
    },
  },
  'dossier.result_refused': {
    vi: {
      subject: 'Hồ sơ {code}: thông báo từ chối giải quyết',
      text: 'Hồ sơ “{procedure}” (mã {code}) không được giải quyết. Lý do: {reason}. Văn bản thông báo từ chối (Mẫu số 03) được trả tại Bộ phận Một cửa và trên Cổng Dịch vụ công. Tra cứu: {lookupUrl}',
    },
    en: {
      subject: 'Dossier {code}: refused',
      text: 'Your dossier “{procedure}” (code {code}) was refused. Reason: {reason}. The refusal notice (Form No. 03) is at the one-stop desk and on the portal. Look it up: {lookupUrl}',
    },
  },
};

registerTemplates(DOSSIER_TEMPLATES);
