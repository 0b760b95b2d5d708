/**
 * Feedback, complaints and the public Q&A (issue 16).
 *
 * | method | path                                          | who                                  |
 * | ------ | --------------------------------------------- | ------------------------------------ |
 * | POST   | /api/feedback                                 | anyone (staff: letters, calls, mail) |
 * | GET    | /api/office/feedback                          | staff of the agency holding it       |
 * | POST   | /api/office/feedback/{id}/classify            | the same                             |
 * | POST   | /api/office/feedback/{id}/answer              | the same                             |
 * | GET    | /api/office/feedback/{id}/forwarding-slip.pdf | the sending or the receiving agency  |
 * | POST   | /api/office/feedback/{id}/faq                 | catalogue editors, leaders           |
 * | GET    | /api/dossiers/{id}/feedback                   | staff who may see the dossier        |
 * | GET    | /api/qa                                       | anyone                               |
 * | POST   | /api/qa/{id}/vote                             | anyone (one mark per reader)         |
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZErrorResponse,
  ZFeedbackAnswer,
  ZFeedbackClassify,
  ZFeedbackCreate,
  ZFeedbackCreated,
  ZFeedbackFaq,
  ZFeedbackItem,
  ZFeedbackList,
  ZFeedbackListQuery,
  ZQaList,
  ZQaQuery,
  ZQaVote,
} from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import { requestContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { sendStoredFile } from '../../files/serve';
import { renderForwardingSlip } from '../documents';
import { authorize, findDossier, issuerOf } from '../dossiers';
import { feedbackForDossier, officeList, presentItem, searchQa } from './feedback.read';
import { findItem } from './feedback.repo';
import {
  answerFeedback,
  classifyFeedback,
  FEEDBACK_WHAT,
  fileFeedback,
  setFaq,
  voteHelpful,
  type FeedbackCtx,
} from './feedback.service';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const IdParams = z.object({ id: z.uuid() });
const HANDLERS = ['reception_officer', 'specialist', 'approver', 'leader', 'unit_admin'] as const;

/** The request's context (http/context.ts). */
function ctxOf(req: FastifyRequest): FeedbackCtx {
  return requestContext(req);
}

function staffCtx(req: FastifyRequest) {
  const actor = requireActor(req);
  if (actor.kind !== 'staff' || !actor.agencyId) throw new AppError('FORBIDDEN');
  return { ...ctxOf(req), actor: actor as typeof actor & { agencyId: string } };
}

export const feedbackRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const db = () => api.deps.db.kysely;
  const tags = ['feedback'];
  const one = async (req: FastifyRequest, id: string) => {
    const row = await findItem(db(), id);
    if (!row) throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
    return presentItem(row, requestNow(req), null);
  };

  api.post(
    '/feedback',
    {
      schema: {
        tags,
        summary:
          'File a question or complaint (no login for questions); 5 working days to answer by the calendar',
        body: ZFeedbackCreate,
        response: { 201: ZFeedbackCreated, 409: ZErrorResponse, 422: ZErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const created = await db()
        .transaction()
        .execute((trx) => fileFeedback(trx, ctx, req.body));
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/office/feedback',
    {
      preValidation: requireLogin,
      preHandler: requireRole(...HANDLERS),
      schema: {
        tags,
        summary: 'Feedback held by my agency: overdue and due soon first',
        querystring: ZFeedbackListQuery,
        response: { 200: ZFeedbackList, ...errors },
      },
    },
    async (req) => {
      const ctx = staffCtx(req);
      return { items: await officeList(db(), ctx.actor.agencyId, ctx.now, req.query.status ?? 'open') };
    },
  );

  api.post(
    '/office/feedback/:id/classify',
    {
      preValidation: requireLogin,
      preHandler: requireRole(...HANDLERS),
      schema: {
        tags,
        summary: 'Classify: not accepted (reason), staff conduct, within or outside competence (forwarded)',
        params: IdParams,
        body: ZFeedbackClassify,
        response: { 200: ZFeedbackItem, 409: ZErrorResponse, ...errors },
      },
    },
    async (req) => {
      const ctx = staffCtx(req);
      await db()
        .transaction()
        .execute((trx) => classifyFeedback(trx, ctx, req.params.id, req.body));
      return one(req, req.params.id);
    },
  );

  api.post(
    '/office/feedback/:id/answer',
    {
      preValidation: requireLogin,
      preHandler: requireRole(...HANDLERS),
      schema: {
        tags,
        summary: 'Answer in writing: e-mailed to the sender, published without personal data if they agreed',
        params: IdParams,
        body: ZFeedbackAnswer,
        response: { 200: ZFeedbackItem, 409: ZErrorResponse, ...errors },
      },
    },
    async (req) => {
      const ctx = staffCtx(req);
      await db()
        .transaction()
        .execute((trx) => answerFeedback(trx, ctx, req.params.id, req.body));
      return one(req, req.params.id);
    },
  );

  api.get(
    '/office/feedback/:id/forwarding-slip.pdf',
    {
      preValidation: requireLogin,
      preHandler: requireRole(...HANDLERS),
      schema: {
        tags,
        summary: 'The forwarding slip of forwarded feedback (ND 20/2008 art. 9), PDF',
        params: IdParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const ctx = staffCtx(req);
      const row = await findItem(db(), req.params.id);
      const mine = row && [row.agency_id, row.forwarded_from].includes(ctx.actor.agencyId);
      if (!row || !mine || !row.forwarded_from || !row.forwarded_at)
        throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
      const from = row.forwarded_from;
      const issuer = await db()
        .transaction()
        .execute((trx) => issuerOf(trx, from));
      const body = await renderForwardingSlip({
        issuer,
        reference: row.reference,
        forwardedAt: row.forwarded_at,
        receivedAt: row.received_at,
        to: row.agency_name,
        sender: row.contact_name,
        kind: row.kind,
        content: row.content,
        reason: row.classification_reason,
        answerDueAt: row.answer_due_at,
      });
      return sendStoredFile(reply, {
        body,
        mediaType: 'application/pdf',
        name: `phieu-chuyen_${row.reference}.pdf`,
      });
    },
  );

  api.post(
    '/office/feedback/:id/faq',
    {
      preValidation: requireLogin,
      preHandler: requireRole('catalogue_editor', 'leader'),
      schema: {
        tags,
        summary: 'Curate a published answer as a frequently asked question',
        params: IdParams,
        body: ZFeedbackFaq,
        response: { 200: ZFeedbackItem, ...errors },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await db()
        .transaction()
        .execute((trx) => setFaq(trx, ctx.audit, req.params.id, req.body.faq));
      return one(req, req.params.id);
    },
  );

  api.get(
    '/dossiers/:id/feedback',
    {
      preValidation: requireLogin,
      schema: {
        tags,
        summary: "Feedback about a dossier (its staff timeline); its own clock, the dossier's runs on",
        params: IdParams,
        response: { 200: ZFeedbackList, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
      authorize(actor, 'view', await findDossier(db(), req.params.id));
      return { items: await feedbackForDossier(db(), req.params.id, requestNow(req)) };
    },
  );

  api.get(
    '/qa',
    {
      schema: {
        tags,
        summary:
          'Public Q&A: published answers, Vietnamese-aware search, by field and agency, most helpful first',
        querystring: ZQaQuery,
        response: { 200: ZQaList, 400: ZErrorResponse },
      },
    },
    async (req) => searchQa(db(), req.query),
  );

  api.post(
    '/qa/:id/vote',
    {
      schema: {
        tags,
        summary: 'Mark a published answer helpful or not (one mark per reader)',
        params: IdParams,
        body: ZQaVote,
        response: { 200: z.object({ helpful: z.number().int(), notHelpful: z.number().int() }), ...errors },
      },
    },
    async (req) => {
      const now = requestNow(req);
      return db()
        .transaction()
        .execute((trx) => voteHelpful(trx, req.params.id, req.body.voter, req.body.helpful, now));
    },
  );
};
