import type {
  TAppraiseRequest,
  TAssignRequest,
  TDossierDetail,
  TExtendRequest,
  TForwardRequest,
  TProcessingSupplementRequest,
  TResultRequest,
  TReturnResultRequest,
  TStepBackRequest,
  TStopRequest,
  TTransferRequest,
  TUncollectedList,
  TAssigneeList,
  TChaseList,
  TInboxPage,
  TInboxScope,
  TDossierPlace,
} from '@motcua/contracts';
import { api } from '../../lib/api';

/** The office actions of processing (server/src/modules/dossiers/processing.routes.ts); each answers the dossier. */
const post =
  <B>(action: string) =>
  (id: string, body: B) =>
    api<TDossierDetail>(`/api/processing/dossiers/${id}/${action}`, { method: 'POST', body });

export const processingApi = {
  assign: post<TAssignRequest>('assign'),
  appraise: post<TAppraiseRequest>('appraise'),
  requestSupplement: post<TProcessingSupplementRequest>('request-supplement'),
  forward: post<TForwardRequest>('forward'),
  extend: post<TExtendRequest>('extend'),
  result: post<TResultRequest>('result'),
  returnResult: post<TReturnResultRequest>('return'),
  stepBack: post<TStepBackRequest>('step-back'),
  /** The desk records the applicant's request to stop (TT 03/2025 Mẫu 05). */
  stop: post<TStopRequest>('stop'),
  /** The desk forwards a dossier for another agency to that agency's desk (003 Đ12.3). */
  transfer: (id: string, body: TTransferRequest) =>
    api<TDossierDetail>(`/api/reception/dossiers/${id}/transfer`, { method: 'POST', body }),
};

export type ProcessingAction = keyof typeof processingApi;

export const processingKeys = {
  uncollected: ['processing', 'uncollected'] as const,
};

export const processingLists = {
  /** Results waiting at this desk (002 Đ6.5.b), oldest first. */
  uncollected: () => api<TUncollectedList>('/api/processing/uncollected'),
};

/** The inbox's filters (GET /api/processing/inbox); empty strings mean "any". */
export type InboxFilter = {
  scope: TInboxScope;
  procedure: string;
  step: string;
  due: '' | 'overdue' | 'soon';
  /** One of the three places (issue 14) that must be `placeAgency` (the viewer's agency); '' = any. */
  place?: '' | TDossierPlace;
  placeAgency?: string;
};

const PLACE_PARAM = { received: 'receivedAt', decided: 'decidedBy', returned: 'returnedAt' } as const;

export const inboxKeys = {
  inbox: (f: InboxFilter) => ['processing', 'inbox', f] as const,
  assignees: (id: string) => ['processing', 'assignees', id] as const,
  chase: ['processing', 'chase'] as const,
};

export const inboxApi = {
  /** One keyset page of "Hồ sơ cần xử lý", by step due time; `cursor` is the previous page's nextCursor. */
  page: (f: InboxFilter, cursor: string | null) => {
    const q = new URLSearchParams({ scope: f.scope, limit: '25' });
    if (f.procedure.trim()) q.set('procedure', f.procedure.trim());
    if (f.step) q.set('step', f.step);
    if (f.due) q.set('due', f.due);
    if (f.place && f.placeAgency) q.set(PLACE_PARAM[f.place], f.placeAgency);
    if (cursor) q.set('cursor', cursor);
    return api<TInboxPage>(`/api/processing/inbox?${q.toString()}`);
  },
  /** Who may take the step being assigned (the head of the department only). */
  assignees: (id: string) => api<TAssigneeList>(`/api/processing/dossiers/${id}/assignees`),
  /** The desk's chase list (002 Đ5.1.e). */
  chase: () => api<TChaseList>('/api/processing/chase'),
};
