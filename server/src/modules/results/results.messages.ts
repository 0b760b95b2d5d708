import type { SignatureProblem } from './verify';

/** Why a document is not a valid result of ours, in both languages. */
export const VERIFY_REASONS: Record<SignatureProblem | 'not_issued', { vi: string; en: string }> = {
  unsigned: { vi: 'Tệp PDF không có chữ ký số.', en: 'The PDF has no digital signature.' },
  malformed: {
    vi: 'Chữ ký số trong tệp bị hỏng hoặc không đọc được.',
    en: 'The digital signature in the file is damaged or unreadable.',
  },
  altered: {
    vi: 'Nội dung tệp đã bị thay đổi sau khi ký.',
    en: 'The file was changed after it was signed.',
  },
  incomplete_coverage: {
    vi: 'Tệp có nội dung được thêm vào sau khi ký.',
    en: 'Content was added to the file after it was signed.',
  },
  untrusted: {
    vi: 'Chứng thư số của người ký không do tổ chức chứng thực tin cậy cấp.',
    en: 'The signer’s certificate is not issued by a trusted certification authority.',
  },
  not_issued: {
    vi: 'Văn bản không phải kết quả do hệ thống Một Cửa cấp.',
    en: 'The document is not a result issued by this system.',
  },
};
