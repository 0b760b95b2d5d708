import { addReturnReadyListener } from '../dossiers';
import type { Module } from '../registry';
import { POSTAL_PICKUP_JOB, postalPickupJob, queuePickup, usePostalConfig } from './auto-pickup';
import { postalSimulator } from './postal-sim.routes';
import { postalRoutes } from './postal.routes';
import { loadDemoPostal } from './postal.demo';

// A result ready for a postal-return dossier queues its pickup (no click at the desk).
addReturnReadyListener(queuePickup);

export const postalModule: Module = {
  name: 'postal',
  // The local postal simulator stands in for the postal service when none is configured.
  setup: async (app) => {
    usePostalConfig(() => app.deps.config);
    if (!app.deps.config.postalService.url) await postalSimulator(app);
  },
  routes: postalRoutes,
  jobs: { [POSTAL_PICKUP_JOB]: postalPickupJob },
  seed: loadDemoPostal,
};
