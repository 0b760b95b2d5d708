import { DOSSIER_STATUS_LABELS, type TLookupResponse } from '@motcua/contracts';
import { registerTemplates, type MessageTemplate } from '../notifications';

/**
 * SMS lookup (004 Đ5.1.b, Đ5.3), the pure part: reading "<keyword> <dossier code>" and writing the answer from the
 * same facts the web lookup shows (`publicLookup`). Answers are message templates of the notifications module.
 */
export type SmsRequest = { kind: 'lookup'; code: string } | { kind: 'malformed'; reason: 'keyword' | 'code' };

export function parseSmsLookup(text: string, keyword: string): SmsRequest {
  const words = text.normalize('NFC').trim().split(/\s+/);
  if ((words[0] ?? '').toUpperCase() !== keyword.toUpperCase())
    return { kind: 'malformed', reason: 'keyword' };
  if (words.length !== 2) return { kind: 'malformed', reason: 'code' };
  return { kind: 'lookup', code: words[1]!.toUpperCase() };
}

/** dd/mm/yyyy HH:MM of an instant written with its +07:00 offset. */
export function smsTime(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : '';
}

export const SMS_TEMPLATES: Record<string, MessageTemplate> = {
  'integration.sms_lookup_found': {
    vi: {
      subject: '',
      text: 'Hồ sơ {code} ({procedure}): {status}{appointment}{late}. Nơi đang giải quyết: {holder}.',
    },
    en: {
      subject: '',
      text: 'Dossier {code} ({procedure}): {status}{appointment}{late}. Now with: {holder}.',
    },
  },
  'integration.sms_lookup_unknown': {
    vi: {
      subject: '',
      text: 'Không tìm thấy hồ sơ có mã {code}. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
    },
    en: { subject: '', text: 'No dossier has code {code}. Check the code on your receipt.' },
  },
  'integration.sms_lookup_help': {
    vi: {
      subject: '',
      text: 'Để tra cứu hồ sơ, soạn: {keyword} <mã hồ sơ>, ví dụ {keyword} 000.00.15.H99-260302-0001',
    },
    en: {
      subject: '',
      text: 'To look up a dossier, send: {keyword} <dossier code>, e.g. {keyword} 000.00.15.H99-260302-0001',
    },
  },
};
registerTemplates(SMS_TEMPLATES);

const WORDS = {
  appointment: { vi: ', hẹn trả ', en: ', due ' },
  late: { vi: ' (quá hạn)', en: ' (overdue)' },
};

/** The parameters of the "found" answer (Vietnamese: the SMS lookup answers in the language of the province). */
export function foundParams(r: TLookupResponse): Record<string, string> {
  return {
    code: r.code,
    procedure: r.procedureName,
    status: DOSSIER_STATUS_LABELS[r.status].vi,
    appointment: r.appointmentAt ? WORDS.appointment.vi + smsTime(r.appointmentAt) : '',
    late: r.late ? WORDS.late.vi : '',
    holder: r.holdingDepartment ?? r.holdingAgency ?? r.receivingAgency,
  };
}
