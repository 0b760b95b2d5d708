import type { Config } from '../../config';
import { AppError } from '../../http/errors';
import { sign } from './signed-message';

/** An online payment gateway (the national payment platform, a bank's or a wallet's gateway). */
export type PaymentGateway = {
  /** Opens an order; the citizen is sent to `payUrl`, the gateway calls `callbackUrl` and returns to `returnUrl`. */
  createOrder(order: {
    orderRef: string;
    amount: number;
    description: string;
    returnUrl: string;
    callbackUrl: string;
    now: Date;
  }): Promise<{ payUrl: string }>;
};

/** Where the gateway lives: the configured one, or the local simulator served by this server. */
export function gatewayBaseUrl(config: Pick<Config, 'paymentGateway' | 'publicUrl'>): string {
  return config.paymentGateway.url ?? `${config.publicUrl}/gateway-sim`;
}

/**
 * The HTTP client of a gateway that takes signed order requests (`POST {base}/api/orders`, the same signing as its
 * callbacks: HMAC-SHA256 over the sorted fields with a timestamp).
 */
export function httpPaymentGateway(
  config: Pick<Config, 'paymentGateway' | 'publicUrl'>,
  fetchImpl: typeof fetch = fetch,
): PaymentGateway {
  const { merchantId, secret } = config.paymentGateway;
  return {
    async createOrder(o) {
      const fields = {
        merchantId,
        orderRef: o.orderRef,
        amount: o.amount,
        description: o.description,
        returnUrl: o.returnUrl,
        callbackUrl: o.callbackUrl,
        timestamp: Math.floor(o.now.getTime() / 1000),
      };
      let res: Response;
      try {
        res = await fetchImpl(`${gatewayBaseUrl(config)}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...fields, signature: sign(secret, fields) }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE');
      }
      if (!res.ok) throw new AppError('SERVICE_UNAVAILABLE');
      const body = (await res.json()) as { payUrl?: unknown };
      if (typeof body.payUrl !== 'string') throw new AppError('SERVICE_UNAVAILABLE');
      return { payUrl: body.payUrl };
    },
  };
}
