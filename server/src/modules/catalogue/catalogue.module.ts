import type { Module } from '../registry';
import { catalogueRoutes } from './catalogue.routes';
import { loadDemoCatalogue } from './catalogue.demo';

export const catalogueModule: Module = {
  name: 'catalogue',
  routes: catalogueRoutes,
  seed: async ({ db, clock }) => loadDemoCatalogue(db, clock.now()),
};
