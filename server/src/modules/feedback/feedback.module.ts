import type { Module } from '../registry';
import { ESCALATION_JOB, escalationJob, scheduleEscalation } from './feedback-escalation.job';
import { loadDemoFeedback } from './feedback.demo';
import { feedbackRoutes } from './feedback.routes';
import { feedbackScanRoutes } from './feedback-scan.routes';
import { satisfactionRoutes } from './satisfaction.routes';

export const feedbackModule: Module = {
  name: 'feedback',
  routes: async (api) => {
    await api.register(feedbackRoutes);
    await api.register(satisfactionRoutes);
    await api.register(feedbackScanRoutes);
  },
  jobs: { [ESCALATION_JOB]: escalationJob },
  schedule: scheduleEscalation,
  seed: loadDemoFeedback,
};
