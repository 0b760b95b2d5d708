import type { Module } from '../registry';
import { HANDOVER_JOB, handoverJob } from './dossier-handover';
import './dossier-messages';
import { loadDemoDossiers } from './dossiers.demo';
import { lookupRoutes } from './dossier-lookup.routes';
import { dossierRoutes } from './dossiers.routes';
import { processingRoutes } from './processing.routes';
import { processingDocumentRoutes } from './processing-documents.routes';
import { simulateRoutes } from './procedure-simulate.routes';
import { processingInboxRoutes } from './processing-inbox.routes';
import { consultationRoutes } from './consultation.routes';
import { interagencyRoutes } from './interagency.routes';
import { resultDownloadRoutes } from './result-download.routes';
import { scheduleWarnings, WARNINGS_JOB, warningsJob } from './processing-warnings.job';
import { PARTITIONS_JOB, partitionsJob, schedulePartitions } from './event-partitions';

export const dossiersModule: Module = {
  name: 'dossiers',
  routes: async (api) => {
    await api.register(dossierRoutes);
    await api.register(lookupRoutes);
    await api.register(processingRoutes);
    await api.register(processingDocumentRoutes);
    await api.register(simulateRoutes);
    await api.register(processingInboxRoutes);
    await api.register(consultationRoutes);
    await api.register(interagencyRoutes);
    await api.register(resultDownloadRoutes);
  },
  jobs: { [HANDOVER_JOB]: handoverJob, [WARNINGS_JOB]: warningsJob, [PARTITIONS_JOB]: partitionsJob },
  schedule: async (db, now) => {
    await scheduleWarnings(db, now);
    await schedulePartitions(db, now);
  },
  seed: loadDemoDossiers,
};
