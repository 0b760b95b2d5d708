import ExcelJS from 'exceljs';
import type { TPeriodicReport, TPeriodicRow, TReportCounts } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { Actor } from '../../http/auth';
import { finish, left, contentWidth, ensureSpace, newDocument } from '../documents';
import { asOfDay, checkPeriod, countsBy, emptyCounts, resolveScope, vnDay } from './reports.service';
import { dayStart, procedureInfo } from './reports.repo';

/**
 * The periodic statistical report in the shape of Biểu mẫu 06a/VPCP/KSTT, "Tình hình, kết quả giải quyết thủ tục
 * hành chính", of Thông tư 01/2020/TT-VPCP (chế độ báo cáo định kỳ của Văn phòng Chính phủ). The form's rows are the
 * fields (lĩnh vực) of the procedures; the same numbers per agency follow. Columns: received (carried over from the
 * previous period + new: online / counter or post), resolved (early, on time, late), in progress at the period's
 * end (on time, late), refused and withdrawn. Everything is derived from the event days of the counts (ADR 0025),
 * so a closed period re-run gives the same numbers.
 */
export const PERIODIC_FORM = 'Biểu mẫu 06a/VPCP/KSTT – Thông tư 01/2020/TT-VPCP';
const TOTAL = 'Tổng cộng';
const NO_FIELD = 'Chưa phân lĩnh vực';

const prevDay = (day: string) => vnDay(new Date(dayStart(day).getTime() - 86_400_000 + 3_600_000));

function row(
  key: string,
  label: string,
  c: TReportCounts,
  before: TReportCounts,
  online: TReportCounts,
): TPeriodicRow {
  const resolved = c.resolved_early + c.resolved_on_time + c.resolved_late;
  return {
    key,
    label,
    received: c.received,
    carriedOver: before.in_progress,
    receivedOnline: online.received,
    receivedCounterOrPost: c.received - online.received,
    resolved,
    resolvedEarly: c.resolved_early,
    resolvedOnTime: c.resolved_on_time,
    resolvedLate: c.resolved_late,
    inProgress: c.in_progress,
    inProgressOnTime: c.in_progress - c.in_progress_late,
    inProgressLate: c.in_progress_late,
    refused: c.refused,
    withdrawn: c.withdrawn + c.stopped,
  };
}

const sumRows = (rows: TPeriodicRow[]) =>
  rows.reduce<TPeriodicRow>(
    (t, r) => {
      for (const k of Object.keys(t) as (keyof TPeriodicRow)[])
        if (k !== 'label' && k !== 'key') (t[k] as number) += r[k] as number;
      return t;
    },
    row('', TOTAL, emptyCounts(), emptyCounts(), emptyCounts()),
  );

const nonEmpty = (r: TPeriodicRow) => r.received + r.carriedOver + r.refused + r.withdrawn > 0;

/** Per-procedure counts summed per field (a procedure's field is read from the catalogue). */
async function byField(db: Kdb, counts: Map<string, TReportCounts>[]) {
  const codes = [...new Set(counts.flatMap((m) => [...m.keys()]))];
  const fieldOf = new Map((await procedureInfo(db, codes)).map((p) => [p.code, p.field || NO_FIELD]));
  return counts.map((m) => {
    const out = new Map<string, TReportCounts>();
    for (const [code, c] of m) {
      const field = fieldOf.get(code) ?? NO_FIELD;
      const acc = out.get(field) ?? emptyCounts();
      for (const k of Object.keys(acc) as (keyof TReportCounts)[]) acc[k] += c[k];
      out.set(field, acc);
    }
    return out;
  });
}

export async function periodicReport(
  db: Kdb,
  actor: Actor | null,
  q: {
    from: string;
    to: string;
    agencyId?: string | undefined;
    level?: 'province' | 'district' | 'commune' | undefined;
  },
  now: Date,
): Promise<TPeriodicReport> {
  checkPeriod(q.from, q.to);
  const { scope, agencies } = await resolveScope(db, actor, q);
  const asOf = asOfDay(q.to, now);
  const before = prevDay(q.from);
  const online = { ...scope, channel: 'online' };
  const [inPeriod, atStart, onlineIn, pIn, pStart, pOnline] = await Promise.all([
    countsBy(db, scope, q.from, q.to, asOf, 'agency'),
    countsBy(db, scope, before, before, before, 'agency'),
    countsBy(db, online, q.from, q.to, asOf, 'agency'),
    countsBy(db, scope, q.from, q.to, asOf, 'procedure'),
    countsBy(db, scope, before, before, before, 'procedure'),
    countsBy(db, online, q.from, q.to, asOf, 'procedure'),
  ]);
  const at = (m: Map<string, TReportCounts>, k: string) => m.get(k) ?? emptyCounts();
  const agencyRows = agencies.map((a) =>
    row(a.id, a.name, at(inPeriod, a.id), at(atStart, a.id), at(onlineIn, a.id)),
  );
  const [fIn, fStart, fOnline] = await byField(db, [pIn, pStart, pOnline]);
  const fields = [...new Set([...fIn!.keys(), ...fStart!.keys()])].sort((a, b) => a.localeCompare(b, 'vi'));
  const fieldRows = fields.map((f) => row(f, f, at(fIn!, f), at(fStart!, f), at(fOnline!, f)));
  const one = q.agencyId ? agencies[0] : undefined;
  return {
    form: PERIODIC_FORM,
    agencyName: one?.name ?? agencies.find((a) => a.level === 'province')?.unit_name ?? 'Toàn tỉnh',
    unitName: one?.unit_name ?? agencies[0]?.unit_name ?? '',
    from: q.from,
    to: q.to,
    level: q.level ?? null,
    rows: fieldRows.filter(nonEmpty),
    byAgency: agencyRows.filter(nonEmpty),
    total: sumRows(agencyRows),
  };
}

export const PERIODIC_COLUMNS: { key: keyof TPeriodicRow; header: string }[] = [
  { key: 'label', header: 'Lĩnh vực giải quyết' },
  { key: 'carriedOver', header: 'Từ kỳ trước chuyển qua' },
  { key: 'receivedOnline', header: 'Mới tiếp nhận trực tuyến' },
  { key: 'receivedCounterOrPost', header: 'Mới tiếp nhận trực tiếp, bưu chính' },
  { key: 'resolved', header: 'Đã giải quyết: tổng số' },
  { key: 'resolvedEarly', header: 'Trước hạn' },
  { key: 'resolvedOnTime', header: 'Đúng hạn' },
  { key: 'resolvedLate', header: 'Quá hạn' },
  { key: 'inProgress', header: 'Đang giải quyết: tổng số' },
  { key: 'inProgressOnTime', header: 'Trong hạn' },
  { key: 'inProgressLate', header: 'Quá hạn' },
  { key: 'refused', header: 'Từ chối tiếp nhận' },
  { key: 'withdrawn', header: 'Rút hồ sơ, dừng giải quyết' },
];
const BY_AGENCY = 'Theo cơ quan, đơn vị';
const LEVELS = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' } as const;

const formatDay = (d: string) => d.split('-').reverse().join('/');
const TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
const periodLine = (r: TPeriodicReport) =>
  `Kỳ báo cáo: từ ngày ${formatDay(r.from)} đến ngày ${formatDay(r.to)}` +
  (r.level ? ` – ${LEVELS[r.level]}` : '');
const cells = (x: TPeriodicRow) => PERIODIC_COLUMNS.map((c) => x[c.key]);
const agencyHeader = () => [BY_AGENCY, ...PERIODIC_COLUMNS.slice(1).map((c) => c.header)];

/** The form (rows per field, then the total), then the same numbers per agency. */
export async function periodicXlsx(r: TPeriodicReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Một Cửa';
  const ws = wb.addWorksheet('Bao cao', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.addRow([r.agencyName.toUpperCase()]).font = { bold: true };
  ws.addRow([r.form]);
  ws.addRow([TITLE]).font = { bold: true };
  ws.addRow([periodLine(r)]);
  const header = (values: string[]) => {
    const head = ws.addRow(values);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  };
  header(PERIODIC_COLUMNS.map((c) => c.header));
  for (const x of r.rows) ws.addRow(cells(x));
  ws.addRow(cells(r.total)).font = { bold: true };
  if (r.byAgency.length) {
    ws.addRow([]);
    header(agencyHeader());
    for (const x of r.byAgency) ws.addRow(cells(x));
  }
  ws.getColumn(1).width = 40;
  for (let i = 2; i <= PERIODIC_COLUMNS.length; i++) ws.getColumn(i).width = 13;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function periodicPdf(r: TPeriodicReport): Promise<Buffer> {
  const doc = newDocument(TITLE, { landscape: true });
  const x0 = left(doc);
  const width = contentWidth(doc);
  doc
    .font('bold')
    .fontSize(11)
    .text(r.agencyName.toUpperCase(), x0, doc.y, { width: width / 2, align: 'center' });
  doc.font('regular').fontSize(9).text(r.form, x0, doc.y, { width, align: 'right' });
  doc.moveDown(0.5).font('bold').fontSize(13).text(TITLE, x0, doc.y, { width, align: 'center' });
  doc.font('italic').fontSize(11).text(periodLine(r), x0, doc.y, { width, align: 'center' }).moveDown(0.8);
  const first = 170;
  const other = (width - first) / (PERIODIC_COLUMNS.length - 1);
  const widths = PERIODIC_COLUMNS.map((_, i) => (i === 0 ? first : other));
  const line = (values: (string | number)[], bold: boolean) => {
    const texts = values.map(String);
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const h = Math.max(...texts.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 6;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = x0;
    texts.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, h).lineWidth(0.5).stroke();
      doc.text(c, x + 2, y + 3, { width: widths[i]! - 4, align: i === 0 ? 'left' : 'center' });
      x += widths[i]!;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  line(
    PERIODIC_COLUMNS.map((c) => c.header),
    true,
  );
  for (const x of r.rows) line(cells(x), false);
  line(cells(r.total), true);
  if (r.byAgency.length) {
    doc.moveDown(0.8);
    line(agencyHeader(), true);
    for (const x of r.byAgency) line(cells(x), false);
  }
  return finish(doc);
}
