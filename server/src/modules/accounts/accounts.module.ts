import type { Module } from '../registry';
import { loadDemoAccounts } from './accounts.demo';
import { registerSessionHooks } from './accounts.hooks';
import { accountsRoutes } from './accounts.routes';
import { oidcRoutes } from './oidc.routes';
import { staffRoutes } from './staff.routes';

export const accountsModule: Module = {
  name: 'accounts',
  setup: registerSessionHooks,
  routes: async (app) => {
    await app.register(accountsRoutes);
    await app.register(staffRoutes);
    await app.register(oidcRoutes);
  },
  seed: async ({ db, clock }) => {
    await db.kysely.transaction().execute((trx) => loadDemoAccounts(trx, clock.now()));
  },
};
