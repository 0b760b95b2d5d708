import type { Module } from '../registry';
import { loadDemoCalendar } from './calendar.demo';
import { calendarRoutes } from './calendar.routes';

export const calendarModule: Module = {
  name: 'calendar',
  routes: calendarRoutes,
  seed: async ({ db, clock }) => {
    await db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, clock.now()));
  },
};
