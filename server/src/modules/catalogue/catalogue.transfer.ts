/**
 * Import and export of the catalogue (SPEC §3): JSON and Excel. Import validates every row first and then applies
 * all of them in one transaction, or none, with a row-by-row error report; export round-trips through import.
 */
import ExcelJS from 'exceljs';

import { ZProcedureInput, type TProcedure, type TProcedureInput } from '@motcua/contracts';
import type { Kdb, Db } from '../../db/client';

import { zipProblem } from '../../files/archive';
import { AppError } from '../../http/errors';
import type { AuditActor } from '../audit';
import { publishDraft, saveDraft } from './catalogue.editor';
import { getProcedure } from './catalogue.service';
import { checkEForm } from './eform-schema';
import { currentAgencyShortNames } from '../organisation';

export type RowError = { row: number; code: string | null; message: string };

function toInput(p: TProcedure, forms: Map<string, { fileName: string; mediaType: string; b64: string }>) {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    levels: p.levels,
    agencies: p.agencies.map((a) => a.shortName),
    interAgencies: p.interAgencies.map((a) => a.shortName),
    steps: p.steps,
    methods: p.methods,
    processingTime: p.processingTime,
    subjects: p.subjects,
    results: p.results,
    fees: p.fees,
    conditions: p.conditions,
    legalBasis: p.legalBasis,
    serviceLevel: p.serviceLevel,
    digitallySignedResult: p.digitallySignedResult,
    boundaryFree: p.boundaryFree,
    components: p.components.map((c) => {
      const f = c.form && forms.get(c.form.id);
      return {
        code: c.code,
        name: c.name,
        originals: c.originals,
        copies: c.copies,
        originalRequired: c.originalRequired,
        required: c.required,
        form:
          c.form && f
            ? { name: c.form.name, fileName: f.fileName, mediaType: f.mediaType, contentBase64: f.b64 }
            : null,
      };
    }),
    eform: p.eform as TProcedureInput['eform'],
    decisionNumber: p.decisionNumber,
    decisionDate: p.decisionDate,
    changeNote: p.changeNote,
  } satisfies TProcedureInput;
}

export async function exportCatalogue(db: Kdb): Promise<TProcedureInput[]> {
  const codes = await db
    .selectFrom('procedures')
    .select('code')
    .where('status', '=', 'published')
    .orderBy('code')
    .execute();
  const forms = new Map(
    (
      await db.selectFrom('procedure_forms').select(['id', 'file_name', 'media_type', 'content']).execute()
    ).map((f) => [
      f.id,
      { fileName: f.file_name, mediaType: f.media_type, b64: Buffer.from(f.content).toString('base64') },
    ]),
  );
  const out: TProcedureInput[] = [];
  for (const { code } of codes) out.push(toInput(await getProcedure(db, code), forms));
  return out;
}

const COLUMNS = ['code', 'name', 'field', 'serviceLevel', 'levels', 'agencies', 'json'] as const;

/** One row per procedure: readable key columns, and the full record as JSON in the last column. */
export async function toXlsx(list: TProcedureInput[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ThuTuc');
  ws.addRow([
    'Mã thủ tục',
    'Tên thủ tục',
    'Lĩnh vực',
    'Mức độ DVC',
    'Cấp thực hiện',
    'Cơ quan',
    'Dữ liệu (JSON)',
  ]);
  for (const p of list)
    ws.addRow([
      p.code,
      p.name,
      p.field,
      p.serviceLevel,
      p.levels.join(', '),
      p.agencies.join(', '),
      JSON.stringify(p),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function fromXlsx(buf: Buffer): Promise<unknown[]> {
  // The workbook library inflates every member in memory: check the archive's sizes before it does.
  const problem = zipProblem(buf);
  if (problem) throw new AppError('FILE_CONTENT_REFUSED', { file: 'Excel', reason: problem });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BAD_REQUEST', {
      details: { vi: 'tệp Excel không đọc được', en: 'unreadable Excel file' },
    });
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (i: number) => String(row.getCell(i + 1).text ?? '').trim();
    const json = cell(COLUMNS.indexOf('json'));
    try {
      const parsed = json ? (JSON.parse(json) as Record<string, unknown>) : {};
      // Key columns win over the JSON so a spreadsheet edit of them is honoured.
      rows.push({ ...parsed, code: cell(0), name: cell(1), field: cell(2), serviceLevel: cell(3) });
    } catch {
      rows.push({ __error: 'cột JSON không hợp lệ / invalid JSON column', code: cell(0) });
    }
  });
  return rows;
}

export async function importCatalogue(
  db: Db,
  actor: AuditActor,
  rows: unknown[],
): Promise<{ created: number; updated: number }> {
  const errors: RowError[] = [];
  const valid: TProcedureInput[] = [];
  const seen = new Map<string, number>();
  const agencies = await currentAgencyShortNames(db.kysely);
  rows.forEach((raw, i) => {
    const row = i + 1;
    const code =
      typeof raw === 'object' && raw && 'code' in raw ? String((raw as { code: unknown }).code) : null;
    if (raw && typeof raw === 'object' && '__error' in raw) {
      errors.push({ row, code, message: String((raw as { __error: unknown }).__error) });
      return;
    }
    const r = ZProcedureInput.safeParse(raw);
    if (!r.success) {
      const msg = r.error.issues.map((iss) => `${iss.path.join('.') || '(dòng)'}: ${iss.message}`).join('; ');
      errors.push({ row, code, message: msg });
      return;
    }
    const p = r.data;
    const dup = seen.get(p.code);
    if (dup)
      errors.push({
        row,
        code: p.code,
        message: `Mã thủ tục trùng với dòng ${dup} / duplicate code (row ${dup})`,
      });
    seen.set(p.code, row);
    for (const issue of p.eform ? checkEForm(p.eform) : [])
      errors.push({
        row,
        code: p.code,
        message: `${issue.field}: ${issue.message.vi} / ${issue.message.en}`,
      });
    const unknown = [...p.agencies, ...p.interAgencies].filter((a) => !agencies.has(a.toUpperCase()));
    if (unknown.length)
      errors.push({ row, code: p.code, message: `Không có cơ quan / unknown agency: ${unknown.join(', ')}` });
    valid.push(raw as TProcedureInput);
  });
  if (!rows.length) errors.push({ row: 0, code: null, message: 'Tệp không có dòng dữ liệu / no rows' });
  if (errors.length) throw new AppError('IMPORT_REJECTED', { count: errors.length }, { rows: errors });
  let created = 0;
  await db.kysely.transaction().execute(async (trx) => {
    const retired = await trx
      .selectFrom('procedures')
      .select('code')
      .where('status', '=', 'retired')
      .where(
        'code',
        'in',
        valid.map((v) => v.code),
      )
      .execute();
    if (retired.length)
      throw new AppError(
        'IMPORT_REJECTED',
        { count: retired.length },
        {
          rows: retired.map((r) => ({
            row: seen.get(r.code) ?? 0,
            code: r.code,
            message: 'Thủ tục đã bãi bỏ / retired',
          })),
        },
      );
    for (const p of valid) {
      const res = await saveDraft(trx, actor, p);
      if (res.created) created += 1;
      await publishDraft(trx, actor, p.code);
    }
  });
  return { created, updated: valid.length - created };
}
