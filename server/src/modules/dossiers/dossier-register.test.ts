import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { AppError } from '../../http/errors';
import { registerPeriod } from './dossier-register';
import { detail } from './dossiers.test-helpers';
import { at, officeFixture } from './processing-office.test-helpers';

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('registerPeriod', () => {
  it('takes both days inclusive in Vietnam time', () => {
    const p = registerPeriod('2026-02-01', '2026-02-28');
    expect(p.start).toEqual(new Date('2026-01-31T17:00:00Z'));
    expect(p.end).toEqual(new Date('2026-02-28T17:00:00Z'));
  });
  it('accepts up to one year and refuses more, reversed or unreal dates', () => {
    expect(registerPeriod('2026-01-01', '2026-12-31').from).toBe('2026-01-01');
    expect(registerPeriod('2026-03-15', '2027-03-14').to).toBe('2027-03-14');
    expect(() => registerPeriod('2026-03-15', '2027-03-15')).toThrow(AppError);
    expect(() => registerPeriod('2026-03-02', '2026-03-01')).toThrow(AppError);
    expect(() => registerPeriod('2026-02-30', '2026-03-01')).toThrow(AppError);
    expect(() => registerPeriod('01/03/2026', '2026-03-31')).toThrow(AppError);
  });
});

describe('GET /api/processing/register (Sổ theo dõi hồ sơ)', async () => {
  const { f, head, specialist, desk, act, received } = await officeFixture(60);
  // Two dossiers in February 2026 (one with a result, one sent back for a supplement) and one in March.
  let a = await received('2026-02-12T09:00');
  a = detail(await act(head, a, 'assign', { handlerId: specialist.userId }));
  f.clock.set(at('2026-02-23T09:30'));
  a = detail(await act(specialist, a, 'appraise', { opinion: 'Đủ điều kiện.', proposal: 'approve' }));
  a = detail(await act(specialist, a, 'forward'));
  a = detail(await act(head, a, 'forward'));
  f.clock.set(at('2026-02-24T14:00'));
  a = detail(await act(desk, a, 'result', { kind: 'granted', summary: 'Giấy phép số 7/GP' }));
  let b = await received('2026-02-13T10:15');
  b = detail(await act(head, b, 'assign', { handlerId: specialist.userId }));
  f.clock.set(at('2026-02-23T11:00'));
  const items = [{ component: 'Đề án', problem: 'missing', reason: 'Chưa nộp', guidance: 'Nộp đề án' }];
  b = detail(await act(specialist, b, 'request-supplement', { items }));
  const c = await received('2026-03-02T08:00');
  const get = (who = desk, q = 'from=2026-02-01&to=2026-02-28') =>
    f.inject(who, 'GET', `/api/processing/register?${q}`);

  it('prints the desk’s dossiers of the period with the form’s columns (PDF, landscape)', async () => {
    const res = await get();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('so-theo-doi-ho-so_2026-02-01_2026-02-28.pdf');
    const text = squash(await pdfText(res.rawPayload));
    const has = (s: string) => text.includes(squash(s));
    expect(has('Mẫu số 07 – Thông tư số 03/2025/TT-VPCP')).toBe(true);
    expect(has('SỔ THEO DÕI HỒ SƠ')).toBe(true);
    expect(has('Từ ngày 01/02/2026 đến ngày 28/02/2026')).toBe(true);
    for (const h of ['Mã hồ sơ', 'Tên thủ tục hành chính', 'Cơ quan chủ trì giải quyết', 'Hẹn trả kết quả'])
      expect(has(h)).toBe(true);
    expect(has(`1 ${a.code}`)).toBe(true);
    expect(has(`2 ${b.code}`)).toBe(true);
    expect(has(c.code!)).toBe(false);
    expect(has('12/02/2026 09:00')).toBe(true);
    expect(has('24/02/2026 14:00')).toBe(true);
    expect(has('23/02/2026 11:00 (yêu cầu bổ sung)')).toBe(true);
    expect(has('Tổng số: 2 hồ sơ.')).toBe(true);
    // The leader of the agency may print it too.
    expect((await get(head)).statusCode).toBe(200);
  });

  it('exports the same rows as xlsx', async () => {
    const res = await get(desk, 'from=2026-02-01&to=2026-03-31&format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getRow(3).getCell(2).value).toBe('Mã hồ sơ');
    const codes = [4, 5, 6].map((r) => ws.getRow(r).getCell(2).value);
    expect(codes).toEqual([a.code, b.code, c.code]);
    expect(ws.getRow(4).getCell(8).value).toBe('12/02/2026 09:00');
    expect(ws.getRow(4).getCell(11).value).toBe('24/02/2026 14:00');
  });

  it('refuses bad periods with 400 in Vietnamese or English, and non-desk roles', async () => {
    const long = await get(desk, 'from=2026-01-01&to=2027-01-01');
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain('không quá 01 năm');
    const en = await f.inject(
      desk,
      'GET',
      '/api/processing/register?from=2026-02-30&to=2026-03-01',
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().message).toContain('dates must be real days');
    expect((await get(desk, 'from=2026-03-01')).statusCode).toBe(400);
    expect((await get(specialist)).statusCode).toBe(403);
    expect((await get(f.citizenA as never)).statusCode).toBe(403);
  });
});
