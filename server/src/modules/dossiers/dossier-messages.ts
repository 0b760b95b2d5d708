/**
 * Texts of the messages to applicants, Vietnamese and English (SPEC §11). Email and SMS carry both languages
 * (the applicant's language is not known for paper dossiers); the portal inbox shows the reader's.
 */
export type MessageKind = 'submitted' | 'received' | 'supplement_requested' | 'refused';
export type MessageParams = {
  ref: string;
  code: string | null;
  procedure: string;
  appointment: string | null;
  reason: string | null;
  lookupUrl: string | null;
};
type Text = { subject: string; body: string };

const TEMPLATES: Record<MessageKind, { vi: (p: MessageParams) => Text; en: (p: MessageParams) => Text }> = {
  submitted: {
    vi: (p) => ({
      subject: `Đã nhận hồ sơ nộp trực tuyến ${p.ref}`,
      body: `Hồ sơ “${p.procedure}” của Ông/Bà đã được gửi, mã nộp ${p.ref}. Cơ quan sẽ xem xét tiếp nhận trong 08 giờ làm việc.`,
    }),
    en: (p) => ({
      subject: `Online submission ${p.ref} received`,
      body: `Your dossier “${p.procedure}” was submitted with reference ${p.ref}. The agency will decide on it within 8 working hours.`,
    }),
  },
  received: {
    vi: (p) => ({
      subject: `Hồ sơ ${p.code} đã được tiếp nhận`,
      body: `Hồ sơ “${p.procedure}” đã được tiếp nhận, mã hồ sơ ${p.code}. Ngày hẹn trả kết quả: ${p.appointment}. Tra cứu: ${p.lookupUrl}`,
    }),
    en: (p) => ({
      subject: `Dossier ${p.code} received`,
      body: `Your dossier “${p.procedure}” was received with code ${p.code}. Result due: ${p.appointment}. Look it up: ${p.lookupUrl}`,
    }),
  },
  supplement_requested: {
    vi: (p) => ({
      subject: `Hồ sơ ${p.ref} cần bổ sung`,
      body: `Hồ sơ “${p.procedure}” (mã nộp ${p.ref}) cần bổ sung, hoàn thiện: ${p.reason}. Vui lòng đăng nhập Cổng dịch vụ công để nộp bổ sung.`,
    }),
    en: (p) => ({
      subject: `Dossier ${p.ref} needs a supplement`,
      body: `Your dossier “${p.procedure}” (reference ${p.ref}) needs completing: ${p.reason}. Log in to the portal to add the missing items.`,
    }),
  },
  refused: {
    vi: (p) => ({
      subject: `Hồ sơ ${p.ref} bị từ chối tiếp nhận`,
      body: `Hồ sơ “${p.procedure}” (mã nộp ${p.ref}) không được tiếp nhận. Lý do: ${p.reason}`,
    }),
    en: (p) => ({
      subject: `Dossier ${p.ref} refused`,
      body: `Your dossier “${p.procedure}” (reference ${p.ref}) was not accepted. Reason: ${p.reason}`,
    }),
  },
};

export function renderMessage(kind: MessageKind, locale: 'vi' | 'en', p: MessageParams): Text {
  return TEMPLATES[kind][locale](p);
}

/** Both languages in one message, Vietnamese first. */
export function renderBilingual(kind: MessageKind, p: MessageParams): Text {
  const vi = renderMessage(kind, 'vi', p);
  const en = renderMessage(kind, 'en', p);
  return { subject: `${vi.subject} / ${en.subject}`, body: `${vi.body}\n\n---\n${en.body}` };
}
