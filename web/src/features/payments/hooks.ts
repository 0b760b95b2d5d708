import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRecordPaymentRequest, TRefundRequest } from '@motcua/contracts';
import { paymentKeys, paymentsApi } from './api';

export const useDossierPayments = (id: string) =>
  useQuery({ queryKey: paymentKeys.dossier(id), queryFn: () => paymentsApi.ofDossier(id) });
export const useShipments = (id: string) =>
  useQuery({ queryKey: paymentKeys.shipments(id), queryFn: () => paymentsApi.shipments(id) });
export const useReconciliation = (year: number, quarter: number) =>
  useQuery({
    queryKey: paymentKeys.reconciliation(year, quarter),
    queryFn: () => paymentsApi.reconciliation(year, quarter),
  });
export const usePostalWaiting = () =>
  useQuery({ queryKey: paymentKeys.waiting, queryFn: paymentsApi.waiting });
export const useUncollected = () =>
  useQuery({ queryKey: paymentKeys.uncollected, queryFn: paymentsApi.uncollected });

/** Opens the gateway's order and sends the browser there. */
export function usePayOnline(id: string) {
  return useMutation({
    mutationFn: () => paymentsApi.payOnline(id),
    onSuccess: ({ payUrl }) => window.location.assign(payUrl),
  });
}

export function useRecordPayment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TRecordPaymentRequest) => paymentsApi.record(id, body),
    onSuccess: (data) => qc.setQueryData(paymentKeys.dossier(id), data),
  });
}

export function useRefund(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, body }: { paymentId: string; body: TRefundRequest }) =>
      paymentsApi.refund(paymentId, body),
    onSuccess: (data) => qc.setQueryData(paymentKeys.dossier(id), data),
  });
}

export function usePickup(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { trackingNo?: string; postalFee?: number }) => paymentsApi.pickup(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['payments'] }),
  });
}

export function useShipmentEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      shipmentId,
      status,
    }: {
      shipmentId: string;
      status: 'picked_up' | 'delivered' | 'failed';
    }) => paymentsApi.shipmentEvent(shipmentId, { status }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['payments'] }),
  });
}
