import type { Module } from '../registry';
import { resultsRoutes } from './results.routes';

export const resultsModule: Module = {
  name: 'results',
  routes: resultsRoutes,
};
