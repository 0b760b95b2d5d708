import type { Module } from '../registry';
import { catalogueRoutes } from './catalogue.routes';
import { loadDemoCatalogue } from './catalogue.demo';
import { applyScheduledJob, CATALOGUE_SCHEDULED_JOB } from './catalogue.editor';

export const catalogueModule: Module = {
  name: 'catalogue',
  routes: catalogueRoutes,
  jobs: { [CATALOGUE_SCHEDULED_JOB]: applyScheduledJob },
  seed: async ({ db, clock }) => loadDemoCatalogue(db, clock.now()),
};
