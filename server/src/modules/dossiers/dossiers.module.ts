import type { Module } from '../registry';
import { HANDOVER_JOB, handoverJob } from './dossier-handover';
import './dossier-messages';
import { loadDemoDossiers } from './dossiers.demo';
import { dossierRoutes } from './dossiers.routes';
import { processingRoutes } from './processing.routes';

export const dossiersModule: Module = {
  name: 'dossiers',
  routes: async (app) => {
    await app.register(dossierRoutes);
    await app.register(processingRoutes);
  },
  jobs: { [HANDOVER_JOB]: handoverJob },
  seed: loadDemoDossiers,
};
