import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../http/context';
import type { JobRegistry } from '../jobs/queue';
import { healthRoutes } from './health/health.routes';
import { organisationModule } from './organisation/organisation.module';
import { notificationsModule } from './notifications/notifications.module';
import { accountsModule } from './accounts/accounts.module';
import { calendarModule } from './calendar/calendar.module';
import { catalogueModule } from './catalogue/catalogue.module';
import { dossiersModule } from './dossiers/dossiers.module';
import { resultsModule } from './results/results.module';
import { paymentsModule } from './payments/payments.module';
import { postalModule } from './postal/postal.module';
import { feedbackModule } from './feedback/feedback.module';
import { reportsModule } from './reports/reports.module';
import { integrationModule } from './integration/integration.module';
import { operationsModule } from './operations/operations.module';

/**
 * A module plugs in here: its routes (mounted under /api), its job handlers and its demo data.
 * Seeds run in this order, so a module seeds after the modules it depends on.
 */
export type Module = {
  name: string;
  /** Root-level hooks (e.g. resolving the session into req.actor), run before any module's routes. */
  setup?: (app: FastifyInstance) => Promise<void>;
  routes?: FastifyPluginAsync;
  jobs?: JobRegistry;
  seed?: (deps: AppDeps) => Promise<void>;
  /** Where a worker starts: schedules the module's recurring jobs (idempotent, deduplicated across processes). */
  schedule?: (db: AppDeps['db'], now: Date) => Promise<void>;
};

export const modules: Module[] = [
  { name: 'health', routes: healthRoutes },
  organisationModule,
  notificationsModule,
  accountsModule,
  calendarModule,
  catalogueModule,
  dossiersModule,
  resultsModule,
  paymentsModule,
  postalModule,
  feedbackModule,
  reportsModule,
  integrationModule,
  operationsModule,
];

export function jobRegistry(): JobRegistry {
  return Object.assign({}, ...modules.map((m) => m.jobs ?? {})) as JobRegistry;
}
