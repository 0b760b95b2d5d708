import type {
  TDossierDetail,
  TInteragencyDoneRequest,
  TInteragencySendRequest,
  TInteragencyTask,
  TInteragencyTaskFiles,
  TInteragencyTaskList,
  TLevelForwardRequest,
  TLevelForwardTargets,
} from '@motcua/contracts';
import { api } from '../../lib/api';

/** Inter-agency and cross-level routes (server/src/modules/dossiers/interagency.routes.ts, issue 14). */
export const interagencyApi = {
  send: (id: string, body: TInteragencySendRequest) =>
    api<TDossierDetail>(`/api/processing/dossiers/${id}/interagency`, { method: 'POST', body }),
  /** The parts my agency is asked for, open ones first by due time. */
  mine: (status: 'open' | 'all') => api<TInteragencyTaskList>(`/api/interagency/tasks?status=${status}`),
  files: (tid: string) => api<TInteragencyTaskFiles>(`/api/interagency/tasks/${tid}/files`),
  done: (tid: string, body: TInteragencyDoneRequest) =>
    api<TInteragencyTask>(`/api/interagency/tasks/${tid}/done`, { method: 'POST', body }),
  forwardTargets: (id: string) => api<TLevelForwardTargets>(`/api/processing/dossiers/${id}/forward-level`),
  forwardLevel: (id: string, body: TLevelForwardRequest) =>
    api<TDossierDetail>(`/api/processing/dossiers/${id}/forward-level`, { method: 'POST', body }),
};

export const interagencyKeys = {
  all: ['interagency'] as const,
  mine: (status: 'open' | 'all') => ['interagency', 'tasks', status] as const,
  files: (tid: string) => ['interagency', 'files', tid] as const,
  forwardTargets: (id: string, version: number) => ['interagency', 'forward-level', id, version] as const,
};

/** A file of a partner's part, opened through the part (the partner never reads the dossier itself). */
export const partnerFileUrl = (tid: string, fileId: string) =>
  `/api/interagency/tasks/${tid}/files/${fileId}`;

/** A file attached to a partner's answer, opened through part `tid` (the answer's own, or a later partner's). */
export const answerFileUrl = (tid: string, fileId: string) =>
  `/api/interagency/tasks/${tid}/answer-files/${fileId}`;
