import type {
  TDossierPayments,
  TOnlinePaymentStarted,
  TReconciliation,
  TRecordPaymentRequest,
  TRefundRequest,
  TShipment,
} from '@motcua/contracts';
import { api } from '../../lib/api';

export type WaitingResult = {
  id: string;
  code: string | null;
  procedureName: string;
  applicantName: string;
  resultChannel: string;
  appointmentAt: string | null;
  resultReadyAt: string | null;
  shipment: TShipment['status'] | null;
  shipmentId: string | null;
};

export const paymentKeys = {
  dossier: (id: string) => ['payments', 'dossier', id] as const,
  shipments: (id: string) => ['payments', 'shipments', id] as const,
  reconciliation: (year: number, quarter: number) => ['payments', 'reconciliation', year, quarter] as const,
  waiting: ['payments', 'postal-waiting'] as const,
  uncollected: ['payments', 'uncollected'] as const,
};

export const paymentsApi = {
  ofDossier: (id: string) => api<TDossierPayments>(`/api/dossiers/${id}/payments`),
  payOnline: (id: string) =>
    api<TOnlinePaymentStarted>(`/api/dossiers/${id}/payments/online`, { method: 'POST', body: {} }),
  record: (id: string, body: TRecordPaymentRequest) =>
    api<TDossierPayments>(`/api/dossiers/${id}/payments`, { method: 'POST', body }),
  refund: (paymentId: string, body: TRefundRequest) =>
    api<TDossierPayments>(`/api/payments/${paymentId}/refund`, { method: 'POST', body }),
  reconciliation: (year: number, quarter: number) =>
    api<TReconciliation>(`/api/payments/reconciliation?year=${year}&quarter=${quarter}`),
  shipments: (id: string) => api<{ items: TShipment[] }>(`/api/dossiers/${id}/shipments`),
  pickup: (id: string, body: { trackingNo?: string; postalFee?: number }) =>
    api<TShipment>(`/api/postal/dossiers/${id}/pickup`, { method: 'POST', body }),
  shipmentEvent: (shipmentId: string, body: { status: 'picked_up' | 'delivered' | 'failed' }) =>
    api<TShipment>(`/api/postal/shipments/${shipmentId}/events`, { method: 'POST', body }),
  waiting: () => api<{ items: WaitingResult[] }>('/api/postal/waiting'),
  uncollected: () => api<{ items: WaitingResult[] }>('/api/postal/uncollected'),
};
