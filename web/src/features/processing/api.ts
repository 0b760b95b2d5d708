import type {
  TAppraiseRequest,
  TAssignRequest,
  TDossierDetail,
  TDossierList,
  TExtendRequest,
  TForwardRequest,
  TProcessingSupplementRequest,
  TResultRequest,
  TReturnResultRequest,
  TStepBackRequest,
  TStopRequest,
  TTransferRequest,
  TUncollectedList,
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
  inProcessing: ['processing', 'desk-in-processing'] as const,
};

export const processingLists = {
  /** Results waiting at this desk (002 Đ6.5.b), oldest first. */
  uncollected: () => api<TUncollectedList>('/api/processing/uncollected'),
  /** The desk's dossiers in processing (the reception queue by status). */
  inProcessing: () => api<TDossierList>('/api/reception/queue?status=in_processing&page=1&pageSize=100'),
};
