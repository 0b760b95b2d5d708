import type { Config } from '../../config';
import { AppError } from '../../http/errors';
import { sign } from '../payments';

/** A public postal service (bưu chính công ích, QĐ 45/2016/QĐ-TTg) that picks results up and delivers them. */
export type PostalService = {
  /** Books a pickup at the desk; the service answers with the tracking number and its fee, then posts events. */
  requestPickup(p: {
    reference: string;
    recipient: string;
    address: string;
    phone: string | null;
    webhookUrl: string;
    now: Date;
  }): Promise<{ trackingNo: string; fee: number }>;
};

export function postalBaseUrl(config: Pick<Config, 'postalService' | 'publicUrl'>): string {
  return config.postalService.url ?? `${config.publicUrl}/postal-sim`;
}

/** The HTTP client: `POST {base}/api/pickups`, signed (HMAC-SHA256 over the sorted fields, with a timestamp). */
export function httpPostalService(
  config: Pick<Config, 'postalService' | 'publicUrl'>,
  fetchImpl: typeof fetch = fetch,
): PostalService {
  return {
    async requestPickup(p) {
      const fields = {
        reference: p.reference,
        recipient: p.recipient,
        address: p.address,
        phone: p.phone ?? '',
        webhookUrl: p.webhookUrl,
        timestamp: Math.floor(p.now.getTime() / 1000),
      };
      const res = await fetchImpl(`${postalBaseUrl(config)}/api/pickups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...fields, signature: sign(config.postalService.secret, fields) }),
        signal: AbortSignal.timeout(10_000),
      }).catch(() => null);
      if (!res?.ok) throw new AppError('SERVICE_UNAVAILABLE');
      const body = (await res.json()) as { trackingNo?: unknown; fee?: unknown };
      if (typeof body.trackingNo !== 'string' || typeof body.fee !== 'number')
        throw new AppError('SERVICE_UNAVAILABLE');
      return { trackingNo: body.trackingNo, fee: body.fee };
    },
  };
}
