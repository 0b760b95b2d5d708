import ExcelJS from 'exceljs';
import type { TPeriodicReport, TPeriodicRow, TReportCounts } from '@motcua/contracts';
import type { Kdb } from '../../db/client';
import type { Actor } from '../../http/auth';
import { finish, left, contentWidth, ensureSpace, newDocument } from '../documents';
import { asOfDay, checkPeriod, countsBy, emptyCounts, resolveScope, vnDay } from './reports.service';
import { dayStart } from './reports.repo';

/**
 * The periodic statistical report in the shape of Biểu mẫu 06a/VPCP/KSTT, "Tình hình, kết quả giải quyết thủ tục
 * hành chính", of Thông tư 01/2020/TT-VPCP (chế độ báo cáo định kỳ của Văn phòng Chính phủ), one row per agency:
 * received (carried over from the previous period + new: online / counter or post), resolved (early, on time,
 * late), in progress at the period's end (on time, late), refused and withdrawn. Everything is derived from the
 * event days of the counts (ADR 0025), so a closed period re-run gives the same numbers.
 */
export const PERIODIC_FORM = 'Biểu mẫu 06a/VPCP/KSTT – Thông tư 01/2020/TT-VPCP';

const prevDay = (day: string) => vnDay(new Date(dayStart(day).getTime() - 86_400_000 + 3_600_000));

function row(label: string, c: TReportCounts, before: TReportCounts, online: TReportCounts): TPeriodicRow {
  const resolved = c.resolved_early + c.resolved_on_time + c.resolved_late;
  return {
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
  const [inPeriod, atStart, online] = await Promise.all([
    countsBy(db, scope, q.from, q.to, asOf, 'agency'),
    countsBy(db, scope, before, before, before, 'agency'),
    countsBy(db, { ...scope, channel: 'online' }, q.from, q.to, asOf, 'agency'),
  ]);
  const rows = agencies.map((a) =>
    row(
      a.name,
      inPeriod.get(a.id) ?? emptyCounts(),
      atStart.get(a.id) ?? emptyCounts(),
      online.get(a.id) ?? emptyCounts(),
    ),
  );
  const total = rows.reduce<TPeriodicRow>(
    (t, r) => {
      for (const k of Object.keys(t) as (keyof TPeriodicRow)[])
        if (k !== 'label') (t[k] as number) += r[k] as number;
      return t;
    },
    { ...row('Tổng cộng', emptyCounts(), emptyCounts(), emptyCounts()) },
  );
  const one = q.agencyId ? agencies[0] : undefined;
  return {
    form: PERIODIC_FORM,
    agencyName: one?.name ?? agencies.find((a) => a.level === 'province')?.unit_name ?? 'Toàn tỉnh',
    unitName: one?.unit_name ?? agencies[0]?.unit_name ?? '',
    from: q.from,
    to: q.to,
    rows: rows.filter((r) => r.received + r.carriedOver + r.refused + r.withdrawn > 0),
    total,
  };
}

export const PERIODIC_COLUMNS: { key: keyof TPeriodicRow; header: string }[] = [
  { key: 'label', header: 'Cơ quan, đơn vị' },
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

const formatDay = (d: string) => d.split('-').reverse().join('/');
const TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
const periodLine = (r: TPeriodicReport) =>
  `Kỳ báo cáo: từ ngày ${formatDay(r.from)} đến ngày ${formatDay(r.to)}`;

export async function periodicXlsx(r: TPeriodicReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Một Cửa';
  const ws = wb.addWorksheet('Bao cao', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.addRow([r.agencyName.toUpperCase()]).font = { bold: true };
  ws.addRow([r.form]);
  ws.addRow([TITLE]).font = { bold: true };
  ws.addRow([periodLine(r)]);
  const head = ws.addRow(PERIODIC_COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const x of [...r.rows, r.total]) ws.addRow(PERIODIC_COLUMNS.map((c) => x[c.key]));
  ws.lastRow!.font = { bold: true };
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
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 6;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
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
  for (const x of r.rows)
    line(
      PERIODIC_COLUMNS.map((c) => String(x[c.key])),
      false,
    );
  line(
    PERIODIC_COLUMNS.map((c) => String(r.total[c.key])),
    true,
  );
  return finish(doc);
}
