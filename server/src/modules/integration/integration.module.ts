import type { Module } from '../registry';
import { integrationAdminRoutes } from './integration.routes';
import { smsRoutes } from './sms.routes';
import { apiClientRoutes } from './api-clients.routes';
import { registerApiClientHooks } from './api-clients';
import { portalTargetOf, usePortalTarget } from './portal-client';
import { COLLECT_JOB, collectJob, PORTAL_SEND_JOB, portalSendJob, scheduleCollect } from './portal-outbox';
import { portalSimulator } from './portal-sim.routes';
import { scheduleSyncCheck, SYNC_CHECK_JOB, syncCheckJob } from './sync-check';
import { feedbackAnsweredWebhook, WEBHOOK_JOB, webhookDeliverJob } from './webhooks';
import { onFeedbackAnswered } from '../feedback';

export const integrationModule: Module = {
  name: 'integration',
  setup: async (app) => {
    // Read per use: the configuration may be replaced after boot (the public address once the port is known).
    usePortalTarget(() => portalTargetOf(app.deps.config));
    await registerApiClientHooks(app);
    onFeedbackAnswered(feedbackAnsweredWebhook);
    if (!app.deps.config.nationalPortal.url) await app.register(portalSimulator);
  },
  routes: async (api) => {
    await api.register(integrationAdminRoutes);
    await api.register(smsRoutes);
    await api.register(apiClientRoutes);
  },
  jobs: {
    [COLLECT_JOB]: collectJob,
    [PORTAL_SEND_JOB]: portalSendJob,
    [SYNC_CHECK_JOB]: syncCheckJob,
    [WEBHOOK_JOB]: webhookDeliverJob,
  },
  schedule: async (db, now) => {
    await scheduleCollect(db, now);
    await scheduleSyncCheck(db, now);
  },
};
