import type { TDossierEventType, TDossierStatus } from './dossiers';

/** A label in both languages of the system. */
export type TBilingual = { vi: string; en: string };

/**
 * The one place where a dossier status is named, for the server's messages and forms and for the web's badges.
 * A status without a label fails the type check.
 */
export const DOSSIER_STATUS_LABELS: Record<TDossierStatus, TBilingual> = {
  submitted: { vi: 'chờ tiếp nhận', en: 'waiting for reception' },
  supplement_requested: { vi: 'chờ bổ sung', en: 'waiting for a supplement' },
  received: { vi: 'đã tiếp nhận', en: 'received' },
  in_processing: { vi: 'đang giải quyết', en: 'in processing' },
  refused: { vi: 'đã từ chối', en: 'refused' },
  withdrawn: { vi: 'đã rút', en: 'withdrawn' },
};

/** The one place where an event (the action that made it) is named; complete for every event type. */
export const DOSSIER_EVENT_LABELS: Record<TDossierEventType, TBilingual> = {
  submitted: { vi: 'nộp hồ sơ', en: 'submitted' },
  registered: { vi: 'nhập hồ sơ tại Bộ phận Một cửa', en: 'registered at the desk' },
  amended: { vi: 'sửa đổi', en: 'amended' },
  withdrawn: { vi: 'rút hồ sơ', en: 'withdrawn' },
  received: { vi: 'tiếp nhận', en: 'received' },
  supplement_requested: { vi: 'yêu cầu bổ sung', en: 'sent back for a supplement' },
  supplement_submitted: { vi: 'nộp bổ sung', en: 'supplemented' },
  refused: { vi: 'từ chối', en: 'refused' },
  handed_over: { vi: 'chuyển xử lý', en: 'handed over' },
};
