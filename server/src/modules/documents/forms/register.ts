import type { RegisterData } from '../documents.types';
import { contentWidth, finish, header, newDocument, paragraph, table, title } from '../pdf-layout';
import { REGISTER_COLUMNS, registerCells } from '../register-columns';
import { vnParts } from '../format';
import { formTemplate, type TemplateSet } from '../templates';

const day = (d: Date) => {
  const p = vnParts(d);
  return `${p.day}/${p.month}/${p.year}`;
};

/** Mẫu 06 of TT 01/2018 / Mẫu 07 of TT 03/2025 — Sổ theo dõi hồ sơ of one desk for a period, landscape A4. */
export async function renderRegister(data: RegisterData, set: TemplateSet): Promise<Buffer> {
  const template = formTemplate(set, 'register');
  const doc = newDocument(`${template.title} – ${day(data.from)}–${day(data.to)}`, { landscape: true });
  header(doc, { set, template, issuer: data.issuer, date: data.issuedAt });
  title(doc, template.title, `Từ ngày ${day(data.from)} đến ngày ${day(data.to)}`);
  const w = contentWidth(doc);
  const total = REGISTER_COLUMNS.reduce((n, c) => n + c.weight, 0);
  table(
    doc,
    REGISTER_COLUMNS.map((c, i) => ({
      header: c.header,
      width: (w * c.weight) / total,
      align: i === 0 || i === 3 ? ('center' as const) : ('left' as const),
    })),
    data.rows.map(registerCells),
    { fontSize: 8 },
  );
  paragraph(doc, `Tổng số: ${data.rows.length} hồ sơ.`, 'italic');
  return finish(doc);
}
