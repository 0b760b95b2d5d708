import type { Module } from '../registry';
import { loadDemoOrganisation } from './organisation.demo';
import { organisationRoutes } from './organisation.routes';

export const organisationModule: Module = {
  name: 'organisation',
  routes: organisationRoutes,
  seed: async ({ db }) => {
    await db.kysely.transaction().execute(loadDemoOrganisation);
  },
};
