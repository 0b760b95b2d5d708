import type { ControlSlipData } from '../documents.types';
import { vnDateTime, vnParts } from '../format';
import { TIMELINESS_LABEL } from '../labels';
import { contentWidth, field, finish, header, newDocument, paragraph, table, title } from '../pdf-layout';
import { formTemplate, type TemplateSet } from '../templates';

/** "09:05 ngày 12/02/2026": a table cell's time, 24-hour, date as dd/mm/yyyy. */
function cellTime(d: Date): string {
  const p = vnParts(d);
  return `${p.hour}:${p.minute} ngày ${p.day}/${p.month}/${p.year}`;
}

const partyText = (p: { unit: string; person: string | null }) =>
  p.person ? `${p.unit}\n${p.person}` : p.unit;

/**
 * Mẫu 05 of TT 01/2018 / Mẫu 06 of TT 03/2025 — Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per handoff
 * (giao / nhận, the time, the result of processing, early / on time / late) and a column each for the signatures of
 * the giver and the taker, signed by hand on the printed copy. Landscape: the form's table is wide.
 */
export async function renderControlSlip(data: ControlSlipData, set: TemplateSet): Promise<Buffer> {
  const template = formTemplate(set, 'process_control');
  const doc = newDocument(`${template.title} – ${data.dossierCode}`, { landscape: true });
  header(doc, { set, template, issuer: data.issuer, date: data.issuedAt });
  title(doc, template.title, `Mã hồ sơ: ${data.dossierCode}`);

  field(doc, 'Cơ quan (Bộ phận) giải quyết hồ sơ', data.issuer.agency);
  field(doc, 'Người nộp hồ sơ', data.applicant.name);
  field(doc, 'Nội dung yêu cầu giải quyết', data.procedureName);
  field(doc, 'Thời gian nhận hồ sơ', vnDateTime(data.receivedAt));
  field(
    doc,
    'Thời gian trả kết quả giải quyết hồ sơ',
    data.appointmentAt ? vnDateTime(data.appointmentAt) : undefined,
  );
  doc.moveDown(0.4);

  const w = contentWidth(doc);
  const fixed = 30 + 96 + 78 + 84 + 84;
  const rest = w - fixed;
  table(
    doc,
    [
      { header: 'STT', width: 30, align: 'center' },
      { header: 'Giao (cơ quan, đơn vị; người giao)', width: rest * 0.3 },
      { header: 'Nhận (cơ quan, đơn vị; người nhận)', width: rest * 0.3 },
      { header: 'Thời gian giao, nhận hồ sơ', width: 96, align: 'center' },
      { header: 'Kết quả giải quyết hồ sơ', width: rest * 0.4 },
      { header: 'Trước hạn / đúng hạn / quá hạn', width: 78, align: 'center' },
      { header: 'Người giao ký', width: 84 },
      { header: 'Người nhận ký', width: 84 },
    ],
    data.rows.map((r, i) => [
      String(i + 1),
      partyText(r.giver),
      partyText(r.receiver),
      cellTime(r.at),
      r.result,
      r.grade ? TIMELINESS_LABEL[r.grade] : '',
      // Room to sign by hand.
      '\n\n',
      '\n\n',
    ]),
    { fontSize: 9 },
  );
  paragraph(
    doc,
    'Ghi chú: trước hạn, đúng hạn, quá hạn so với thời hạn của bước giải quyết mà hồ sơ được giao; ' +
      'lần trả kết quả so với thời gian hẹn trả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    'italic',
  );
  return finish(doc);
}
