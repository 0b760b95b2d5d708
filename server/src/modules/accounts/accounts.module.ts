import type { Module } from '../registry';
import { loadDemoAccounts } from './accounts.demo';
import { registerSessionHooks } from './accounts.hooks';
import { accountsRoutes } from './accounts.routes';
import { oidcRoutes } from './oidc.routes';
import { staffRoutes } from './staff.routes';
import { PASSWORD_RESET_JOB, sendPasswordReset } from './registration.service';

export const accountsModule: Module = {
  name: 'accounts',
  setup: registerSessionHooks,
  routes: async (app) => {
    await app.register(accountsRoutes);
    await app.register(staffRoutes);
    await app.register(oidcRoutes);
  },
  jobs: { [PASSWORD_RESET_JOB]: sendPasswordReset },
  seed: async ({ db, clock }) => {
    await db.kysely.transaction().execute((trx) => loadDemoAccounts(trx, clock.now()));
  },
};
