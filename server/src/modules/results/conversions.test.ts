import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  TCertifierList,
  TDossierDetail,
  TResultConversion,
  TResultConversionList,
} from '@motcua/contracts';
import { pdfBytes } from '../../files/files.fixtures';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at } from '../dossiers/processing-office.test-helpers';
import { resultsFixture } from './results.test-helpers';

// Literal dates, Việt Nam time: received Thursday 12/2/2026 09:00, result Wednesday 4/3/2026 10:00, conversions
// Thursday 5/3/2026 08:30.

describe('paper ↔ electronic conversion at the desk (ND 45/2020 Đ18, issue 15)', async () => {
  const { f, head, specialist, desk, received, signedResult } = await resultsFixture(80);

  async function resultReady(local: string) {
    const { d } = await signedResult(local);
    f.clock.set(at('2026-03-05T08:30'));
    return d;
  }
  const convert = (who: typeof desk, d: Pick<TDossierDetail, 'id'>, body: object) =>
    f.inject(who, 'POST', `/api/processing/dossiers/${d.id}/result-conversions`, body);
  const register = async (query = '') =>
    (await f.inject(desk, 'GET', `/api/result-conversions${query}`)).json<TResultConversionList>().items;
  const reload = async (d: Pick<TDossierDetail, 'id'>) =>
    detail(await f.inject(desk, 'GET', `/api/dossiers/${d.id}`));

  it('records a certified printout and a certified scan: numbered in the register and on the timeline', async () => {
    const d = await resultReady('2026-02-12T09:00');
    const printout = await convert(desk, d, {
      kind: 'printout',
      expectedVersion: d.version,
      copies: 2,
      handedTo: 'Nguyễn Văn An',
      certifiedBy: head.userId,
    });
    expect(printout.statusCode, printout.body).toBe(201);
    const p = printout.json<TResultConversion>();
    const current = d.documents.find((x) => x.kind === 'result')!;
    const signed = (await f.inject(desk, 'GET', current.url)).rawPayload;
    expect(p).toMatchObject({
      registerNo: '001/2026',
      kind: 'printout',
      copies: 2,
      handedTo: 'Nguyễn Văn An',
      certifier: 'Lê Văn Trưởng',
      recordedBy: desk.name,
      dossierCode: d.code,
      sha256: createHash('sha256').update(signed).digest('hex'),
      at: new Date(at('2026-03-05T08:30')).toISOString(),
    });
    expect(p.documentName).toContain(d.code!);

    const scanBytes = await pdfBytes(1);
    const scan = await f.upload(desk, scanBytes, 'ban-giay.pdf');
    const d1 = await reload(d);
    const scanned = await convert(desk, d1, {
      kind: 'scan',
      expectedVersion: d1.version,
      fileId: scan.id,
      documentName: 'Giấy phép số 12/GP-STTTT (bản giấy)',
      certifiedBy: head.userId,
    });
    expect(scanned.statusCode, scanned.body).toBe(201);
    expect(scanned.json()).toMatchObject({
      registerNo: '002/2026',
      kind: 'scan',
      copies: null,
      handedTo: null,
      sha256: createHash('sha256').update(scanBytes).digest('hex'),
      documentName: 'Giấy phép số 12/GP-STTTT (bản giấy)',
    });

    const after = await reload(d);
    expect(after.status).toBe('result_ready');
    const events = after.events.filter((e) => e.type === 'result_converted');
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ kind: 'printout', copies: 2, certifier: 'Lê Văn Trưởng' }),
      expect.objectContaining({ kind: 'scan', documentName: 'Giấy phép số 12/GP-STTTT (bản giấy)' }),
    ]);
    expect((await register(`?dossierId=${d.id}`)).map((r) => r.registerNo)).toEqual(['002/2026', '001/2026']);
    // The register cannot be rewritten.
    await expect(
      f.db.kysely.deleteFrom('result_conversions').where('dossier_id', '=', d.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses bad records with nothing changed; of two concurrent records one wins, the other gets 409', async () => {
    const early = await received('2026-02-13T09:00');
    const body = (d: Pick<TDossierDetail, 'version'>) => ({
      kind: 'printout',
      expectedVersion: d.version,
      copies: 1,
      handedTo: 'Trần Thị Bình',
      certifiedBy: head.userId,
    });
    const before = (await register()).length;
    const notReady = await convert(desk, early, body(early));
    expect(notReady.statusCode).toBe(409);
    expect(notReady.json().code).toBe('DOSSIER_STATE');

    const d = await resultReady('2026-02-16T09:00');
    expect((await convert(specialist, d, body(d))).statusCode).toBe(403);
    const stranger = await convert(desk, d, { ...body(d), certifiedBy: f.citizenA.userId });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().message).toBe('Không tìm thấy người chứng thực.');
    // A specialist of the agency may not certify (not among the officials the picker offers).
    expect((await convert(desk, d, { ...body(d), certifiedBy: specialist.userId })).statusCode).toBe(404);
    expect((await convert(desk, d, { ...body(d), copies: 0 })).statusCode).toBe(400);
    const othersFile = await f.upload(f.citizenA, await pdfBytes(1), 'cua-nguoi-khac.pdf');
    const notMine = await convert(desk, d, {
      kind: 'scan',
      expectedVersion: d.version,
      fileId: othersFile.id,
      documentName: 'Bản giấy',
      certifiedBy: head.userId,
    });
    expect(notMine.statusCode).toBe(400);
    expect((await register()).length).toBe(before);
    expect((await reload(d)).version).toBe(d.version);

    const [a, b] = await Promise.all([convert(desk, d, body(d)), convert(desk, d, body(d))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await register(`?dossierId=${d.id}`)).length).toBe(1);
    expect((await convert(desk, d, body(d))).statusCode).toBe(409); // stale version
  });

  it('lists the officials of the caller’s agency who may certify: desk, approvers, leaders; others are refused', async () => {
    const res = await f.inject(desk, 'GET', '/api/result-conversions/certifiers');
    expect(res.statusCode).toBe(200);
    const items = res.json<TCertifierList>().items;
    expect(items).toContainEqual({ id: head.userId, name: 'Lê Văn Trưởng' });
    expect(items.map((c) => c.id)).not.toContain(specialist.userId);
    const other = await f.inject(f.clerk('SXD', 3), 'GET', '/api/result-conversions/certifiers');
    expect(other.json<TCertifierList>().items.map((c) => c.id)).not.toContain(head.userId);
    expect((await f.inject(f.citizenA, 'GET', '/api/result-conversions/certifiers')).statusCode).toBe(403);
    expect((await f.inject(null, 'GET', '/api/result-conversions/certifiers')).statusCode).toBe(401);
  });
});
