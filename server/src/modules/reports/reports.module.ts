import type { Module } from '../registry';
import { reportsRoutes } from './reports.routes';

/** Reports (issue 17): counts kept by triggers (migrations), read by the dashboard, reports, index and statistics. */
export const reportsModule: Module = { name: 'reports', routes: reportsRoutes };
