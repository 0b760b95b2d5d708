import { addReturnGuard } from '../dossiers';
import type { Module } from '../registry';
import { gatewaySimulator } from './gateway-sim.routes';
import { paymentRoutes } from './payments.routes';
import { reconciliationRoutes } from './reconciliation.routes';
import { loadDemoPayments } from './payments.demo';
import { requireFeePaidOnReturn } from './payments.service';

addReturnGuard(requireFeePaidOnReturn);

export const paymentsModule: Module = {
  name: 'payments',
  // The local gateway simulator stands in for the real gateway when none is configured.
  setup: async (app) => {
    if (!app.deps.config.paymentGateway.url) await gatewaySimulator(app);
  },
  routes: async (api) => {
    await api.register(paymentRoutes);
    await api.register(reconciliationRoutes);
  },
  seed: loadDemoPayments,
};
