import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TDossierPayments, TReconciliation } from '@motcua/contracts';
import { pdfText } from '../documents/pdf-inspect.test-helpers';
import { detail } from '../dossiers/dossiers.test-helpers';
import { feeFactsOf, feeMoment } from './fee-facts';
import { paymentsFixture } from './payments.test-helpers';
import { canonicalString, sign, signatureValid } from './signed-message';

/** A JSON answer over real HTTP. */
const body = async (r: Response) => (await r.json()) as { code?: string; redirect?: string };

describe('fees and payments (issue 15, 003 Đ16)', async () => {
  const { f, base, sxdDesk, submitFee, payments, startOnline, callback } = await paymentsFixture();
  const nowSeconds = () => Math.floor(f.clock.now().getTime() / 1000);
  const merchantId = f.deps.config.paymentGateway.merchantId;

  it('reads the moment from the catalogue: at submission unless the fee is due with the result', () => {
    expect(feeMoment('Khi nộp hồ sơ; nộp trực tuyến qua Nền tảng thanh toán')).toBe('submission');
    expect(feeMoment('Khi nhận kết quả')).toBe('result');
    expect(feeMoment('')).toBe('submission');
    const fee = (amount: number, due: string) => ({ name: `Lệ phí ${amount}`, amount, collector: '', due });
    expect(feeFactsOf([fee(0, '')], 'X')).toBeNull();
    expect(feeFactsOf([fee(50000, 'Khi nhận kết quả'), fee(0, '')], 'X')).toEqual({
      amount: 50000,
      description: 'Lệ phí 50000',
      moment: 'result',
    });
  });

  it('signs like the gateways: HMAC-SHA256 over the sorted key=value pairs', () => {
    expect(canonicalString({ b: 2, a: 'x', signature: 'no' })).toBe('a=x&b=2');
    const s = sign('k'.repeat(16), { a: 1 });
    expect(signatureValid('k'.repeat(16), { a: 1 }, s)).toBe(true);
    expect(signatureValid('k'.repeat(16), { a: 2 }, s)).toBe(false);
    expect(signatureValid('k'.repeat(16), { a: 1 }, 'zz')).toBe(false);
  });

  it('the applicant pays online through the simulator; the callback marks it paid and issues the receipt', async () => {
    const d = await submitFee();
    const before = await payments(f.citizenA, d);
    expect(before).toMatchObject({ amount: 150000, moment: 'submission', payable: true, paid: false });
    // Someone else's dossier is not found; staff do not start online payments.
    expect((await f.inject(f.citizenB, 'POST', `/api/dossiers/${d.id}/payments/online`, {})).statusCode).toBe(
      404,
    );

    const { payUrl } = await startOnline(f.citizenA, d);
    expect(payUrl).toMatch(new RegExp(`^${base}/gateway-sim/pay/`));
    const page = await (await fetch(payUrl)).text();
    expect(page).toContain('Xác nhận thanh toán');
    expect(page).toContain('150.000');
    const confirm = await fetch(`${payUrl}/confirm`, { method: 'POST' });
    expect(confirm.status).toBe(200);
    expect((await body(confirm)).redirect).toBe(`${base}/ho-so-cua-toi/${d.id}?thanh-toan=1&ket-qua=success`);

    const after = await payments(f.citizenA, d);
    expect(after).toMatchObject({ paid: true, payable: false });
    const p = after.payments[0]!;
    expect(p).toMatchObject({
      channel: 'online',
      status: 'paid',
      amount: 150000,
      receiptNo: 'BL2026-0000001',
    });
    expect(p.reference).toMatch(/^SIM/);
    // The order page is closed now; a second confirmation is refused by the gateway itself.
    expect((await fetch(`${payUrl}/confirm`, { method: 'POST' })).status).toBe(409);

    const pdf = await f.inject(f.citizenA, 'GET', p.receiptUrl!);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      '150.000 đồng',
      d.code ?? d.submissionRef,
      'Nguyễn Văn An',
      p.reference!,
      'Số: 0000001',
    ])
      expect(text).toContain(s);
    expect(text).toContain('Thanh toán trực tuyến qua cổng thanh toán');
    expect((await f.inject(f.citizenB, 'GET', p.receiptUrl!)).statusCode).toBe(404);
  });

  it('refuses a bad signature, an unknown order, a wrong amount, a stale or replayed callback — changing nothing', async () => {
    const d = await submitFee();
    await startOnline(f.citizenA, d);
    const order = (await payments(f.citizenA, d)).payments[0]!;
    const good = {
      merchantId,
      orderRef: order.orderRef,
      transactionId: 'TXN-0001',
      amount: 150000,
      status: 'success',
      timestamp: nowSeconds(),
    };
    const snapshot = async () => ({
      payments: await payments(f.citizenA, d),
      audit: Number(
        (
          await f.db.kysely
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const untouched = await snapshot();
    const refused = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect((await body(res)).code).toBe(code);
      expect(await snapshot()).toEqual(untouched);
    };
    await refused(await callback(good, 'another-secret-0000'), 401, 'CALLBACK_SIGNATURE_INVALID');
    // A valid signature over other content than what is sent.
    const forged = await fetch(`${base}/api/payments/gateway/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...good,
        amount: 1000,
        signature: sign(f.deps.config.paymentGateway.secret, good),
      }),
    });
    await refused(forged, 401, 'CALLBACK_SIGNATURE_INVALID');
    await refused(await callback({ ...good, merchantId: 'OTHER' }), 401, 'CALLBACK_SIGNATURE_INVALID');
    await refused(await callback({ ...good, orderRef: 'MC20261125NOSUCH' }), 404, 'NOT_FOUND');
    await refused(await callback({ ...good, amount: 15000 }), 422, 'PAYMENT_AMOUNT_MISMATCH');
    await refused(await callback({ ...good, timestamp: nowSeconds() - 3600 }), 409, 'CALLBACK_REPLAYED');

    // The good one is applied once; the same callback again is acknowledged without effect.
    const ok = await callback(good);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, duplicate: false });
    const paid = await snapshot();
    expect(paid.payments.paid).toBe(true);
    const again = await callback(good);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(await snapshot()).toEqual(paid);
    // The same transaction id saying something else is a replay; another transaction for a paid order is refused.
    const replay = await callback({ ...good, status: 'cancelled' });
    expect(replay.status).toBe(409);
    expect((await body(replay)).code).toBe('CALLBACK_REPLAYED');
    const second = await callback({ ...good, transactionId: 'TXN-0002' });
    expect(second.status).toBe(409);
    expect((await body(second)).code).toBe('PAYMENT_ALREADY_PAID');
    expect(await snapshot()).toEqual(paid);
  });

  it('a cancelled payment at the gateway leaves the fee payable', async () => {
    const d = await submitFee();
    const { payUrl } = await startOnline(f.citizenA, d);
    const cancel = await fetch(`${payUrl}/cancel`, { method: 'POST' });
    expect((await body(cancel)).redirect).toContain('ket-qua=cancelled');
    const p = await payments(f.citizenA, d);
    expect(p).toMatchObject({ paid: false, payable: true });
    expect(p.payments[0]!.status).toBe('cancelled');
  });

  it('the desk records a counter payment with a receipt; wrong amount, a second payment, other agencies refused', async () => {
    const d = await submitFee();
    const record = (who = sxdDesk, body: object = { channel: 'desk', amount: 150000 }) =>
      f.inject(who, 'POST', `/api/dossiers/${d.id}/payments`, body);
    expect((await record(f.citizenA)).statusCode).toBe(403);
    expect((await record(f.clerk('STTTT', 7))).statusCode).toBe(404);
    expect((await record(sxdDesk, { channel: 'bank_transfer', amount: 150000 })).statusCode).toBe(400);
    const wrong = await record(sxdDesk, { channel: 'desk', amount: 100000 });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().message).toContain('không khớp');
    // Two clerks at once: one wins, the other is told it is already paid.
    const [r1, r2] = await Promise.all([
      record(),
      record(sxdDesk, { channel: 'desk', amount: 150000, reference: 'Q-12' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const body = (r1.statusCode === 200 ? r1 : r2).json<TDossierPayments>();
    expect(body.paid).toBe(true);
    const p = body.payments.find((x) => x.status === 'paid')!;
    expect(p).toMatchObject({ channel: 'desk', recordedBy: sxdDesk.name });
    expect(p.receiptNo).toMatch(/^BL2026-\d{7}$/);
    const text = await pdfText((await f.inject(f.citizenA, 'GET', p.receiptUrl!)).rawPayload);
    expect(text).toContain('Nộp trực tiếp tại Bộ phận Một cửa');
    expect(text).toContain(sxdDesk.name);
    expect((await record()).json().code).toBe('PAYMENT_ALREADY_PAID');
    // The applicant sees it too.
    expect((await payments(f.citizenA, d)).paid).toBe(true);
  });

  it('refunds only where the law allows, once', async () => {
    const d = await submitFee();
    const paid = detail(
      await f.inject(sxdDesk, 'POST', `/api/dossiers/${d.id}/payments`, {
        channel: 'bank_transfer',
        amount: 150000,
        reference: 'VCB-778899',
      }),
    ) as unknown as TDossierPayments;
    const payment = paid.payments[0]!;
    const refund = (ground: string, who = sxdDesk) =>
      f.inject(who, 'POST', `/api/payments/${payment.id}/refund`, {
        ground,
        reason: 'Hồ sơ không thuộc thẩm quyền',
      });
    // Not refused, not late: the agency has not failed.
    const early = await refund('agency_failed');
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('REFUND_NOT_ALLOWED');
    expect((await refund('refused_not_applicant')).statusCode).toBe(422);
    // Refused at reception because another agency is competent: not the applicant's doing.
    detail(
      await f.inject(sxdDesk, 'POST', `/api/reception/dossiers/${d.id}/refuse`, {
        expectedVersion: d.version,
        reason: 'Không thuộc thẩm quyền giải quyết',
        competentAgency: 'UBND xã Tân Phú',
      }),
    );
    expect((await refund('refused_not_applicant', f.clerk('STTTT', 7))).statusCode).toBe(404);
    const ok = await refund('refused_not_applicant');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<TDossierPayments>().payments[0]!.refund).toMatchObject({
      ground: 'refused_not_applicant',
      amount: 150000,
      recordedBy: sxdDesk.name,
    });
    const twice = await refund('refused_not_applicant');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('REFUND_ALREADY_MADE');
  });

  it('reconciles the agency’s quarter: collected by channel, refunded, outstanding (JSON and xlsx)', async () => {
    // One more dossier owes its fee, though no one has looked at its payments yet.
    await submitFee();
    const res = await f.inject(sxdDesk, 'GET', '/api/payments/reconciliation?year=2026&quarter=4');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<TReconciliation>();
    const by = Object.fromEntries(r.collected.map((c) => [c.channel, c.amount]));
    // Online: the simulator payment and the signed callback; desk: one; bank transfer: one (refunded).
    expect(by).toEqual({ desk: 150000, bank_transfer: 150000, postal: 0, online: 300000 });
    expect(r.collectedTotal).toBe(600000);
    expect(r.refunded).toEqual({ count: 1, amount: 150000 });
    // Unpaid: the cancelled one, the refused one's? (paid) — no: the cancelled one and the one just submitted.
    expect(r.outstanding).toEqual({ count: 2, amount: 300000 });
    expect(r.from).toBe('2026-10-01T00:00:00.000+07:00');
    // Nothing in the third quarter; other agencies see their own (none).
    const q3 = (
      await f.inject(sxdDesk, 'GET', '/api/payments/reconciliation?year=2026&quarter=3')
    ).json<TReconciliation>();
    expect(q3.collectedTotal).toBe(0);
    const other = (
      await f.inject(f.clerk('STTTT', 7), 'GET', '/api/payments/reconciliation?year=2026&quarter=4')
    ).json<TReconciliation>();
    expect(other.collectedTotal).toBe(0);
    expect(
      (await f.inject(f.citizenA, 'GET', '/api/payments/reconciliation?year=2026&quarter=4')).statusCode,
    ).toBe(403);

    const xlsx = await f.inject(sxdDesk, 'GET', '/api/payments/reconciliation.xlsx?year=2026&quarter=4');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows).toContainEqual(['Thanh toán trực tuyến', 2, 300000]);
    expect(rows).toContainEqual(['Tổng đã thu', 4, 600000]);
    expect(rows).toContainEqual(['Đã hoàn trả', 1, 150000]);
    expect(rows).toContainEqual(['Chưa thu (cuối quý)', 2, 300000]);
    expect(wb.worksheets[1]!.rowCount).toBe(5);
  });
});
