import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZNationalCatalogueExport, type TNationalCatalogueExport, type TProcedure } from '@motcua/contracts';
import { actor, asActor, createTestApp, type TestApp } from '../../test/harness';
import { nationalExportCommand } from './catalogue.cli';
import { loadDemoCatalogue } from './catalogue.demo';
import { sampleProcedure, withOrganisation } from './catalogue.fixtures';

let t: TestApp;
const editor = asActor(actor({ kind: 'staff', roles: ['catalogue_editor'] }));
const specialist = asActor(actor({ kind: 'staff', roles: ['specialist'] }));
const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers = editor) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const nationalExport = async (query = '') => {
  const res = await call('GET', `/api/admin/procedures/national-export${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return ZNationalCatalogueExport.parse(res.json()) as TNationalCatalogueExport;
};

beforeAll(async () => {
  t = await createTestApp();
  await withOrganisation(t.db);
  await loadDemoCatalogue(t.db, t.clock.now());
}, 120_000);

/** Issue 18: procedures and their catalogue changes in the shape the national catalogue expects. */
describe('national catalogue export', () => {
  it('exports every procedure in force, field by field in the national shape', async () => {
    const doc = await nationalExport();
    const published = (await call('GET', '/api/admin/procedures?status=published')).json<unknown[]>();
    expect(doc.SoLuong).toBe(published.length);
    expect(doc.DanhSachTTHC).toHaveLength(published.length);
    expect(doc.TuNgay).toBeNull();
    const rec = doc.DanhSachTTHC.find((p) => p.MaTTHC === '1.009994')!;
    const p = (await call('GET', '/api/procedures/1.009994')).json<TProcedure>();
    expect(rec).toMatchObject({
      TenTTHC: p.name,
      LoaiCapNhat: 'Đang có hiệu lực',
      LinhVuc: p.field,
      DoiTuongThucHien: p.subjects,
      KetQuaThucHien: p.results,
    });
    expect(rec.CapThucHien).toEqual(
      p.levels.map((l) => ({ province: 'Cấp Tỉnh', commune: 'Cấp Xã' })[l as 'province']),
    );
    expect(rec.ThanhPhanHoSo.map((c) => c.TenGiayTo)).toEqual(p.components.map((c) => c.name));
    expect(rec.CoQuanThucHien.map((a) => a.MaCoQuan)).toEqual(p.agencies.map((a) => a.shortName));
    expect(rec.TrinhTuThucHien[0]).toEqual({ Buoc: 1, MoTa: p.steps[0]!.description });
    expect(rec.CachThucThucHien.map((c) => c.HinhThucNop)).toEqual(
      p.methods.map((m) => ({ counter: 'Trực tiếp', post: 'Dịch vụ bưu chính', online: 'Trực tuyến' })[m]),
    );
    expect(rec.CanCuPhapLy[0]!.NgayBanHanh).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(rec.ThoiHanGiaiQuyet).toMatch(/ngày làm việc|giờ làm việc|Giải quyết ngay/);
  });

  it('exports the changes since a day: new, amended and abolished procedures, in order', async () => {
    t.clock.advance(86_400_000);
    const since = '2026-11-26';
    expect(
      (
        await call(
          'POST',
          '/api/admin/procedures',
          sampleProcedure({ code: 'T.N1', name: 'Thủ tục mới ban hành' }),
        )
      ).statusCode,
    ).toBe(201);
    expect((await call('POST', '/api/admin/procedures/T.N1/publish')).statusCode).toBe(200);
    t.clock.advance(60_000);
    const current = (await call('GET', '/api/admin/procedures/export')).json<
      { code: string; name: string }[]
    >();
    const amended = current.find((p) => p.code === '1.009994')!;
    expect(
      (await call('PUT', '/api/admin/procedures/1.009994', { ...amended, changeNote: 'Sửa đổi thời hạn' }))
        .statusCode,
    ).toBe(200);
    expect((await call('POST', '/api/admin/procedures/1.009994/publish')).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await call('POST', '/api/admin/procedures/T.N1/retire')).statusCode).toBe(200);

    const doc = await nationalExport(`?since=${since}`);
    expect(doc.TuNgay).toBe('26/11/2026');
    expect(doc.DanhSachTTHC.map((p) => [p.MaTTHC, p.LoaiCapNhat])).toEqual([
      ['T.N1', 'Ban hành mới'],
      ['1.009994', 'Sửa đổi, bổ sung'],
      ['T.N1', 'Bãi bỏ'],
    ]);
    expect(doc.DanhSachTTHC[1]!.PhienBan).toBeGreaterThan(1);
    expect(doc.DanhSachTTHC[2]!.NgayHieuLuc).toBe('26/11/2026');
    // Nothing changed since a later day.
    expect((await nationalExport('?since=2026-12-31')).SoLuong).toBe(0);
  });

  it('refuses other roles and a malformed day', async () => {
    expect(
      (await call('GET', '/api/admin/procedures/national-export', undefined, specialist)).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/procedures/national-export' })).statusCode,
    ).toBe(401);
    expect((await call('GET', '/api/admin/procedures/national-export?since=26/11/2026')).statusCode).toBe(
      400,
    );
  });

  it('writes the same document from the command line', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'motcua-national-')), 'tthc.json');
    expect(await nationalExportCommand.run(t.deps, ['--out', out])).toBe(0);
    const doc = ZNationalCatalogueExport.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(doc.SoLuong).toBe((await nationalExport()).SoLuong);
    expect(await nationalExportCommand.run(t.deps, ['--since', 'yesterday'])).toBe(2);
  });
});
