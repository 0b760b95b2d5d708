import type {
  TAppraiseRequest,
  TAssignRequest,
  TDossierDetail,
  TExtendRequest,
  TForwardRequest,
  TProcessingSupplementRequest,
  TResultRequest,
  TReturnResultRequest,
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
};

export type ProcessingAction = keyof typeof processingApi;
