import type { MessageKey } from '../../i18n/i18n';

const IN_PROGRESS: readonly string[] = ['submitted', 'supplement_requested', 'received', 'in_processing'];

/**
 * "Trong hạn / Quá hạn" while the dossier is being handled, "Đúng hạn / Trễ hạn" once it is finished, "Tạm dừng"
 * while the processing clock is stopped for a supplement (issue 12). `late` is the server's, by the rules.
 */
export function timeliness(status: string, late: boolean): MessageKey {
  if (status === 'processing_supplement') return 'dossiers.progress.paused';
  if (IN_PROGRESS.includes(status))
    return late ? 'dossiers.lookup.overdue' : 'dossiers.lookup.withinDeadline';
  return late ? 'dossiers.lookup.lateDone' : 'dossiers.lookup.onTime';
}
