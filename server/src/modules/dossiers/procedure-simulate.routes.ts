/**
 * POST /api/procedures/{code}/simulate (issue 12, a fixed contract point: contracts/src/simulate.ts). No login: the
 * version in force at `receivedAt` (else now) of a published procedure. `?version=<id>`: any version of the procedure,
 * drafts included — staff with catalogue rights only (403 for other staff, 404 for anonymous callers). The calendar is
 * that of the procedure's (first) agency with authority, as for a live dossier.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZSimulateQuery, ZSimulateRequest, ZSimulateResponse } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { getProcedureVersion, PROCEDURE_WHAT } from '../catalogue';
import { getVersionWorkflow } from '../catalogue';
import type { Calendar } from '../calendar';
import { calendarForAgency, findProcedureInForce } from './ports';
import { checkSimulationSpan, simulateProcessing } from './procedure-simulate';
import { simulateInteragency } from './interagency-simulate';
import type { RuleFacts } from './processing-rules';
import { agencyIdOf } from '../organisation';

/** The rule facts and the lead agency (whose partners an inter-agency plan names). */
type SimFacts = RuleFacts & { leadAgencyId: string };

type Trx = Transaction<Database>;
const notFound = () => new AppError('NOT_FOUND', { what: PROCEDURE_WHAT });

/** A draft or any stored version, for the catalogue's editors. */
async function versionFacts(
  trx: Trx,
  req: FastifyRequest,
  code: string,
  versionId: string,
): Promise<SimFacts> {
  const actor = req.actor;
  if (!actor) throw notFound();
  if (actor.kind !== 'staff' || !actor.roles.some((r) => r === 'catalogue_editor' || r === 'system_admin')) {
    throw new AppError('FORBIDDEN');
  }
  const p = await getProcedureVersion(trx as unknown as Kysely<Database>, versionId);
  const agencyId = p.agencies[0]?.id;
  if (p.code !== code || !agencyId) throw notFound();
  return {
    leadAgencyId: agencyId,
    cal: await calendarForAgency(trx, agencyId),
    time: p.processingTime,
    workflow: (await getVersionWorkflow(trx, versionId))!,
  };
}

/** The published version a dossier received at `receivedAt` would be pinned to (else the one in force now). */
async function liveFacts(trx: Trx, code: string, receivedAt: Date, now: Date): Promise<SimFacts> {
  const p =
    (await findProcedureInForce(trx, code, receivedAt)) ?? (await findProcedureInForce(trx, code, now));
  if (!p) throw notFound();
  return {
    leadAgencyId: p.authorityAgencyIds[0]!,
    cal: await calendarForAgency(trx, p.authorityAgencyIds[0]!),
    time: p.processingTime,
    workflow: p.workflow,
  };
}

/** The calendar of each agency a consultation names (by id or short name); an unknown one is left out (404 later). */
async function consultedCalendars(trx: Trx, events: readonly { agency?: string | undefined }[]) {
  const out = new Map<string, Calendar>();
  for (const name of new Set(events.flatMap((e) => (e.agency ? [e.agency] : [])))) {
    const agencyId = await agencyIdOf(trx, name);
    if (agencyId) out.set(name, await calendarForAgency(trx, agencyId));
  }
  return out;
}

export const simulateRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/procedures/:code/simulate',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'Run a hypothetical dossier through the live processing rules: step due times and the appointment; 422 where live refuses',
        params: z.object({ code: z.string().min(1).max(40) }),
        querystring: ZSimulateQuery,
        body: ZSimulateRequest,
        response: {
          200: ZSimulateResponse,
          400: ZErrorResponse,
          403: ZErrorResponse,
          404: ZErrorResponse,
          422: ZErrorResponse,
        },
      },
    },
    async (req) => {
      const now = requestNow(req);
      const receivedAt = new Date(req.body.receivedAt);
      checkSimulationSpan(receivedAt, now);
      const facts = await api.deps.db.kysely
        .transaction()
        .execute((trx) =>
          req.query.version
            ? versionFacts(trx, req, req.params.code, req.query.version)
            : liveFacts(trx, req.params.code, receivedAt, now),
        );
      const consulted = await api.deps.db.kysely
        .transaction()
        .execute((trx) => consultedCalendars(trx, req.body.events));
      const out = simulateProcessing(facts, receivedAt, req.body.events, consulted);
      if (!facts.workflow.interagency) return out;
      const interagency = await api.deps.db.kysely
        .transaction()
        .execute((trx) =>
          simulateInteragency(
            trx,
            facts.workflow,
            facts.leadAgencyId!,
            req.body.channel,
            receivedAt,
            out.dueAt,
          ),
        );
      return { ...out, interagency };
    },
  );
};
