import type {
  TAcceptDossierRequest,
  TAmendDossierRequest,
  TDossierDetail,
  TDossierList,
  TDossierMessage,
  TDraft,
  TLookupAlert,
  TLookupResponse,
  TMyResults,
  TRefuseDossierRequest,
  TRegisterDossierRequest,
  TRequestSupplementRequest,
  TSaveDraftRequest,
  TSubmitDossierRequest,
  TSubmitSupplementRequest,
  TUploadedFile,
  TWithdrawDossierRequest,
} from '@motcua/contracts';
import { api } from '../../lib/api';
import type { FormSchema } from './components/schema-form-model';

/**
 * What intake needs of a procedure, read from the catalogue's `GET /api/procedures/{code}` (name, `eform`, components).
 * Catalogue components carry no code yet; until they do, a component's code is its position ("1", "2", …).
 */
export type ProcedureComponent = {
  code: string;
  name: string;
  required: boolean;
  originalRequired?: boolean;
};
export type IntakeProcedure = {
  code: string;
  name: string;
  formSchema: FormSchema | null;
  components: ProcedureComponent[];
};
export type ProcedureOption = { code: string; name: string };

type CatalogueProcedure = {
  code: string;
  name: string;
  eform?: Record<string, unknown> | null;
  formSchema?: FormSchema | null;
  components?: { code: string; name: string; required: boolean; originalRequired?: boolean }[];
};

export function toIntakeProcedure(p: CatalogueProcedure): IntakeProcedure {
  return {
    code: p.code,
    name: p.name,
    formSchema: p.formSchema ?? (p.eform as FormSchema | null | undefined) ?? null,
    components: (p.components ?? []).map((c) => ({
      code: c.code,
      name: c.name,
      required: c.required,
      originalRequired: c.originalRequired,
    })),
  };
}

export const dossierKeys = {
  all: ['dossiers'] as const,
  mine: ['dossiers', 'mine'] as const,
  detail: (id: string) => ['dossiers', 'detail', id] as const,
  queue: ['dossiers', 'queue'] as const,
  lookup: (code: string, pin?: string) => ['dossiers', 'lookup', code, pin ?? ''] as const,
  lookupAlertsAll: ['dossiers', 'lookup-alerts'] as const,
  lookupAlerts: (open: boolean) => ['dossiers', 'lookup-alerts', open] as const,
  drafts: ['dossiers', 'drafts'] as const,
  messages: ['dossiers', 'messages'] as const,
  myResults: ['dossiers', 'my-results'] as const,
  procedure: (code: string, versionId?: string) =>
    ['dossiers', 'procedure', code, versionId ?? 'in-force'] as const,
  procedureSearch: (q: string) => ['dossiers', 'procedure-search', q] as const,
};

const enc = encodeURIComponent;
const json = (method: string, body: unknown) => ({ method, body });
const cursorParam = (cursor: string | null) => (cursor ? `&cursor=${enc(cursor)}` : '');

export const dossiersApi = {
  /** The version in force, or with `versionId` the published version a dossier was submitted under. */
  procedure: async (code: string, versionId?: string): Promise<IntakeProcedure> =>
    toIntakeProcedure(
      await api<CatalogueProcedure>(
        `/api/procedures/${enc(code)}${versionId ? `?version=${enc(versionId)}` : ''}`,
      ),
    ),
  searchProcedures: async (q: string): Promise<ProcedureOption[]> => {
    const res = await api<{ items: ProcedureOption[] }>(`/api/procedures?q=${enc(q)}&pageSize=20`);
    return res.items;
  },
  drafts: () => api<{ items: TDraft[] }>('/api/dossier-drafts'),
  createDraft: (body: TSaveDraftRequest) => api<TDraft>('/api/dossier-drafts', json('POST', body)),
  saveDraft: (id: string, body: TSaveDraftRequest) =>
    api<TDraft>(`/api/dossier-drafts/${id}`, json('PUT', body)),
  deleteDraft: (id: string) => api<void>(`/api/dossier-drafts/${id}`, { method: 'DELETE' }),
  submit: (body: TSubmitDossierRequest, idempotencyKey: string) =>
    api<TDossierDetail>('/api/dossiers', {
      method: 'POST',
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  /** One keyset page of "Hồ sơ của tôi", newest first; `cursor` is the previous page's nextCursor. */
  mine: (cursor: string | null) => api<TDossierList>(`/api/dossiers?pageSize=20${cursorParam(cursor)}`),
  detail: (id: string) => api<TDossierDetail>(`/api/dossiers/${id}`),
  amend: (id: string, body: TAmendDossierRequest) =>
    api<TDossierDetail>(`/api/dossiers/${id}`, json('PATCH', body)),
  withdraw: (id: string, body: TWithdrawDossierRequest) =>
    api<TDossierDetail>(`/api/dossiers/${id}/withdraw`, json('POST', body)),
  supplement: (id: string, body: TSubmitSupplementRequest) =>
    api<TDossierDetail>(`/api/dossiers/${id}/supplement`, json('POST', body)),
  /** The applicant asks to stop processing (TT 03/2025 Mẫu 05). */
  stop: (id: string, body: { expectedVersion: number; reason: string }) =>
    api<TDossierDetail>(`/api/dossiers/${id}/stop`, json('POST', body)),
  /** The applicant received an online result ("Hồ sơ của tôi"): the dossier is returned. */
  collect: (id: string, body: { expectedVersion: number }) =>
    api<TDossierDetail>(`/api/dossiers/${id}/collect`, json('POST', body)),
  messages: () => api<{ items: TDossierMessage[] }>('/api/dossier-messages'),
  /** The store of results ("kho dữ liệu"): the current signed result of each of my dossiers. */
  myResults: () => api<TMyResults>('/api/me/results'),
  /** One of my results as one of my files, to attach to a new dossier without uploading it again. */
  reuseResult: (id: string) => api<TUploadedFile>(`/api/me/results/${enc(id)}/reuse`, { method: 'POST' }),
  /** One keyset page of the reception queue, by reception deadline. */
  queue: (cursor: string | null) =>
    api<TDossierList>(`/api/reception/queue?pageSize=50${cursorParam(cursor)}`),
  register: (body: TRegisterDossierRequest, idempotencyKey: string) =>
    api<TDossierDetail>('/api/reception/dossiers', {
      method: 'POST',
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  accept: (id: string, body: TAcceptDossierRequest) =>
    api<TDossierDetail>(`/api/reception/dossiers/${id}/accept`, json('POST', body)),
  requestSupplement: (id: string, body: TRequestSupplementRequest) =>
    api<TDossierDetail>(`/api/reception/dossiers/${id}/request-supplement`, json('POST', body)),
  refuse: (id: string, body: TRefuseDossierRequest) =>
    api<TDossierDetail>(`/api/reception/dossiers/${id}/refuse`, json('POST', body)),
  /** The PIN of the receipt (ADR 0014) shows the masked applicant name; without it the rest still answers. */
  lookup: (code: string, pin?: string) =>
    api<TLookupResponse>(`/api/lookup/${enc(code)}${pin ? `?pin=${enc(pin)}` : ''}`),
  lookupAlerts: (open: boolean) =>
    api<{ items: TLookupAlert[] }>(`/api/admin/lookup-alerts?open=${open ? 'true' : 'false'}`),
  acknowledgeAlert: (id: string) =>
    api<TLookupAlert>(`/api/admin/lookup-alerts/${enc(id)}/acknowledge`, { method: 'POST' }),
};

/** Raw-bytes upload (the server detects the type from the content); the name travels URL-encoded in a header. */
export function uploadFile(file: File): Promise<TUploadedFile> {
  // The body is the file itself; lib/api adds the language, the CSRF header and the error mapping.
  return api<TUploadedFile>('/api/dossier-files', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': enc(file.name) },
    body: file,
  });
}
