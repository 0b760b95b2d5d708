import PDFDocument from 'pdfkit';
import type { FormTemplate, TemplateSet } from './templates';
import type { IssuingUnit } from './documents.types';
import { placeAndDate } from './format';
import { tinos, type TinosStyle } from './tinos';

/**
 * Shared layout of the official forms (TT 01/2018 and TT 03/2025 annexes) and results (ND 30/2020 Phụ lục I):
 * issuing block left, national motto right, place and date, centred title, body, signature blocks. The face is
 * Tinos, metric-compatible with Times New Roman (tinos.ts; docs/decisions/0018-signed-results.md), from npm, so
 * `npm ci` is all a machine needs.
 */
export type FontStyle = TinosStyle;
const STYLE_NAMES: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

let fonts: Record<FontStyle, Buffer> | undefined;
/** Load the fonts once per process; every document then embeds subsets of the same bytes. */
function loadFonts(): Record<FontStyle, Buffer> {
  fonts ??= Object.fromEntries(STYLE_NAMES.map((s) => [s, tinos(s)])) as Record<FontStyle, Buffer>;
  return fonts;
}

export const SIZE = { small: 9, body: 11, header: 11, title: 13 } as const;
const MARGIN = { top: 45, bottom: 50, left: 65, right: 50 } as const;
/**
 * ND 30/2020 Phụ lục I for an agency's own document (a result): margins top and bottom 20 mm, left 30 mm, right
 * 15 mm; type 13 pt for the headings, number, date and body, 14 pt for the title.
 */
const MM = 72 / 25.4;
const OFFICIAL_SIZE = { small: 11, body: 13, header: 13, title: 14 } as const;
const OFFICIAL_MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

export type Doc = PDFKit.PDFDocument;
type Sizes = { [K in keyof typeof SIZE]: number };
const docSizes = new WeakMap<Doc, Sizes>();
/** The type sizes of this document (the forms' or ND 30/2020's). */
export const sz = (doc: Doc): Sizes => docSizes.get(doc) ?? SIZE;

export function newDocument(title: string, opts: { landscape?: boolean; official?: boolean } = {}): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: opts.official ? OFFICIAL_MARGIN : MARGIN,
    info: { Title: title, Creator: 'Một Cửa', Producer: 'Một Cửa' },
    bufferPages: false,
  });
  for (const [name, bytes] of Object.entries(loadFonts())) doc.registerFont(name, bytes);
  if (opts.official) docSizes.set(doc, OFFICIAL_SIZE);
  doc.font('regular').fontSize(sz(doc).body).lineGap(2);
  return doc;
}

export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export const left = (doc: Doc) => doc.page.margins.left;
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points remain, so blocks (signatures, table rows) are never split. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function centredRule(doc: Doc, cx: number, y: number, width: number): void {
  doc
    .moveTo(cx - width / 2, y)
    .lineTo(cx + width / 2, y)
    .lineWidth(0.6)
    .stroke();
}

/**
 * The header of every form. Returns nothing; leaves doc.y under the lower of the two columns.
 */
export function header(
  doc: Doc,
  args: {
    set: TemplateSet;
    template: FormTemplate;
    issuer: IssuingUnit;
    documentNumber?: string;
    date: Date;
  },
): void {
  const x0 = left(doc);
  const width = contentWidth(doc);
  const top = doc.page.margins.top;
  // A document that is not one of the circular's forms (a generated result) has no form number and no corner note.
  if (args.template.number) {
    doc
      .font('italic')
      .fontSize(sz(doc).small)
      .text(`Mẫu số ${args.template.number} – ${args.set.circular}`, x0, top - 22, { width, align: 'right' });
  }

  const leftW = width * 0.42;
  const rightX = x0 + width * 0.42;
  const rightW = width * 0.58;

  // Left: governing body, agency, desk.
  doc.fontSize(sz(doc).header);
  let y = top;
  if (args.issuer.parentAgency) {
    doc
      .font('regular')
      .text(args.issuer.parentAgency.toUpperCase(), x0, y, { width: leftW, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').text(args.issuer.agency.toUpperCase(), x0, y, { width: leftW, align: 'center' });
  if (args.issuer.desk) {
    doc.font('bold').text(args.issuer.desk.toUpperCase(), x0, doc.y, { width: leftW, align: 'center' });
  }
  centredRule(doc, x0 + leftW / 2, doc.y + 3, 60);
  let leftBottom = doc.y + 8;
  if (args.documentNumber) {
    doc.font('regular').text(`Số: ${args.documentNumber}`, x0, leftBottom, { width: leftW, align: 'center' });
    leftBottom = doc.y;
  }

  // Right: national motto, then place and date.
  doc.font('bold').fontSize(sz(doc).header);
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightW, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightW, align: 'center' });
  centredRule(doc, rightX + rightW / 2, doc.y + 3, 150);
  doc
    .font('italic')
    .text(placeAndDate(args.issuer.place, args.date), rightX, doc.y + 8, { width: rightW, align: 'center' });
  const rightBottom = doc.y;

  doc.x = x0;
  doc.y = Math.max(leftBottom, rightBottom) + 18;
  doc.font('regular').fontSize(sz(doc).body);
}

export function title(doc: Doc, text: string, subtitle?: string): void {
  doc
    .font('bold')
    .fontSize(sz(doc).title)
    .text(text, left(doc), doc.y, { width: contentWidth(doc), align: 'center' });
  if (subtitle) {
    doc
      .font('regular')
      .fontSize(sz(doc).body)
      .text(subtitle, { width: contentWidth(doc), align: 'center' });
  }
  doc.moveDown(0.8);
  doc.font('regular').fontSize(sz(doc).body);
}

/** "Label: value" on one flowing line, value in bold; empty values print dotted leaders to fill in by hand. */
export function field(
  doc: Doc,
  label: string,
  value: string | undefined,
  opts: { width?: number } = {},
): void {
  const width = opts.width ?? contentWidth(doc);
  doc.font('regular').text(`${label}: `, left(doc), doc.y, { width, continued: true });
  doc.font(value ? 'bold' : 'regular').text(value ?? '…………………………………………', { width });
  doc.font('regular');
}

export function paragraph(doc: Doc, text: string, style: FontStyle = 'regular', indent = 0): void {
  doc
    .font(style)
    .text(text, left(doc) + indent, doc.y, { width: contentWidth(doc) - indent, align: 'justify' });
  doc.font('regular');
}

export type Column = { header: string; width: number; align?: 'left' | 'center' | 'right' };

/** A ruled table; rows never split across pages and the header repeats after a break. */
export function table(doc: Doc, columns: Column[], rows: string[][], opts: { fontSize?: number } = {}): void {
  const x0 = left(doc);
  const pad = 4;
  const size = opts.fontSize ?? sz(doc).body;
  const drawRow = (cells: string[], font: FontStyle) => {
    doc.font(font).fontSize(size);
    const heights = columns.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - 2 * pad }));
    const h = Math.max(...heights) + 2 * pad;
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      if (font !== 'bold')
        drawRow(
          columns.map((c) => c.header),
          'bold',
        );
    }
    const y = doc.y;
    let x = x0;
    columns.forEach((c, i) => {
      doc.lineWidth(0.5).rect(x, y, c.width, h).stroke();
      doc.text(cells[i] ?? '', x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
      x += c.width;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  drawRow(
    columns.map((c) => c.header),
    'bold',
  );
  for (const row of rows) drawRow(row, 'regular');
  doc.font('regular').fontSize(sz(doc).body);
  doc.moveDown(0.5);
}

export type Signature = { role: string; name?: string; note?: string };

/** Signature blocks side by side (one block sits on the right, as on the forms). */
export function signatures(doc: Doc, blocks: Signature[]): void {
  ensureSpace(doc, 120);
  doc.moveDown(1);
  const x0 = left(doc);
  const width = contentWidth(doc);
  const colW = width / 2;
  const top = doc.y;
  let bottom = top;
  blocks.forEach((b, i) => {
    const x = blocks.length === 1 ? x0 + colW : x0 + i * colW;
    doc.font('bold').text(b.role, x, top, { width: colW, align: 'center' });
    doc.font('italic').text(b.note ?? '(Ký và ghi rõ họ tên)', x, doc.y, { width: colW, align: 'center' });
    doc.font('bold').text(b.name ?? '', x, doc.y + 55, { width: colW, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = x0;
  doc.y = bottom + 6;
  doc.font('regular');
}
