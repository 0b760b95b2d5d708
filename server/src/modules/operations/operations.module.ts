import type { Module } from '../registry';
import { BACKUP_JOB, backupJob, scheduleBackups, useBackupSettings } from './backup.job';

/** Operations (issue 18, ADR 0028): scheduled backups with the files, outage windows and back-entry. */
export const operationsModule: Module = {
  name: 'operations',
  setup: async (app) => {
    useBackupSettings(app.deps.config);
  },
  jobs: { [BACKUP_JOB]: backupJob },
  schedule: scheduleBackups,
};
