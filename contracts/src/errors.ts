/**
 * Every error a client can see. The server maps each code to an HTTP status (server/src/http/errors.ts);
 * the web and the server render the message from this table, Vietnamese first.
 * Placeholders like {field} are filled from the error's params.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: {
    vi: 'Dữ liệu không hợp lệ: {details}',
    en: 'Invalid input: {details}',
  },
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ: {details}', en: 'Bad request: {details}' },
  NOT_FOUND: { vi: 'Không tìm thấy {what}.', en: '{what} not found.' },
  ROUTE_NOT_FOUND: {
    vi: 'Không có địa chỉ {method} {url}.',
    en: 'There is no route {method} {url}.',
  },
  UNAUTHENTICATED: {
    vi: 'Bạn cần đăng nhập để thực hiện thao tác này.',
    en: 'You need to log in to do this.',
  },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  CONFLICT: {
    vi: 'Dữ liệu đã bị thay đổi bởi người khác. Vui lòng tải lại và thử lại.',
    en: 'Someone else changed this first. Reload and try again.',
  },
  DUPLICATE: { vi: '{what} đã tồn tại.', en: '{what} already exists.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The upload is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    vi: 'Định dạng tệp không được hỗ trợ.',
    en: 'This file type is not supported.',
  },
  RATE_LIMITED: {
    vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {retryAfter} giây.',
    en: 'Too many requests. Try again in {retryAfter} seconds.',
  },
  SERVICE_UNAVAILABLE: {
    vi: 'Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau.',
    en: 'The service is temporarily unavailable. Try again later.',
  },
  INTERNAL: {
    vi: 'Đã có lỗi hệ thống. Mã tra cứu: {requestId}.',
    en: 'Something went wrong on our side. Reference: {requestId}.',
  },
  PROCEDURE_RETIRED: {
    vi: 'Thủ tục {code} đã bãi bỏ, không tiếp nhận hồ sơ mới.',
    en: 'Procedure {code} has been retired and accepts no new applications.',
  },
  PROCEDURE_NOT_PUBLISHED: {
    vi: 'Thủ tục {code} chưa được công bố tại thời điểm {at}.',
    en: 'Procedure {code} was not published at {at}.',
  },
  IMPORT_REJECTED: {
    vi: 'Không nhập được danh mục: {count} dòng có lỗi, chưa có dữ liệu nào được ghi.',
    en: 'Import rejected: {count} row(s) have errors; nothing was written.',
  },
  INVALID_IDENTIFIER_CODE: {
    vi: 'Mã định danh "{code}" không đúng định dạng {format}.',
    en: 'Identifier code "{code}" does not have the {format} shape.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];
export type Locale = 'vi' | 'en';
/** A param is plain text, or text per locale (e.g. the name of the thing not found). */
export type ErrorParams = Record<string, string | number | { vi: string; en: string }>;

export function formatErrorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  const template: string = ERROR_MESSAGES[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? '';
    return typeof value === 'object' ? value[locale] : String(value);
  });
}
