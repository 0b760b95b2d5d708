import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../../files/files.fixtures';
import type { TDossierDetail, TDossierPayments } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at, officeFixture } from '../dossiers/processing-office.test-helpers';

/**
 * A fee due with the result (003 Đ16; "khi nhận kết quả" in the catalogue) is paid before the result is handed over:
 * the desk's return is refused (409 FEE_UNPAID, nothing changes) until the payment is recorded.
 */
describe('fee due with the result', () => {
  it('refuses the return at the desk until the fee is paid, then returns', async () => {
    const { f, head, specialist, desk, act, received } = await officeFixture(40);
    let d = await received('2026-02-12T09:00');
    // The fixture's procedure is free; charge this dossier 50.000 đồng on the result, as the catalogue may say.
    await f.db.kysely
      .insertInto('fee_charges')
      .values({
        dossier_id: d.id,
        agency_id: (await f.db.kysely
          .selectFrom('dossiers')
          .select('authority_agency_id')
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow())!.authority_agency_id,
        amount: 50000,
        moment: 'result',
        description: 'Lệ phí cấp giấy phép',
        created_at: new Date(at('2026-02-12T09:00')),
      })
      .execute();
    const step = async (who: Actor, path: string, body: object = {}) =>
      (d = detail(await act(who, d, path, body)));
    await step(head, 'assign', { handlerId: specialist.userId });
    f.clock.set(at('2026-02-23T10:00'));
    await step(specialist, 'appraise', { opinion: 'Hồ sơ đầy đủ, đúng quy định.', proposal: 'approve' });
    await step(specialist, 'forward');
    await step(head, 'forward');
    const pdf = await f.upload(desk, await pdfBytes(1), 'giay-phep.pdf');
    await step(desk, 'result', { kind: 'granted', summary: 'Giấy phép số 7/GP', fileIds: [pdf.id] });
    expect(d.status).toBe('result_ready');

    const refused = await act(desk, d, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'FEE_UNPAID' });
    expect(refused.json().message).toContain('50.000 đồng');
    const unchanged = await f.inject(desk, 'GET', `/api/dossiers/${d.id}`);
    expect(unchanged.json<TDossierDetail>()).toMatchObject({ status: 'result_ready', version: d.version });

    const paid = await f.inject(desk, 'POST', `/api/dossiers/${d.id}/payments`, {
      channel: 'desk',
      amount: 50000,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<TDossierPayments>()).toMatchObject({ paid: true, moment: 'result' });
    await step(desk, 'return', { collectedBy: 'Nguyễn Văn An', originalsReturned: true });
    expect(d.status).toBe('returned');
  });
});
