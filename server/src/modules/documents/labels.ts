import type { Applicant, CopyKind, ProcessingTime, ReturnChannel, Timeliness } from './documents.types';

/** Wording printed on the forms for the coded values of the inputs. */
export const COPY_KIND_LABEL: Record<CopyKind, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  photocopy: 'Bản chụp',
};

export const RETURN_CHANNEL_LABEL: Record<ReturnChannel, string> = {
  counter: 'Nhận trực tiếp tại Bộ phận Một cửa',
  post: 'Nhận qua dịch vụ bưu chính công ích',
  online: 'Nhận trực tuyến trên Cổng Dịch vụ công',
};

/**
 * The label of the applicant's number: the CMND is gone and the card is now the thẻ căn cước (Luật Căn cước 2023), so a
 * person has a số định danh cá nhân (12 digits) and an organisation a mã số doanh nghiệp / mã số thuế (10 or 13).
 */
export function applicantIdLabel(a: Pick<Applicant, 'kind'>): string {
  return a.kind === 'organisation' ? 'Mã số doanh nghiệp/mã số thuế' : 'Số định danh cá nhân';
}

const UNIT_LABEL: Record<ProcessingTime['unit'], string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  immediate: '',
};

/** "05 ngày làm việc"; an immediate result prints as such (001 Đ10.1.d). */
export function processingTimeLabel(t: ProcessingTime): string {
  if (t.unit === 'immediate') return 'giải quyết và trả kết quả ngay';
  return `${String(t.value).padStart(2, '0')} ${UNIT_LABEL[t.unit]}`;
}

export const TIMELINESS_LABEL: Record<Timeliness, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};
