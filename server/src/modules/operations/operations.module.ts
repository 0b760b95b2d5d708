import { backEntryRoutes } from '../dossiers';
import type { Module } from '../registry';
import { outageRoutes } from './outages.routes';
import { BACKUP_JOB, backupJob, scheduleBackups, useBackupSettings } from './backup.job';

/** Operations (issue 18, ADR 0028): scheduled backups with the files, outage windows and back-entry. */
export const operationsModule: Module = {
  name: 'operations',
  setup: async (app) => {
    useBackupSettings(app.deps.config);
  },
  routes: async (api) => {
    await api.register(outageRoutes);
    await api.register(backEntryRoutes);
  },
  jobs: { [BACKUP_JOB]: backupJob },
  schedule: scheduleBackups,
};
