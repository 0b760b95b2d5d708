// Route plumbing shared by the requests one agency makes of another (consultation, inter-agency parts, the
// cross-level forward): the office guard, the error statuses, and a state change in one transaction answered with
// the dossier (or the request) as it now stands. Routes stay auth → validate → service → presenter.
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  preHandlerAsyncHookHandler,
} from 'fastify';
import type { Transaction } from 'kysely';
import { ZErrorResponse } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { safeFileName } from '../../files/file-name';
import { sendStoredFile } from '../../files/serve';
import { requireLogin, requireRole } from '../../http/auth';
import { fileStoreFor, type IntakeCtx } from './dossier-context';
import type { FileRow } from './dossiers.repo';
import { dossierDetail } from './dossier-read.service';
import { ctxOf } from './dossiers.routes';

export const REQUEST_ERRORS = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  422: ZErrorResponse,
};

/** Anyone working in an office: the agency asked answers with any of these roles. */
export const officeStaff = requireRole('approver', 'specialist', 'reception_officer');

/** A logged-in route under the processing tag; the schema keeps its own types for the zod provider. */
export function requestRoute<S extends FastifySchema>(
  preHandler: preHandlerAsyncHookHandler,
  summary: string,
  schema: S,
) {
  return { preValidation: requireLogin, preHandler, schema: { tags: ['processing'], summary, ...schema } };
}

type Trx = Transaction<Database>;

/** A state change in one transaction with the request's actor and time. */
export function inTransaction<T>(
  api: FastifyInstance,
  req: FastifyRequest,
  run: (trx: Trx, ctx: IntakeCtx) => Promise<T>,
): Promise<T> {
  const ctx = ctxOf(req);
  return api.deps.db.kysely.transaction().execute((trx) => run(trx, ctx));
}

/** A state change on dossier `id`, answered with the dossier as staff now see it. */
export function actOnDossier(
  api: FastifyInstance,
  req: FastifyRequest,
  id: string,
  run: (trx: Trx, ctx: IntakeCtx) => Promise<unknown>,
) {
  return inTransaction(api, req, async (trx, ctx) => {
    await run(trx, ctx);
    return dossierDetail(trx, id, ctx.now, true);
  });
}

/** A file of the request (its access checked by `open`, 404 otherwise), served from the file store. */
export async function sendFile(api: FastifyInstance, reply: FastifyReply, open: () => Promise<FileRow>) {
  const file = await open();
  const body = await fileStoreFor(api.deps.config).get(file.sha256);
  return sendStoredFile(reply, {
    body,
    mediaType: file.media_type,
    name: safeFileName(file.name, file.media_type),
  });
}
