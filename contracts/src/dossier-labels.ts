import type { TDossierEventType, TDossierStatus } from './dossiers';

/** A label in both languages of the system. */
export type TBilingual = { vi: string; en: string };

/**
 * The one place where a dossier status is named: the web's badges (its i18n bundle is built from this), the
 * server's messages and forms. A status without a label fails the type check.
 */
export const DOSSIER_STATUS_LABELS: Record<TDossierStatus, TBilingual> = {
  submitted: { vi: 'Chờ tiếp nhận', en: 'Awaiting reception' },
  supplement_requested: { vi: 'Chờ bổ sung', en: 'Waiting for a supplement' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_processing: { vi: 'Đang giải quyết', en: 'In processing' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  processing_supplement: {
    vi: 'Chờ bổ sung (đang giải quyết)',
    en: 'Supplement requested during processing',
  },
  result_ready: { vi: 'Có kết quả, chờ trả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  stopped: { vi: 'Dừng giải quyết', en: 'Processing stopped' },
};

/** The one place where an event is named, as the timeline shows it; complete for every event type. */
export const DOSSIER_EVENT_LABELS: Record<TDossierEventType, TBilingual> = {
  submitted: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submitted online' },
  registered: {
    vi: 'Nhận hồ sơ giấy tại quầy / qua bưu chính',
    en: 'Paper dossier received at the counter / by post',
  },
  amended: { vi: 'Sửa đổi hồ sơ', en: 'Amended' },
  withdrawn: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  received: { vi: 'Tiếp nhận hồ sơ', en: 'Received' },
  supplement_requested: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement requested' },
  supplement_submitted: { vi: 'Nộp bổ sung hồ sơ', en: 'Supplement submitted' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  handed_over: { vi: 'Chuyển phòng chuyên môn giải quyết', en: 'Handed over to the specialist division' },
  assigned: { vi: 'Phân công xử lý', en: 'Assigned' },
  appraised: { vi: 'Thẩm định hồ sơ', en: 'Appraised' },
  forwarded: { vi: 'Chuyển bước tiếp theo', en: 'Forwarded to the next step' },
  extended: { vi: 'Xin lỗi và gia hạn thời gian giải quyết', en: 'Apology and extension' },
  result_issued: { vi: 'Có kết quả giải quyết', en: 'Result issued' },
  result_returned: { vi: 'Trả kết quả', en: 'Result returned' },
  result_corrected: { vi: 'Đính chính kết quả', en: 'Result corrected' },
  stepped_back: { vi: 'Trả lại bước trước', en: 'Returned to the previous step' },
  stopped: { vi: 'Dừng giải quyết theo đề nghị', en: 'Stopped at the applicant’s request' },
  transferred: { vi: 'Chuyển đến Bộ phận Một cửa có thẩm quyền', en: 'Forwarded to the competent desk' },
  consultation_sent: { vi: 'Gửi lấy ý kiến', en: 'Consultation requested' },
  consultation_answered: { vi: 'Trả lời ý kiến', en: 'Consultation answered' },
  consultation_overdue: { vi: 'Quá hạn lấy ý kiến, chưa có trả lời', en: 'Consultation overdue, no answer' },
  consultation_closed: {
    vi: 'Kết thúc lấy ý kiến khi quá hạn không có trả lời',
    en: 'Consultation closed without an answer',
  },
  interagency_sent: {
    vi: 'Chuyển hồ sơ liên thông đến cơ quan phối hợp',
    en: 'Sent to the partner agencies',
  },
  interagency_done: {
    vi: 'Cơ quan phối hợp trả kết quả phần việc',
    en: 'A partner agency returned its part',
  },
  interagency_overdue: { vi: 'Cơ quan phối hợp quá hạn', en: 'A partner agency is late' },
  level_forwarded: { vi: 'Chuyển cơ quan có thẩm quyền cấp tỉnh', en: 'Forwarded to the province' },
  result_converted: { vi: 'Chuyển đổi kết quả giấy – điện tử', en: 'Result converted (paper ↔ electronic)' },
};

/**
 * The action that makes each event, as a verb phrase for sentences such as DOSSIER_STATE's "không thể {action}" /
 * "it cannot be {action}".
 */
export const DOSSIER_ACTION_LABELS: Record<TDossierEventType, TBilingual> = {
  submitted: { vi: 'nộp', en: 'submitted' },
  registered: { vi: 'nhập tại quầy', en: 'registered' },
  amended: { vi: 'sửa đổi', en: 'amended' },
  withdrawn: { vi: 'rút hồ sơ', en: 'withdrawn' },
  received: { vi: 'tiếp nhận', en: 'received' },
  supplement_requested: { vi: 'yêu cầu bổ sung', en: 'sent back for a supplement' },
  supplement_submitted: { vi: 'nộp bổ sung', en: 'supplemented' },
  refused: { vi: 'từ chối', en: 'refused' },
  handed_over: { vi: 'chuyển xử lý', en: 'handed over' },
  assigned: { vi: 'phân công', en: 'assigned' },
  appraised: { vi: 'thẩm định', en: 'appraised' },
  forwarded: { vi: 'chuyển bước', en: 'forwarded' },
  extended: { vi: 'gia hạn', en: 'extended' },
  result_issued: { vi: 'trả kết quả về Bộ phận Một cửa', en: 'given its result' },
  result_returned: { vi: 'trả kết quả', en: 'returned' },
  result_corrected: { vi: 'đính chính kết quả', en: 'given a corrected result' },
  stepped_back: { vi: 'trả lại bước trước', en: 'sent back a step' },
  stopped: { vi: 'dừng giải quyết', en: 'stopped' },
  transferred: { vi: 'chuyển đến cơ quan có thẩm quyền', en: 'forwarded to the competent desk' },
  consultation_sent: { vi: 'gửi lấy ý kiến', en: 'sent for consultation' },
  consultation_answered: { vi: 'trả lời ý kiến', en: 'answered' },
  consultation_overdue: { vi: 'cảnh báo quá hạn lấy ý kiến', en: 'flagged for an overdue consultation' },
  consultation_closed: { vi: 'kết thúc lấy ý kiến', en: 'closed for consultation' },
  interagency_sent: { vi: 'chuyển liên thông', en: 'sent to the partner agencies' },
  interagency_done: { vi: 'trả kết quả phần việc liên thông', en: 'completed as a partner' },
  interagency_overdue: { vi: 'cảnh báo cơ quan phối hợp quá hạn', en: 'flagged for a late partner' },
  level_forwarded: { vi: 'chuyển lên cấp tỉnh', en: 'forwarded to the province' },
  result_converted: { vi: 'chuyển đổi kết quả giấy – điện tử', en: 'given a converted copy of its result' },
};

/** The web's i18n entries for statuses and events, built from the tables above (keys `dossiers.status.*`, `dossiers.event.*`). */
export function dossierLabelMessages(locale: 'vi' | 'en') {
  const out = {} as Record<
    `dossiers.status.${TDossierStatus}` | `dossiers.event.${TDossierEventType}`,
    string
  >;
  for (const [s, l] of Object.entries(DOSSIER_STATUS_LABELS))
    out[`dossiers.status.${s as TDossierStatus}`] = l[locale];
  for (const [e, l] of Object.entries(DOSSIER_EVENT_LABELS))
    out[`dossiers.event.${e as TDossierEventType}`] = l[locale];
  return out;
}
