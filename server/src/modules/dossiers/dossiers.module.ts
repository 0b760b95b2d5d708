import type { Module } from '../registry';
import { HANDOVER_JOB, handoverJob } from './dossier-handover';
import './dossier-messages';
import { loadDemoDossiers } from './dossiers.demo';
import { dossierRoutes } from './dossiers.routes';

export const dossiersModule: Module = {
  name: 'dossiers',
  routes: dossierRoutes,
  jobs: { [HANDOVER_JOB]: handoverJob },
  seed: loadDemoDossiers,
};
