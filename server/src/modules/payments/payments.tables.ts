import type { Generated } from 'kysely';
import type { TFeeMoment, TPaymentChannel, TRefundGround } from '@motcua/contracts';

export type FeeChargesTable = {
  id: Generated<string>;
  dossier_id: string;
  agency_id: string;
  amount: number;
  moment: TFeeMoment;
  description: string;
  created_at: Date;
};

export type PaymentsTable = {
  id: Generated<string>;
  charge_id: string;
  dossier_id: string;
  agency_id: string;
  channel: TPaymentChannel;
  status: 'pending' | 'paid' | 'cancelled';
  amount: number;
  order_ref: string;
  reference: string | null;
  gateway_txn_id: string | null;
  receipt_no: string | null;
  receipt_sha256: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Date;
  paid_at: Date | null;
};

export type PaymentRefundsTable = {
  id: Generated<string>;
  payment_id: string;
  agency_id: string;
  amount: number;
  ground: TRefundGround;
  reason: string;
  refunded_at: Date;
  recorded_by: string | null;
  recorded_by_name: string | null;
};

export type GatewayCallbacksTable = {
  transaction_id: string;
  order_ref: string;
  body_hash: string;
  received_at: Date;
};

export type PaymentReceiptCountersTable = { agency_id: string; year: number; last_value: number };

export type GatewaySimOrdersTable = {
  id: Generated<string>;
  merchant_id: string;
  order_ref: string;
  amount: number;
  description: string;
  return_url: string;
  callback_url: string;
  status: Generated<'open' | 'success' | 'cancelled'>;
  transaction_id: string | null;
  created_at: Date;
};

export type PaymentsTables = {
  fee_charges: FeeChargesTable;
  payments: PaymentsTable;
  payment_refunds: PaymentRefundsTable;
  gateway_callbacks: GatewayCallbacksTable;
  payment_receipt_counters: PaymentReceiptCountersTable;
  gateway_sim_orders: GatewaySimOrdersTable;
};
