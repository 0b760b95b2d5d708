import { formatMessage } from './message-format';

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
  STAFF_ACTION_FORBIDDEN: {
    vi: 'Bạn không được thực hiện thao tác này: {reason}.',
    en: 'You may not do this: {reason}.',
  },
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
  FILE_TYPE_NOT_ALLOWED: {
    vi: 'Tệp “{file}” không thuộc định dạng được chấp nhận (nhận dạng theo nội dung: {detected}). Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX.',
    en: 'File “{file}” is not an accepted type (detected from its content: {detected}). Only PDF, JPEG, PNG, DOCX or XLSX files are accepted.',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp “{file}” có dung lượng {size} MB, vượt quá giới hạn {limit} MB cho mỗi tệp.',
    en: 'File “{file}” is {size} MB, over the limit of {limit} MB per file.',
  },
  FILES_TOO_LARGE: {
    vi: 'Tổng dung lượng các tệp của hồ sơ là {size} MB, vượt quá giới hạn {limit} MB cho mỗi hồ sơ.',
    en: 'The files of this dossier total {size} MB, over the limit of {limit} MB per dossier.',
  },
  FILE_CONTENT_REFUSED: {
    vi: 'Tệp “{file}” không được chấp nhận: {reason}.',
    en: 'File “{file}” is not accepted: {reason}.',
  },
  FORM_TEMPLATE_TYPE: {
    vi: 'Mẫu “{file}” không được chấp nhận: {reason}. Mẫu đơn, tờ khai chỉ nhận PDF, DOCX, XLSX, ODT, ODS hoặc RTF, đúng định dạng đã khai.',
    en: 'Template “{file}” is not accepted: {reason}. Form templates are PDF, DOCX, XLSX, ODT, ODS or RTF files of the type they declare.',
  },
  UPLOAD_QUOTA_EXCEEDED: {
    vi: 'Bạn đã tải lên {used} MB trong 24 giờ qua, hạn mức là {limit} MB. Vui lòng thử lại sau.',
    en: 'You uploaded {used} MB in the last 24 hours; the limit is {limit} MB. Try again later.',
  },
  DOSSIER_STATE: {
    vi: 'Hồ sơ đang ở trạng thái “{status}”, không thể {action}.',
    en: 'The dossier is “{status}”; it cannot be {action}.',
  },
  PROCEDURE_UNAVAILABLE: {
    vi: 'Thủ tục “{procedure}” không nhận hồ sơ {how}.',
    en: 'Procedure “{procedure}” does not accept dossiers {how}.',
  },
  MISSING_COMPONENTS: {
    vi: 'Hồ sơ còn thiếu thành phần bắt buộc: {components}.',
    en: 'Required components are missing: {components}.',
  },
  FORM_INVALID: {
    vi: 'Tờ khai chưa hợp lệ: {details}',
    en: 'The e-form is not valid: {details}',
  },
  PAGE_COUNT_MISMATCH: {
    vi: 'Thành phần “{component}”: số trang khai báo ({declared}) khác số trang đã số hóa ({stored}).',
    en: 'Component “{component}”: {declared, plural, one {# page} other {# pages}} declared but {stored, plural, one {# page} other {# pages}} digitised.',
  },
  RATE_LIMITED: {
    vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {retryAfter} giây.',
    en: 'Too many requests. Try again in {retryAfter, plural, one {# second} other {# seconds}}.',
  },
  SERVICE_UNAVAILABLE: {
    vi: 'Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau.',
    en: 'The service is temporarily unavailable. Try again later.',
  },
  INTERNAL: {
    vi: 'Đã có lỗi hệ thống. Mã lỗi: {requestId}.',
    en: 'Something went wrong on our side. Error reference: {requestId}.',
  },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The user name or password is wrong.',
  },
  ACCOUNT_LOCKED: {
    vi: 'Đăng nhập tạm bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau {retryAfter} giây.',
    en: 'Logging in is temporarily locked after repeated failures. Try again in {retryAfter, plural, one {# second} other {# seconds}}.',
  },
  ACCOUNT_NOT_ACTIVE: {
    vi: 'Tài khoản chưa được kích hoạt. Vui lòng nhập mã xác thực đã gửi cho bạn.',
    en: 'This account is not activated yet. Enter the code we sent you.',
  },
  ACCOUNT_DISABLED: {
    vi: 'Tài khoản đã bị tạm khóa hoặc thu hồi. Vui lòng liên hệ quản trị đơn vị.',
    en: 'This account is suspended or revoked. Contact your unit administrator.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password before continuing.',
  },
  WEAK_PASSWORD: {
    vi: 'Mật khẩu chưa đủ mạnh: {reason}',
    en: 'The password is too weak: {reason}',
  },
  CODE_INVALID: {
    vi: 'Mã xác thực không đúng, đã dùng hoặc đã hết hạn. Vui lòng yêu cầu mã mới.',
    en: 'The code is wrong, already used or expired. Ask for a new one.',
  },
  CSRF_FAILED: {
    vi: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang và thử lại.',
    en: 'The request could not be verified. Reload the page and try again.',
  },
  OIDC_UNAVAILABLE: {
    vi: 'Đăng nhập bằng tài khoản định danh điện tử (VNeID) hiện không dùng được.',
    en: 'Logging in with an electronic identity account (VNeID) is not available.',
  },
  OIDC_FAILED: {
    vi: 'Đăng nhập qua nhà cung cấp định danh không thành công: {details}',
    en: 'Single sign-on failed: {details}',
  },
  PROCEDURE_RETIRED: {
    vi: 'Thủ tục {code} đã bãi bỏ, không tiếp nhận hồ sơ mới.',
    en: 'Procedure {code} has been retired and accepts no new dossiers.',
  },
  PROCEDURE_NOT_PUBLISHED: {
    vi: 'Thủ tục {code} chưa được công bố tại thời điểm {at}.',
    en: 'Procedure {code} was not published at {at}.',
  },
  IMPORT_REJECTED: {
    vi: 'Không nhập được danh mục: {count} dòng có lỗi, chưa có dữ liệu nào được ghi.',
    en: 'Import rejected: {count, plural, one {# row has} other {# rows have}} errors; nothing was written.',
  },
  INVALID_IDENTIFIER_CODE: {
    vi: 'Mã định danh "{code}" không đúng định dạng {format}.',
    en: 'Identifier code "{code}" does not have the {format} shape.',
  },
  WORKFLOW_INVALID: {
    vi: 'Quy trình xử lý chưa hợp lệ: {details}',
    en: 'The processing workflow is not valid: {details}',
  },
  BACK_ENTRY_REFUSED: {
    vi: 'Không nhập bù được hồ sơ: {details}',
    en: 'The dossier cannot be back-entered: {details}',
  },
  DEADLINE_RULE: {
    vi: 'Không thực hiện được theo quy định về thời hạn: {details}',
    en: 'Not allowed by the deadline rules: {details}',
  },
  NOT_ASSIGNED: {
    vi: 'Hồ sơ không được giao cho bạn ở bước này.',
    en: 'This dossier is not assigned to you at this step.',
  },
  CONSULTATION_STATE: {
    vi: 'Yêu cầu lấy ý kiến đang ở trạng thái “{status}”, không thể {action}.',
    en: 'The consultation is “{status}”; it cannot be {action}.',
  },
  INTERAGENCY_STATE: {
    vi: 'Phần việc liên thông đang ở trạng thái “{status}”, không thể {action}.',
    en: 'The inter-agency task is “{status}”; it cannot be {action}.',
  },
  SIMULATION_STATE: {
    vi: 'Hồ sơ giả định đang ở trạng thái “{status}”, không thể {action}.',
    en: 'The simulated dossier is “{status}”; it cannot be {action}.',
  },
  // Fees, payments and postal return (issue 15).
  CALLBACK_SIGNATURE_INVALID: {
    vi: 'Chữ ký của thông báo từ {sender} không hợp lệ; thông báo bị từ chối.',
    en: 'The signature of the notice from {sender} is not valid; the notice is refused.',
  },
  CALLBACK_REPLAYED: {
    vi: 'Thông báo từ {sender} đã quá hạn hoặc đã được gửi trước đó với nội dung khác; thông báo bị từ chối.',
    en: 'The notice from {sender} is stale or was sent before with different content; it is refused.',
  },
  PAYMENT_AMOUNT_MISMATCH: {
    vi: 'Số tiền {amount} đồng không khớp với số tiền phải nộp {expected} đồng.',
    en: 'The amount {amount} does not match the amount due, {expected} (đồng).',
  },
  PAYMENT_NOT_DUE: {
    vi: 'Hồ sơ chưa hoặc không phải nộp phí, lệ phí: {reason}.',
    en: 'No fee is due on this dossier: {reason}.',
  },
  FEE_UNPAID: {
    vi: 'Hồ sơ còn {amount} đồng phí, lệ phí phải nộp khi nhận kết quả; hãy ghi nhận việc nộp phí trước khi trả kết quả.',
    en: 'The dossier still owes {amount} đồng in fees due with the result; record the payment before handing over the result.',
  },
  PAYMENT_ALREADY_PAID: {
    vi: 'Phí, lệ phí của hồ sơ này đã được nộp.',
    en: 'The fees of this dossier are already paid.',
  },
  REFUND_NOT_ALLOWED: {
    vi: 'Không được hoàn trả phí, lệ phí: {reason}.',
    en: 'The fee may not be refunded: {reason}.',
  },
  REFUND_ALREADY_MADE: {
    vi: 'Khoản nộp này đã được hoàn trả.',
    en: 'This payment has already been refunded.',
  },
  FEEDBACK_STATE: {
    vi: 'Phản ánh, kiến nghị {reference} đang ở trạng thái “{status}”, không thể {action}.',
    en: 'Feedback {reference} is “{status}”; it cannot be {action}.',
  },
  FEEDBACK_CONTACT_REQUIRED: {
    vi: 'Phản ánh, kiến nghị cần có họ tên và thư điện tử hoặc số điện thoại để cơ quan trả lời.',
    en: 'A complaint needs a name and an e-mail address or phone number for the answer.',
  },
  RATING_LINK_INVALID: {
    vi: 'Đường dẫn đánh giá không hợp lệ hoặc đã hết hiệu lực.',
    en: 'This rating link is not valid or no longer valid.',
  },
  RATING_NOT_ALLOWED: {
    vi: 'Chưa thể hoặc không còn được đánh giá hồ sơ này: {reason}.',
    en: 'This dossier cannot be rated: {reason}.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];
export type Locale = 'vi' | 'en';
/** A param is plain text, or text per locale (e.g. the name of the thing not found). */
export type ErrorParams = Record<string, string | number | { vi: string; en: string }>;

/** Counts are grouped, ISO dates in params read dd/mm/yyyy and `{n, plural, …}` picks the locale's form. */
export function formatErrorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return formatMessage(ERROR_MESSAGES[code][locale], locale, params);
}
