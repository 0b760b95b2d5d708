import { registerTemplates, type MessageTemplate } from '../notifications';

/** Messages of the feedback module (issue 16), Vietnamese and English. */
export const FEEDBACK_TEMPLATES: Record<
  'feedback.answered' | 'feedback.forwarded' | 'feedback.not_accepted' | 'feedback.overdue',
  MessageTemplate
> = {
  'feedback.answered': {
    vi: {
      subject: 'Trả lời phản ánh, kiến nghị {reference}',
      text: '{agency} trả lời phản ánh, kiến nghị {reference} của Ông/Bà:\n\n{answer}',
    },
    en: {
      subject: 'Answer to your feedback {reference}',
      text: '{agency} answers your feedback {reference}:\n\n{answer}',
    },
  },
  'feedback.forwarded': {
    vi: {
      subject: 'Phản ánh, kiến nghị {reference} đã được chuyển đến {agency}',
      text: 'Phản ánh, kiến nghị {reference} không thuộc thẩm quyền của {from} và đã được chuyển đến {agency} để xem xét, trả lời trước {due}.',
    },
    en: {
      subject: 'Feedback {reference} forwarded to {agency}',
      text: 'Feedback {reference} is outside the competence of {from} and was forwarded to {agency}, which will answer by {due}.',
    },
  },
  'feedback.not_accepted': {
    vi: {
      subject: 'Phản ánh, kiến nghị {reference} không được tiếp nhận xử lý',
      text: '{agency} không tiếp nhận xử lý phản ánh, kiến nghị {reference}. Lý do: {reason}',
    },
    en: {
      subject: 'Feedback {reference} not accepted',
      text: '{agency} did not accept feedback {reference} for handling. Reason: {reason}',
    },
  },
  'feedback.overdue': {
    vi: {
      subject: 'Phản ánh, kiến nghị {reference} đã quá hạn trả lời',
      text: 'Phản ánh, kiến nghị {reference} gửi {agency} đã quá hạn trả lời (hạn {due}). Đề nghị chỉ đạo xử lý ngay trong mục “Phản ánh, kiến nghị”.',
    },
    en: {
      subject: 'Feedback {reference} is overdue',
      text: 'Feedback {reference} to {agency} was due by {due} and is not answered. Please see to it in “Feedback”.',
    },
  },
};
registerTemplates(FEEDBACK_TEMPLATES);
