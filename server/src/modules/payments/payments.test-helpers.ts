import type { AddressInfo } from 'node:net';
import type { TDossierDetail, TDossierPayments, TOnlinePaymentStarted } from '@motcua/contracts';
import { expect } from 'vitest';
import type { Actor } from '../../http/auth';
import { detail, intakeFixture } from '../dossiers/dossiers.test-helpers';
import { sign } from './signed-message';

/**
 * The intake fixture listening on a real port, so the payment gateway simulator and our callback talk over HTTP;
 * `submitPaid` submits an online dossier for 1.009994 (150.000 đồng at submission, Sở Xây dựng).
 */
export async function paymentsFixture() {
  const f = await intakeFixture();
  await f.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
  // The app and its simulators address each other by the public URL.
  f.deps.config.publicUrl = base;
  const sxdDesk = f.clerk('SXD', 7);
  const submitFee = async (who: Actor = f.citizenA) => {
    const a = await f.upload(who);
    const b = await f.upload(who);
    return detail(
      await f.submit(who, {
        procedureCode: '1.009994',
        formData: {},
        attachments: [
          { componentCode: 'don', fileIds: [a.id] },
          { componentCode: 'ban-ve', fileIds: [b.id] },
        ],
      }),
      201,
    );
  };
  const payments = async (who: Actor, d: Pick<TDossierDetail, 'id'>) => {
    const res = await f.inject(who, 'GET', `/api/dossiers/${d.id}/payments`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TDossierPayments>();
  };
  const startOnline = async (who: Actor, d: Pick<TDossierDetail, 'id'>) => {
    const res = await f.inject(who, 'POST', `/api/dossiers/${d.id}/payments/online`, {});
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TOnlinePaymentStarted>();
  };
  /** A callback as the gateway would send it, signed with the configured secret unless `secret` is given. */
  const callback = (fields: Record<string, string | number>, secret = f.deps.config.paymentGateway.secret) =>
    fetch(`${base}/api/payments/gateway/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields, signature: sign(secret, fields) }),
    });
  return { f, base, sxdDesk, submitFee, payments, startOnline, callback };
}
