import type { RegisterRow } from './documents.types';
import { vnParts } from './format';

/** dd/mm/yyyy HH:MM, Vietnam time — the register's cells (the UI's date format). */
export function cellDateTime(d: Date | null): string {
  if (!d) return '';
  const p = vnParts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The columns of the register form (TT 01/2018 Mẫu 06 = TT 03/2025 Mẫu 07), with relative widths. */
export const REGISTER_COLUMNS = [
  { header: 'STT', weight: 4 },
  { header: 'Mã hồ sơ', weight: 13 },
  { header: 'Tên thủ tục hành chính', weight: 11 },
  { header: 'Số lượng hồ sơ (bộ)', weight: 5 },
  { header: 'Tên cá nhân, tổ chức', weight: 9 },
  { header: 'Địa chỉ, số điện thoại', weight: 9 },
  { header: 'Cơ quan chủ trì giải quyết', weight: 9 },
  { header: 'Nhận hồ sơ', weight: 8.5 },
  { header: 'Hẹn trả kết quả', weight: 8.5 },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 8.5 },
  { header: 'Ngày có kết quả / yêu cầu bổ sung', weight: 9 },
  { header: 'Trả kết quả', weight: 8.5 },
  { header: 'Ghi chú', weight: 5 },
] as const;

/** The cells of one register row, as text (the PDF and the spreadsheet print the same). */
export function registerCells(r: RegisterRow, index: number): string[] {
  const outcome = r.outcome
    ? `${cellDateTime(r.outcome.at)}${r.outcome.kind === 'supplement' ? ' (yêu cầu bổ sung)' : ''}`
    : '';
  return [
    String(index + 1),
    r.code,
    r.procedureName,
    String(r.sets),
    r.applicant,
    r.contact,
    r.authority,
    cellDateTime(r.receivedAt),
    cellDateTime(r.appointmentAt),
    cellDateTime(r.handedOverAt),
    outcome,
    cellDateTime(r.returnedAt),
    r.note,
  ];
}
