import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { pdfBytes } from '../../files/files.fixtures';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';

/**
 * The postal tests' office (Sở TT&TT, see `officeFixture`), listening on a real port so the postal-service simulator
 * and the webhook are reached over HTTP (`base`). `toResult` submits an online dossier for 1.004227 at `local`, takes
 * it through processing and issues an uploaded result; `fee` first charges it on the result (so the result waits
 * for payment).
 */
export async function postalFixture(n0: number) {
  const o = await officeFixture(n0);
  const { f, head, specialist, desk, act } = o;
  await f.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
  f.deps.config.publicUrl = base;

  const toResult = async (resultChannel: 'post' | 'counter', local = '2026-02-12T09:00', fee?: number) => {
    f.clock.set(at(local));
    let d = detail(await f.submit(f.citizenA, { resultChannel }), 201);
    d = detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
    if (fee) {
      const row = await f.db.kysely
        .selectFrom('dossiers')
        .select('authority_agency_id')
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      await f.db.kysely
        .insertInto('fee_charges')
        .values({
          dossier_id: d.id,
          agency_id: row.authority_agency_id,
          amount: fee,
          moment: 'result',
          description: 'Lệ phí cấp giấy phép',
          created_at: f.clock.now(),
        })
        .execute();
    }
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    d = detail(await act(specialist, d, 'appraise', { opinion: 'Hồ sơ đầy đủ.', proposal: 'approve' }));
    d = detail(await act(specialist, d, 'forward'));
    d = detail(await act(head, d, 'forward'));
    const pdf = await f.upload(desk, await pdfBytes(1), 'giay-phep.pdf');
    d = detail(
      await act(desk, d, 'result', { kind: 'granted', summary: 'Giấy phép số 7/GP', fileIds: [pdf.id] }),
    );
    expect(d.status).toBe('result_ready');
    return d;
  };
  return { ...o, base, toResult };
}
