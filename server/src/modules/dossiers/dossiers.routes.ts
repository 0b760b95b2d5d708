/**
 * Dossier intake routes (issue 6). Schemas: `contracts/src/dossiers.ts`. Errors: `{code, message}`.
 *
 * | method | path                                                  | who                         | request → response                              |
 * |--------|-------------------------------------------------------|-----------------------------|-------------------------------------------------|
 * | POST   | /api/dossier-files                                    | logged in (rate, quota)     | raw bytes (X-File-Name, URL-encoded) → 201 ZUploadedFile |
 * | GET    | /api/dossier-drafts                                   | citizen                     | → ZDraftList                                    |
 * | POST   | /api/dossier-drafts                                   | citizen                     | ZSaveDraftRequest → 201 ZDraft                  |
 * | GET    | /api/dossier-drafts/{id}                              | owner                       | → ZDraft                                        |
 * | PUT    | /api/dossier-drafts/{id}                              | owner                       | ZSaveDraftRequest (expectedVersion) → ZDraft    |
 * | DELETE | /api/dossier-drafts/{id}                              | owner                       | → 204                                           |
 * | POST   | /api/dossiers                                         | citizen (Idempotency-Key)   | ZSubmitDossierRequest → 201 ZDossierDetail      |
 * | GET    | /api/dossiers?status&pageSize&cursor                  | citizen ("Hồ sơ của tôi")   | → ZDossierList, keyset pages (nextCursor)       |
 * | GET    | /api/dossiers/{id}                                    | applicant / reception staff | → ZDossierDetail (timeline in `events`)         |
 * | PATCH  | /api/dossiers/{id}                                    | applicant                   | ZAmendDossierRequest → ZDossierDetail           |
 * | POST   | /api/dossiers/{id}/withdraw                           | applicant                   | ZWithdrawDossierRequest → ZDossierDetail        |
 * | POST   | /api/dossiers/{id}/supplement                         | applicant                   | ZSubmitSupplementRequest → ZDossierDetail       |
 * | GET    | /api/dossiers/{id}/documents/{documentId}             | applicant / reception staff | → application/pdf (Mẫu 01/02/03)                |
 * | GET    | /api/dossiers/{id}/files/{fileId}                     | applicant / reception staff | → the stored bytes                              |
 * | GET    | /api/dossier-messages                                 | citizen                     | → ZDossierMessageList (portal inbox)            |
 * | GET    | /api/reception/queue?status&pageSize&cursor           | reception_officer           | → ZDossierList, by reception deadline (keyset)  |
 * | POST   | /api/reception/dossiers                               | reception_officer (Idem.)   | ZRegisterDossierRequest → 201 ZDossierDetail    |
 * | POST   | /api/reception/dossiers/{id}/accept                   | reception_officer           | ZAcceptDossierRequest → ZDossierDetail          |
 * | POST   | /api/reception/dossiers/{id}/request-supplement       | reception_officer           | ZRequestSupplementRequest → ZDossierDetail      |
 * | POST   | /api/reception/dossiers/{id}/refuse                   | reception_officer           | ZRefuseDossierRequest → ZDossierDetail          |
 *
 * The public lookup and its probing alerts: `dossier-lookup.routes.ts`.
 * Stale `expectedVersion` → 409 CONFLICT; another applicant's dossier → 404; wrong agency → 404 for staff.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptDossierRequest,
  ZAmendDossierRequest,
  ZDossierDetail,
  ZDossierList,
  ZDossierListQuery,
  ZDossierMessageList,
  ZDraft,
  ZDraftList,
  ZErrorResponse,
  ZRefuseDossierRequest,
  ZRegisterDossierRequest,
  ZRequestSupplementRequest,
  ZSaveDraftRequest,
  ZSubmitDossierRequest,
  ZSubmitSupplementRequest,
  ZUploadedFile,
  ZWithdrawDossierRequest,
} from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { actorContext, requestNow } from '../../http/context';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { idempotent } from '../../http/idempotency';
import type { IntakeCtx } from './dossier-context';
import { closeDraft, getDraft, listDrafts, saveDraft } from './dossier-drafts.service';
import {
  amendDossier,
  registerDossier,
  submitDossier,
  submitSupplement,
  withdrawDossier,
} from './dossier-intake.service';
import {
  dossierDetail,
  getDossierDetail,
  listMessages,
  listMyDossiers,
  listReceptionQueue,
  openDocument,
  openDossierFile,
} from './dossier-read.service';
import { MAX_UPLOAD_BYTES, uploadWithinLimits } from './dossier-uploads.service';
import { safeFileName } from '../../files/file-name';
import { sendStoredFile } from '../../files/serve';
import { acceptDossier, refuseDossier, requestSupplement } from './dossier-reception.service';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  413: ZErrorResponse,
  415: ZErrorResponse,
  422: ZErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
const TAGS = ['dossiers'];
/** Services re-validate their input with the same zod schema, so the route hands the body on as is. */
type Work = (trx: Transaction<Database>, ctx: IntakeCtx, id: string, body: never) => Promise<unknown>;

/** The request's context (http/context.ts) for a logged-in actor. */
export function ctxOf(req: FastifyRequest): IntakeCtx {
  return actorContext(req);
}

/**
 * A desk intake answered 201 with the dossier as staff see it, once per Idempotency-Key of the officer: a retry gets
 * the stored answer and never a second dossier. Shared by the counter intake and the outage back-entry;
 * the services re-validate the body with their zod schema.
 */
export function idempotentIntake(
  scope: string,
  work: (trx: Transaction<Database>, ctx: IntakeCtx, body: never) => Promise<string>,
  staff = false,
) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = ctxOf(req);
    const res = await idempotent(
      req.server.deps.db,
      `${scope}:${ctx.actor.userId}`,
      req.headers['idempotency-key'] as string | undefined,
      req.body,
      async (trx) => {
        const id = await work(trx, ctx, req.body as never);
        return { status: 201, body: await dossierDetail(trx, id, ctx.now, staff) };
      },
    );
    return reply.status(res.status).send(res.body);
  };
}

export const dossierRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;
  const receptionist = requireRole('reception_officer');

  // Uploads arrive as the raw bytes; their type is decided from the content, never from the name or header.
  api.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1 }, (_req, body, done) =>
    done(null, body),
  );

  api.post(
    '/dossier-files',
    {
      preValidation: requireLogin,
      bodyLimit: MAX_UPLOAD_BYTES + 1,
      schema: {
        tags: TAGS,
        summary: 'Upload one attachment (raw bytes; X-File-Name header, URL-encoded)',
        headers: z.object({ 'x-file-name': z.string().min(1).max(600).optional() }),
        response: { 201: ZUploadedFile, ...errors, 429: ZErrorResponse },
      },
    },
    async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('BAD_REQUEST', {
          details: { vi: 'tệp rỗng', en: 'the file is empty' },
        });
      }
      let name = 'tep-dinh-kem';
      try {
        name = decodeURIComponent(req.headers['x-file-name'] ?? name).slice(0, 255);
      } catch {
        /* keep the default name */
      }
      const file = await uploadWithinLimits(
        db(),
        requireActor(req),
        api.deps.config,
        body,
        name,
        requestNow(req),
      );
      return reply.status(201).send(file);
    },
  );

  api.get(
    '/dossier-drafts',
    { preValidation: requireLogin, schema: { tags: TAGS, response: { 200: ZDraftList, ...errors } } },
    async (req) => ({ items: await listDrafts(db(), requireActor(req)) }),
  );
  api.post(
    '/dossier-drafts',
    {
      preValidation: requireLogin,
      schema: { tags: TAGS, body: ZSaveDraftRequest, response: { 201: ZDraft, ...errors } },
    },
    async (req, reply) =>
      reply.status(201).send(await saveDraft(db(), requireActor(req), null, req.body, requestNow(req))),
  );
  api.get(
    '/dossier-drafts/:id',
    {
      preValidation: requireLogin,
      schema: { tags: TAGS, params: IdParams, response: { 200: ZDraft, ...errors } },
    },
    async (req) => getDraft(db(), requireActor(req), req.params.id),
  );
  api.put(
    '/dossier-drafts/:id',
    {
      preValidation: requireLogin,
      schema: { tags: TAGS, params: IdParams, body: ZSaveDraftRequest, response: { 200: ZDraft, ...errors } },
    },
    async (req) => saveDraft(db(), requireActor(req), req.params.id, req.body, requestNow(req)),
  );
  api.delete(
    '/dossier-drafts/:id',
    {
      preValidation: requireLogin,
      schema: { tags: TAGS, params: IdParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await getDraft(db(), actor, req.params.id);
      await closeDraft(db(), actor.userId, req.params.id, requestNow(req));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/dossiers',
    {
      preValidation: requireLogin,
      schema: {
        tags: TAGS,
        summary: 'Submit a dossier online (Idempotency-Key honoured)',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: ZSubmitDossierRequest,
        response: { 201: ZDossierDetail, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const res = await idempotent(
        api.deps.db,
        `dossiers.submit:${ctx.actor.userId}`,
        req.headers['idempotency-key'],
        req.body,
        async (trx) => {
          return { status: 201, body: await submitDossier(trx, ctx, req.body) };
        },
      );
      return reply.status(res.status).send(res.body as z.infer<typeof ZDossierDetail>);
    },
  );
  api.get(
    '/dossiers',
    {
      preValidation: requireLogin,
      schema: { tags: TAGS, querystring: ZDossierListQuery, response: { 200: ZDossierList, ...errors } },
    },
    async (req) => listMyDossiers(db(), requireActor(req), req.query, requestNow(req)),
  );
  api.get(
    '/dossiers/:id',
    {
      preValidation: requireLogin,
      schema: { tags: TAGS, params: IdParams, response: { 200: ZDossierDetail, ...errors } },
    },
    async (req) => getDossierDetail(db(), requireActor(req), req.params.id, requestNow(req)),
  );

  /** A state change in one transaction, answered with the dossier as it now stands. */
  const change = (work: Work) => async (req: FastifyRequest) => {
    const ctx = ctxOf(req);
    const { id } = req.params as { id: string };
    return db()
      .transaction()
      .execute(async (trx) => {
        await work(trx, ctx, id, req.body as never);
        return dossierDetail(trx, id, ctx.now);
      });
  };

  const mutation = <S extends z.ZodType>(body: S, pre = requireLogin) => ({
    preValidation: pre,
    schema: { tags: TAGS, params: IdParams, body, response: { 200: ZDossierDetail, ...errors } },
  });
  api.patch('/dossiers/:id', mutation(ZAmendDossierRequest), change(amendDossier));
  api.post('/dossiers/:id/withdraw', mutation(ZWithdrawDossierRequest), change(withdrawDossier));
  api.post('/dossiers/:id/supplement', mutation(ZSubmitSupplementRequest), change(submitSupplement));

  api.get(
    '/dossiers/:id/documents/:documentId',
    {
      preValidation: requireLogin,
      schema: {
        tags: TAGS,
        summary: 'Download a form of the dossier (PDF)',
        params: z.object({ id: z.uuid(), documentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const doc = await openDocument(
        db(),
        requireActor(req),
        api.deps.config,
        req.params.id,
        req.params.documentId,
      );
      return sendStoredFile(reply, {
        body: doc.stream,
        mediaType: 'application/pdf',
        name: `${doc.kind}.pdf`,
      });
    },
  );
  api.get(
    '/dossiers/:id/files/:fileId',
    {
      preValidation: requireLogin,
      schema: {
        tags: TAGS,
        summary: 'Download an attachment of the dossier',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const f = await openDossierFile(
        db(),
        requireActor(req),
        api.deps.config,
        req.params.id,
        req.params.fileId,
      );
      // Rows stored before names were cleaned are cleaned on the way out too.
      const name = safeFileName(f.file.name, f.file.media_type);
      return sendStoredFile(reply, { body: f.stream, mediaType: f.file.media_type, name });
    },
  );
  api.get(
    '/dossier-messages',
    {
      preValidation: requireLogin,
      schema: { tags: TAGS, response: { 200: ZDossierMessageList, ...errors } },
    },
    async (req) => ({ items: await listMessages(db(), requireActor(req)) }),
  );

  api.get(
    '/reception/queue',
    {
      preValidation: receptionist,
      schema: { tags: TAGS, querystring: ZDossierListQuery, response: { 200: ZDossierList, ...errors } },
    },
    async (req) => listReceptionQueue(db(), requireActor(req), req.query, requestNow(req)),
  );
  api.post(
    '/reception/dossiers',
    {
      preValidation: receptionist,
      schema: {
        tags: TAGS,
        summary: 'Register a dossier received at the counter or by post (Idempotency-Key honoured)',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: ZRegisterDossierRequest,
        response: { 201: ZDossierDetail, ...errors },
      },
    },
    idempotentIntake('dossiers.register', registerDossier),
  );
  api.post(
    '/reception/dossiers/:id/accept',
    mutation(ZAcceptDossierRequest, receptionist),
    change(acceptDossier),
  );
  api.post(
    '/reception/dossiers/:id/request-supplement',
    mutation(ZRequestSupplementRequest, receptionist),
    change(requestSupplement),
  );
  api.post(
    '/reception/dossiers/:id/refuse',
    mutation(ZRefuseDossierRequest, receptionist),
    change(refuseDossier),
  );
};
