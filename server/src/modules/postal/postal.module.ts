import type { Module } from '../registry';
import { postalSimulator } from './postal-sim.routes';
import { postalRoutes } from './postal.routes';
import { loadDemoPostal } from './postal.demo';

export const postalModule: Module = {
  name: 'postal',
  // The local postal simulator stands in for the postal service when none is configured.
  setup: async (app) => {
    if (!app.deps.config.postalService.url) await postalSimulator(app);
  },
  routes: postalRoutes,
  seed: loadDemoPostal,
};
