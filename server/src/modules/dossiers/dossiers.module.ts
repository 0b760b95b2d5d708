import { loadConfig, type Config } from '../../config';
import type { Module } from '../registry';
import { HANDOVER_JOB, handoverJob } from './dossier-handover';
import { DELIVER_JOB, deliverMessageJob } from './dossier-notify';
import { dossierRoutes } from './dossiers.routes';

let config: Config | undefined;

export const dossiersModule: Module = {
  name: 'dossiers',
  routes: dossierRoutes,
  jobs: {
    [HANDOVER_JOB]: handoverJob,
    // Job handlers get the database, not the configuration; SMTP/SMS settings are read once, through config.ts.
    [DELIVER_JOB]: (payload, ctx) => deliverMessageJob((config ??= loadConfig()))(payload, ctx),
  },
};
