import { migrateFilesCommand } from '../files/files.cli';
import type { AppDeps } from '../http/context';
import { createAdminCommand } from '../modules/accounts/accounts.cli';
import { demoKeysCommand } from '../modules/results/results.cli';
import { generateCommand } from '../modules/reports/generator';
import { syncCheckCommand } from '../modules/integration/integration.cli';
import { nationalExportCommand } from '../modules/catalogue/catalogue.cli';
import { partitionsCommand } from '../modules/dossiers/event-partitions.cli';

/** Commands contributed by modules (e.g. `user create-admin` from accounts), listed in `motcua help`. */
export type CliCommand = {
  name: string;
  usage: string;
  summary: string;
  run(deps: AppDeps, args: string[]): Promise<number>;
};

export const cliCommands: CliCommand[] = [
  createAdminCommand,
  demoKeysCommand,
  generateCommand,
  syncCheckCommand,
  nationalExportCommand,
  migrateFilesCommand,
  partitionsCommand,
];
