import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfBytes, rawPdf } from '../../files/files.fixtures';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at } from '../dossiers/processing-office.test-helpers';
import { resultsFixture } from './results.test-helpers';

// Literal dates, Việt Nam time: received Thursday 12/2/2026 09:00, result Wednesday 4/3/2026 10:00.

describe('an uploaded result PDF is signed like a generated one (issue 15)', async () => {
  const { f, desk, act, approved, verify } = await resultsFixture(60);

  it('the approver signs the uploaded PDF; verification and pdfsig say valid', async () => {
    const d0 = await approved('2026-02-12T09:00');
    const upload = await f.upload(desk, await pdfBytes(2), 'giay-phep.pdf');
    const d = detail(
      await act(desk, d0, 'result', {
        kind: 'granted',
        summary: 'Cấp giấy phép số 14/GP-STTTT.',
        fileIds: [upload.id],
      }),
    );
    expect(d.status).toBe('result_ready');
    const doc = d.documents.find((x) => x.kind === 'result')!;
    expect(doc.templateSet).toBe('uploaded');
    const res = await f.inject(f.citizenA, 'GET', doc.url);
    expect(res.statusCode).toBe(200);
    const signed = res.rawPayload;
    const original = await pdfBytes(2);
    expect(signed.subarray(0, original.length - 10).equals(original.subarray(0, original.length - 10))).toBe(
      false,
    );

    const ok = await verify(signed);
    expect(ok.json()).toEqual({
      valid: true,
      signer: 'Sở Thông tin và Truyền thông tỉnh An Hòa',
      signedAt: new Date(at('2026-03-04T10:00')).toISOString(),
      dossierCode: d.code,
      superseded: false,
    });
    const facts = (await f.inject(null, 'GET', `/api/results/${encodeURIComponent(d.code!)}`)).json();
    expect(facts.results).toEqual([expect.objectContaining({ current: true, signer: 'Lê Văn Trưởng' })]);
    // The upload as sent is not a signed result.
    expect((await verify(original)).json()).toMatchObject({ valid: false });

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdfsig-')), 'uploaded.pdf');
    fs.writeFileSync(file, signed);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toContain('Signer Certificate Common Name: Sở Thông tin và Truyền thông tỉnh An Hòa');
    expect(out).toContain('Signature is Valid');
  });

  it('a result that is not a PDF, or a PDF that cannot be opened, is refused with 422 and nothing changes', async () => {
    const d0 = await approved('2026-02-13T09:00');
    const png = await f.upload(desk);
    const broken = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
    const brokenUpload = await f.upload(desk, broken, 'hong.pdf');
    for (const [id, vi] of [
      [png.id, 'Tệp “scan.png” không được chấp nhận: kết quả phải là tệp PDF.'],
      [brokenUpload.id, 'Tệp “hong.pdf” không được chấp nhận: tệp PDF bị hỏng'],
    ] as const) {
      const r = await act(desk, d0, 'result', { kind: 'granted', summary: 'Cấp giấy phép.', fileIds: [id] });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().message).toContain(vi);
    }
    const after = (await f.inject(desk, 'GET', `/api/dossiers/${d0.id}`)).json();
    expect(after.version).toBe(d0.version);
    expect(after.documents.filter((x: { kind: string }) => x.kind === 'result')).toEqual([]);
    const stored = await f.db.kysely
      .selectFrom('signed_results')
      .select('id')
      .where('dossier_id', '=', d0.id)
      .execute();
    expect(stored).toEqual([]);
  });
});
