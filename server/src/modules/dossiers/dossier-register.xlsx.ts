import ExcelJS from 'exceljs';
import type { RegisterData } from '../documents';
import { REGISTER_COLUMNS, registerCells } from '../documents';
import type { TemplateSet } from '../documents';

/** The register as a spreadsheet: the same columns and cells as the PDF, a title row naming the form and the period. */
export async function registerXlsx(data: RegisterData, set: TemplateSet, period: string): Promise<Buffer> {
  const template = set.forms.register!;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Một Cửa';
  const ws = wb.addWorksheet('So theo doi ho so', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.addRow([`${template.title} – ${data.issuer.desk} – ${data.issuer.agency}`]).font = { bold: true };
  ws.addRow([`Mẫu số ${template.number} – ${set.circular}. Kỳ: ${period}`]);
  const head = ws.addRow(REGISTER_COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  data.rows.forEach((r, i) => {
    const row = ws.addRow(registerCells(r, i));
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  REGISTER_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.max(6, c.weight * 2.4);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
