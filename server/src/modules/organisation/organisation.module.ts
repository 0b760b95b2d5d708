import type { Module } from '../registry';
import { loadDemoOrganisation } from './organisation.demo';

export const organisationModule: Module = {
  name: 'organisation',
  seed: async ({ db }) => {
    await db.kysely.transaction().execute(loadDemoOrganisation);
  },
};
