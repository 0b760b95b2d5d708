import type { Module } from '../registry';
import { notificationsRoutes } from './notifications.routes';
import { deliverMessage, DELIVER_JOB, useDeliverySettings } from './notifications.service';

export const notificationsModule: Module = {
  name: 'notifications',
  setup: async (app) => {
    useDeliverySettings(app.deps.config);
  },
  routes: notificationsRoutes,
  jobs: { [DELIVER_JOB]: deliverMessage },
};
