import type { Module } from '../registry';
import { conversionRoutes } from './conversions.routes';
import { resultsRoutes } from './results.routes';

export const resultsModule: Module = {
  name: 'results',
  routes: async (api) => {
    await api.register(resultsRoutes);
    await api.register(conversionRoutes);
  },
};
