import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import type { TMyResults, TUploadedFile } from '@motcua/contracts';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at } from '../dossiers/processing-office.test-helpers';
import { resultsFixture } from './results.test-helpers';

// Literal dates, Việt Nam time: received Thursday 12/2/2026 09:00, result Wednesday 4/3/2026 10:00.

describe('signed results and their verification (issue 15)', async () => {
  const { f, head, specialist, desk, signedResult, verify } = await resultsFixture(40);

  it('the approver’s signature on the generated result verifies; one byte changed does not; pdfsig agrees', async () => {
    const { d, pdf } = await signedResult('2026-02-12T09:00');
    const ok = await verify(pdf);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      valid: true,
      signer: 'Sở Thông tin và Truyền thông tỉnh An Hòa',
      signedAt: new Date(at('2026-03-04T10:00')).toISOString(),
      dossierCode: d.code,
      superseded: false,
    });

    // One byte of the signed content (the first page's text stream region) changed after signing.
    const edited = Buffer.from(pdf);
    const i = edited.indexOf('stream') + 20;
    edited[i] = edited[i]! ^ 0x01;
    const bad = (await verify(edited)).json();
    expect(bad).toMatchObject({ valid: false, dossierCode: '' });
    expect(bad.reason).toBe('Nội dung tệp đã bị thay đổi sau khi ký.');
    expect((await verify(edited, 'application/pdf', 'en')).json().reason).toBe(
      'The file was changed after it was signed.',
    );
    // Bytes appended after the signature are not covered by it.
    const appended = Buffer.concat([pdf, Buffer.from('\n%%EOF\n')]);
    expect((await verify(appended)).json()).toMatchObject({ valid: false });

    // An independent tool: poppler's pdfsig names the signer and finds the signature valid.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdfsig-')), 'result.pdf');
    fs.writeFileSync(file, pdf);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toContain('Signer Certificate Common Name: Sở Thông tin và Truyền thông tỉnh An Hòa');
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('Total document signed');
    fs.writeFileSync(file, edited);
    const outBad = (() => {
      try {
        return execFileSync('pdfsig', [file], { encoding: 'utf8' });
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e);
      }
    })();
    expect(outBad).not.toContain('Signature is Valid');

    // The public facts of the dossier's result.
    const facts = await f.inject(null, 'GET', `/api/results/${encodeURIComponent(d.code!)}`);
    expect(facts.statusCode).toBe(200);
    expect(facts.json().results).toEqual([
      expect.objectContaining({
        current: true,
        kind: 'granted',
        signer: 'Lê Văn Trưởng',
        correctionReason: null,
      }),
    ]);
    expect((await f.inject(null, 'GET', '/api/results/KHONG-CO')).statusCode).toBe(404);
  });

  it('an unsigned PDF is not valid, with the reason; something that is not a PDF is refused', async () => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => doc.on('end', r));
    doc.text('Not signed').end();
    await ended;
    const unsigned = Buffer.concat(chunks);
    const r = await verify(unsigned);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      valid: false,
      signer: '',
      signedAt: null,
      dossierCode: '',
      reason: 'Tệp PDF không có chữ ký số.',
    });
    const notPdf = await verify(Buffer.from('PK\u0003\u0004 not a pdf at all'));
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().message).toBe('Định dạng tệp không được hỗ trợ.');
    expect((await verify(Buffer.from('%PDF-1.7'), 'text/plain')).statusCode).toBe(415);
    expect((await verify(Buffer.alloc(0))).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('a result signed by a key the system does not trust is not valid', async () => {
    const { pdf } = await signedResult('2026-02-13T09:00');
    // The same document checked against another trust store (a fresh, different demo CA).
    const { checkSignature } = await import('./verify');
    const { ensureDemoCa, trustedCas } = await import('./keys');
    const other = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'ca-')), passphrase: 'x' };
    ensureDemoCa(other, f.clock.now());
    expect(await checkSignature(pdf, trustedCas(other))).toMatchObject({ ok: false, problem: 'untrusted' });
  });

  it('a correction supersedes the result with a reason; both kept; download and lookup give the current one', async () => {
    const { d: issued, pdf: first } = await signedResult('2026-02-16T09:00');
    f.clock.set(at('2026-03-05T09:00'));
    const body = { reason: 'Sai số giấy phép.', summary: 'Cấp giấy phép số 13/GP-STTTT.' };
    const url = `/api/processing/dossiers/${issued.id}/result-corrections`;
    // Not the issuing agency's approver: the desk clerk and the specialist are refused.
    expect((await f.inject(desk, 'POST', url, { ...body, expectedVersion: issued.version })).statusCode).toBe(
      403,
    );
    expect(
      (await f.inject(specialist, 'POST', url, { ...body, expectedVersion: issued.version })).statusCode,
    ).toBe(403);
    // Two corrections at once: one wins, the other is told to reload.
    const [r1, r2] = await Promise.all([
      f.inject(head, 'POST', url, { ...body, expectedVersion: issued.version }),
      f.inject(head, 'POST', url, { ...body, expectedVersion: issued.version }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const d = detail(r1.statusCode === 200 ? r1 : r2);
    expect(d.status).toBe('result_ready');
    expect(d.events.at(-1)).toMatchObject({ type: 'result_corrected', reason: 'Sai số giấy phép.' });

    const current = await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}/result.pdf`);
    expect(current.statusCode).toBe(200);
    expect(current.rawPayload.equals(first)).toBe(false);
    expect((await f.inject(f.citizenB, 'GET', `/api/dossiers/${d.id}/result.pdf`)).statusCode).toBe(404);
    // Both still verify as ours; the old one says it was superseded.
    expect((await verify(current.rawPayload)).json()).toMatchObject({ valid: true, superseded: false });
    expect((await verify(first)).json()).toMatchObject({
      valid: true,
      superseded: true,
      dossierCode: d.code,
    });
    const facts = (await f.inject(null, 'GET', `/api/results/${encodeURIComponent(d.code!)}`)).json();
    expect(facts.results).toMatchObject([
      { current: true, correctionReason: 'Sai số giấy phép.', signer: 'Lê Văn Trưởng' },
      { current: false, correctionReason: null },
    ]);
  });

  it('the citizen’s store lists the current result of each dossier, reusable in a new dossier without uploading', async () => {
    const { d } = await signedResult('2026-02-17T09:00');
    const store = await f.inject(f.citizenA, 'GET', '/api/me/results');
    expect(store.statusCode).toBe(200);
    const items = store.json<TMyResults>().items;
    const mine = items.find((r) => r.dossierId === d.id)!;
    expect(mine).toMatchObject({ dossierCode: d.code, kind: 'granted', signer: 'Lê Văn Trưởng' });
    // A superseded result (the correction above) is not in the store; one entry per dossier.
    expect(new Set(items.map((r) => r.dossierId)).size).toBe(items.length);
    expect((await f.inject(f.citizenB, 'GET', '/api/me/results')).json<TMyResults>().items).toEqual([]);

    // Someone else's result is not theirs to reuse, and nothing is stored.
    const files = () => f.db.kysely.selectFrom('dossier_files').select('id').execute();
    const before = (await files()).length;
    expect((await f.inject(f.citizenB, 'POST', `/api/me/results/${mine.id}/reuse`, {})).statusCode).toBe(404);
    expect((await files()).length).toBe(before);

    // Reused: one of the citizen's files with the same bytes as the signed result, which still verifies.
    const reused = await f.inject(f.citizenA, 'POST', `/api/me/results/${mine.id}/reuse`, {});
    expect(reused.statusCode, reused.body).toBe(201);
    const file = reused.json<TUploadedFile>();
    const pdf = await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}/result.pdf`);
    expect(file).toMatchObject({
      name: `ket-qua_${d.code}.pdf`,
      mediaType: 'application/pdf',
      size: pdf.rawPayload.length,
    });
    expect(file.sha256).toBe(createHash('sha256').update(pdf.rawPayload).digest('hex'));
    expect((await verify(pdf.rawPayload)).json()).toMatchObject({ valid: true });
  });

  it('signs through a remote-signing service (HMAC-authenticated); a wrong secret is refused', async () => {
    const { startSigningSimulator, remoteSigner } = await import('./remote-signer');
    const { ensureAgencyKey } = await import('./keys');
    const keys = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'hsm-')), passphrase: 'hsm' };
    const agency = { code: 'A1', name: 'Ủy ban nhân dân xã Tân Phú' };
    const now = () => f.clock.now();
    ensureAgencyKey(keys, agency, now());
    const sim = await startSigningSimulator({
      secret: 'a-long-shared-secret-0001',
      now,
      keyFor: (id) =>
        id === 'A1' ? { p12: fs.readFileSync(path.join(keys.dir, 'A1.p12')), passphrase: 'hsm' } : null,
    });
    try {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const ended = new Promise((r) => doc.on('end', r));
      doc.text('Remote').end();
      await ended;
      const req = {
        signer: { agencyCode: 'A1', agencyName: agency.name, approverName: 'Nguyễn Văn Chủ' },
        at: now(),
        reason: 'KQ',
        location: 'Tân Phú',
      };
      const signed = await remoteSigner({ url: sim.url, secret: 'a-long-shared-secret-0001' }, now).sign(
        Buffer.concat(chunks),
        req,
      );
      const { checkSignature } = await import('./verify');
      const { trustedCas } = await import('./keys');
      expect(await checkSignature(signed, trustedCas(keys))).toMatchObject({ ok: true, signer: agency.name });
      await expect(
        remoteSigner({ url: sim.url, secret: 'another-secret-entirely' }, now).sign(
          Buffer.concat(chunks),
          req,
        ),
      ).rejects.toThrow(/HTTP 401/);
    } finally {
      await sim.close();
    }
  });
});
