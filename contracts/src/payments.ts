import { z } from 'zod';

/**
 * Fees and charges (003 Đ16) and the return of results by post (001 Đ28). Money is in đồng (integers).
 */
export const PAYMENT_CHANNELS = ['desk', 'bank_transfer', 'postal', 'online'] as const;
export type TPaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const ZPaymentChannel = z.enum(PAYMENT_CHANNELS);

/** When the catalogue says the fee is charged. */
export const FEE_MOMENTS = ['submission', 'result'] as const;
export type TFeeMoment = (typeof FEE_MOMENTS)[number];

export const REFUND_GROUNDS = ['agency_failed', 'refused_not_applicant'] as const;
export type TRefundGround = (typeof REFUND_GROUNDS)[number];

const ZInstant = z.iso.datetime({ offset: true });

export const ZPaymentRefund = z.object({
  ground: z.enum(REFUND_GROUNDS),
  reason: z.string(),
  amount: z.number().int(),
  refundedAt: ZInstant,
  recordedBy: z.string().nullable(),
});

export const ZPayment = z.object({
  id: z.uuid(),
  channel: ZPaymentChannel,
  status: z.enum(['pending', 'paid', 'cancelled']),
  amount: z.number().int(),
  orderRef: z.string(),
  /** Bank or postal reference, the gateway's transaction id, or the desk's paper receipt number. */
  reference: z.string().nullable(),
  /** Number of the electronic payment receipt (biên lai), once paid. */
  receiptNo: z.string().nullable(),
  /** GET this path for the receipt PDF. */
  receiptUrl: z.string().nullable(),
  paidAt: ZInstant.nullable(),
  recordedBy: z.string().nullable(),
  refund: ZPaymentRefund.nullable(),
});
export type TPayment = z.infer<typeof ZPayment>;

/** GET /api/dossiers/{id}/payments — what the dossier owes and what was paid. */
export const ZDossierPayments = z.object({
  dossierId: z.uuid(),
  /** Total fees and charges of the procedure, in đồng; 0 when it is free. */
  amount: z.number().int(),
  description: z.string().nullable(),
  moment: z.enum(FEE_MOMENTS).nullable(),
  /** Whether the fee can be paid now (at submission, or once the result is ready). */
  payable: z.boolean(),
  paid: z.boolean(),
  payments: z.array(ZPayment),
});
export type TDossierPayments = z.infer<typeof ZDossierPayments>;

export const ZStartOnlinePayment = z.object({}).strict();
export const ZOnlinePaymentStarted = z.object({ paymentId: z.uuid(), payUrl: z.string() });
export type TOnlinePaymentStarted = z.infer<typeof ZOnlinePaymentStarted>;

export const ZRecordPaymentRequest = z
  .object({
    channel: z.enum(['desk', 'bank_transfer', 'postal']),
    amount: z.number().int().positive(),
    /** Required for bank transfers and postal collection; the paper receipt number at the desk, if any. */
    reference: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => v.channel === 'desk' || !!v.reference, {
    message: 'reference is required for bank transfers and postal collection',
    path: ['reference'],
  });
export type TRecordPaymentRequest = z.input<typeof ZRecordPaymentRequest>;

export const ZRefundRequest = z.object({
  ground: z.enum(REFUND_GROUNDS),
  reason: z.string().trim().min(5).max(2000),
});
export type TRefundRequest = z.infer<typeof ZRefundRequest>;

/**
 * The gateway's signed callback (the way VN gateways sign theirs): `signature` is HMAC-SHA256, hex, over the other
 * fields as `key=value` pairs sorted by key and joined by `&`; `timestamp` is seconds since the epoch.
 */
export const ZGatewayCallback = z.object({
  merchantId: z.string().min(1).max(64),
  orderRef: z.string().min(1).max(64),
  transactionId: z.string().min(1).max(64),
  amount: z.number().int().positive(),
  status: z.enum(['success', 'cancelled']),
  timestamp: z.number().int().positive(),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TGatewayCallback = z.infer<typeof ZGatewayCallback>;
export const ZGatewayCallbackAck = z.object({ ok: z.literal(true), duplicate: z.boolean() });

/** Reconciliation of one agency for one quarter (the xlsx has the same numbers). */
export const ZReconciliationQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});

// Postal return (001 Đ28).
export const SHIPMENT_STATUSES = ['requested', 'picked_up', 'in_transit', 'delivered', 'failed'] as const;
export type TShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export const ZShipment = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  dossierCode: z.string().nullable(),
  status: z.enum(SHIPMENT_STATUSES),
  trackingNo: z.string().nullable(),
  address: z.string(),
  postalFee: z.number().int(),
  integrated: z.boolean(),
  events: z.array(z.object({ status: z.enum(SHIPMENT_STATUSES), at: ZInstant, note: z.string().nullable() })),
});
export type TShipment = z.infer<typeof ZShipment>;
export const ZShipmentList = z.object({ items: z.array(ZShipment) });
export const ZManualShipmentEvent = z.object({
  status: z.enum(['picked_up', 'delivered', 'failed']),
  trackingNo: z.string().trim().min(3).max(40).optional(),
  postalFee: z.number().int().min(0).optional(),
  note: z.string().trim().max(500).optional(),
});
/** The postal service's delivery event, signed like the payment callback (HMAC-SHA256, sorted fields, timestamp). */
export const ZPostalWebhook = z.object({
  trackingNo: z.string().min(3).max(40),
  status: z.enum(['picked_up', 'in_transit', 'delivered', 'failed']),
  eventId: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
  note: z.string().max(500).optional(),
  timestamp: z.number().int().positive(),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export const ZPostalWebhookAck = z.object({ ok: z.literal(true), duplicate: z.boolean() });
/** The desk asks the postal service to pick the result up; with a tracking number it records a pickup made by hand. */
export const ZPickupRequest = z.object({
  trackingNo: z.string().trim().min(3).max(40).optional(),
  postalFee: z.number().int().min(0).optional(),
});
export const ZUncollectedResults = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string().nullable(),
      procedureName: z.string(),
      applicantName: z.string(),
      resultChannel: z.string(),
      appointmentAt: ZInstant.nullable(),
      resultReadyAt: ZInstant.nullable(),
      shipment: z.enum(SHIPMENT_STATUSES).nullable(),
      shipmentId: z.uuid().nullable(),
    }),
  ),
});
export type TPostalWebhook = z.infer<typeof ZPostalWebhook>;

export const ZReconciliation = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  from: ZInstant,
  to: ZInstant,
  collected: z.array(
    z.object({ channel: ZPaymentChannel, count: z.number().int(), amount: z.number().int() }),
  ),
  collectedTotal: z.number().int(),
  refunded: z.object({ count: z.number().int(), amount: z.number().int() }),
  outstanding: z.object({ count: z.number().int(), amount: z.number().int() }),
  payments: z.array(
    z.object({
      paidAt: ZInstant,
      receiptNo: z.string().nullable(),
      dossierCode: z.string().nullable(),
      channel: ZPaymentChannel,
      amount: z.number().int(),
      reference: z.string().nullable(),
      refunded: z.boolean(),
    }),
  ),
});
export type TReconciliation = z.infer<typeof ZReconciliation>;
