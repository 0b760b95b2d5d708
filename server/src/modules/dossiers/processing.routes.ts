/**
 * Processing routes (issue 12): office actions on a received dossier, each an event through the one action pipeline.
 * Schemas: `contracts/src/processing.ts`. Every action answers the dossier (ZDossierDetail, with `processing`: the
 * pinned steps and the current step with its due time). Errors: `{code, message}` in Vietnamese or English.
 *
 * | method | path                                              | who (besides the role, the step decides)          | request → response                          |
 * |--------|---------------------------------------------------|---------------------------------------------------|---------------------------------------------|
 * | POST   | /api/processing/dossiers/{id}/assign              | approver of the responsible department            | ZAssignRequest → ZDossierDetail             |
 * | POST   | /api/processing/dossiers/{id}/appraise            | the assigned specialist (appraisal step)          | ZAppraiseRequest → ZDossierDetail           |
 * | POST   | /api/processing/dossiers/{id}/request-supplement  | the assigned specialist, ≤ 3 working days         | ZProcessingSupplementRequest → ZDossierDetail |
 * | POST   | /api/processing/dossiers/{id}/forward             | holder of the appraisal / approval step           | ZForwardRequest → ZDossierDetail            |
 * | POST   | /api/processing/dossiers/{id}/extend              | holder of the appraisal / approval step (once)    | ZExtendRequest → ZDossierDetail             |
 * | POST   | /api/processing/dossiers/{id}/result              | the desk (result step; return step if immediate)  | ZResultRequest → ZDossierDetail             |
 * | POST   | /api/processing/dossiers/{id}/return              | the desk (return step)                            | ZReturnResultRequest → ZDossierDetail       |
 * | POST   | /api/processing/dossiers/{id}/step-back           | holder of the appraisal / approval step           | ZStepBackRequest → ZDossierDetail           |
 * | POST   | /api/processing/dossiers/{id}/stop                | the receiving desk records the applicant's request | ZStopRequest → ZDossierDetail              |
 * | POST   | /api/dossiers/{id}/stop                           | the applicant ("Hồ sơ của tôi")                   | ZStopRequest → ZDossierDetail               |
 * | POST   | /api/dossiers/{id}/collect                        | the applicant, online result only (download)      | ZCollectRequest → ZDossierDetail            |
 * | POST   | /api/reception/dossiers/{id}/supplement           | reception_officer: a counter/postal supplement    | ZDeskSupplementRequest → ZDossierDetail     |
 * | POST   | /api/reception/dossiers/{id}/transfer             | reception_officer: to the competent desk (Đ12.3)  | ZTransferRequest → ZDossierDetail           |
 * | POST   | /api/processing/dossiers/{id}/result-corrections  | approver / leader of the agency with authority    | ZCorrectResultRequest → ZDossierDetail      |
 * | GET    | /api/processing/uncollected                       | reception_officer (own agency's desk)             | → ZUncollectedList (002 Đ6.5.b)             |
 *
 * The applicant answers a supplement during processing with POST /api/dossiers/{id}/supplement (dossiers.routes.ts):
 * the processing time restarts from zero. 409 CONFLICT on a stale expectedVersion; 409 DOSSIER_STATE when the
 * current step does not allow the action; 403 NOT_ASSIGNED for someone who does not hold the step (or is not its
 * handler); 422 DEADLINE_RULE for a late supplement request, a second one without `new_defect_in_supplement`, or a
 * second extension; 404 for a dossier outside the actor's agency.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAppraiseRequest,
  ZAssignRequest,
  ZDossierDetail,
  ZErrorResponse,
  ZExtendRequest,
  ZForwardRequest,
  ZProcessingSupplementRequest,
  ZResultRequest,
  ZReturnResultRequest,
  ZStepBackRequest,
  ZStopRequest,
  ZCollectRequest,
  ZDeskSupplementRequest,
  ZTransferRequest,
  ZUncollectedList,
  ZCorrectResultRequest,
} from '@motcua/contracts';
import { requireActor, requireLogin, requireRole } from '../../http/auth';
import type { Database } from '../../db/schema';
import type { IntakeCtx } from './dossier-context';
import { dossierDetail } from './dossier-read.service';
import { ctxOf } from './dossiers.routes';
import {
  appraiseDossier,
  assignHandler,
  extendDeadline,
  forwardDossier,
  issueResult,
  requestProcessingSupplement,
  returnResult,
} from './processing.service';
import {
  collectOnline,
  deskSupplement,
  stepBack,
  stopDossier,
  transferDossier,
} from './processing-flow.service';
import { uncollectedAt } from './processing.repo';
import { correctResult } from './signed-result.service';
import { instant } from './dossiers.presenter';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  422: ZErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
type Work = (trx: Transaction<Database>, ctx: IntakeCtx, id: string, body: never) => Promise<unknown>;

export const processingRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  const office = requireRole('approver', 'specialist', 'reception_officer');
  const action = <S extends z.ZodType>(path: string, summary: string, body: S, work: Work, pre = office) =>
    api.post(
      path.startsWith('/') ? path : `/processing/dossiers/:id/${path}`,
      {
        preValidation: requireLogin,
        preHandler: pre,
        schema: {
          tags: ['processing'],
          summary,
          params: IdParams,
          body,
          response: { 200: ZDossierDetail, ...errors },
        },
      },
      async (req: FastifyRequest) => {
        const ctx = ctxOf(req);
        const { id } = req.params as { id: string };
        return api.deps.db.kysely.transaction().execute(async (trx) => {
          await work(trx, ctx, id, req.body as never);
          return dossierDetail(trx, id, ctx.now, ctx.actor.kind === 'staff');
        });
      },
    );
  action('assign', 'Assign or reassign the handler (head of the department)', ZAssignRequest, assignHandler);
  action(
    'appraise',
    'Appraisal opinion and proposal, with a verification record',
    ZAppraiseRequest,
    appraiseDossier,
  );
  action(
    'request-supplement',
    'Supplement during appraisal (≤ 3 working days of receipt; one complete request)',
    ZProcessingSupplementRequest,
    requestProcessingSupplement,
  );
  action(
    'forward',
    'Finish the step (appraisal, approval) and start the next',
    ZForwardRequest,
    forwardDossier,
  );
  action('extend', 'Apology and extension (Mẫu 04), once', ZExtendRequest, extendDeadline);
  action('result', 'The result (granted / refused) to the desk', ZResultRequest, issueResult);
  action('return', 'Return the result at the desk', ZReturnResultRequest, returnResult);
  action(
    'result-corrections',
    'Correct the result: a new signed result supersedes the current one, with the reason (003 Đ15)',
    ZCorrectResultRequest,
    correctResult,
    requireRole('approver', 'leader'),
  );
  action('step-back', 'Back to the previous step, with the reason', ZStepBackRequest, stepBack);
  action('stop', "The desk records the applicant's request to stop (Mẫu 05)", ZStopRequest, stopDossier);
  const anyone = async (req: FastifyRequest) => {
    requireActor(req);
  };
  action(
    '/dossiers/:id/stop',
    'The applicant asks to stop processing (Mẫu 05)',
    ZStopRequest,
    stopDossier,
    anyone,
  );
  action(
    '/dossiers/:id/collect',
    'The applicant downloads an online result',
    ZCollectRequest,
    collectOnline,
    anyone,
  );

  action(
    '/reception/dossiers/:id/supplement',
    'The desk records a counter or postal supplement',
    ZDeskSupplementRequest,
    deskSupplement,
    requireRole('reception_officer'),
  );

  action(
    '/reception/dossiers/:id/transfer',
    "Forward to the competent agency's desk the same day (003 Đ12.3)",
    ZTransferRequest,
    transferDossier,
    requireRole('reception_officer'),
  );

  api.get(
    '/processing/uncollected',
    {
      preValidation: requireLogin,
      preHandler: requireRole('reception_officer'),
      schema: {
        tags: ['processing'],
        summary: 'Results waiting at this desk',
        response: { 200: ZUncollectedList, ...errors },
      },
    },
    async (req) => {
      const rows = await uncollectedAt(api.deps.db.kysely, requireActor(req).agencyId!);
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          procedureName: r.procedure_name,
          applicantName: (r.applicant as { name: string }).name,
          resultChannel: r.result_channel,
          resultReadyAt: instant(r.step_entered_at!),
          appointmentAt: r.appointment_at ? instant(r.appointment_at) : null,
        })),
      };
    },
  );
};
