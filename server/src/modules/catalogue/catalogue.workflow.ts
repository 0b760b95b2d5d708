import type { Transaction } from 'kysely';
import type { Kdb } from '../../db/client';
import {
  ZWorkflow,
  type TInteragencyPlan,
  type TProcessingTime,
  type TWorkflow,
  type TWorkflowInput,
  type TWorkflowResponse,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { checkInteragencyPlan } from './interagency-plan';
import { checkWorkflow, defaultWorkflow } from './workflow';

/** The workflow of a stored version: its own, or the default for its processing time. */
export function workflowOf(
  stored: TWorkflow | null,
  time: TProcessingTime,
): { workflow: TWorkflow; isDefault: boolean } {
  return stored
    ? { workflow: stored, isDefault: false }
    : { workflow: defaultWorkflow(time), isDefault: true };
}

/** The workflow of one version by id (dossiers pin the version they were submitted under). */
export async function getVersionWorkflow(q: Kdb, versionId: string): Promise<TWorkflow | null> {
  const v = await q
    .selectFrom('procedure_versions')
    .select(['workflow', 'processing_time'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  return v ? workflowOf(v.workflow, v.processing_time).workflow : null;
}

async function editorVersion(q: Kdb, code: string, draftOnly: boolean) {
  const rows = await q
    .selectFrom('procedure_versions')
    .select(['id', 'status', 'workflow', 'processing_time'])
    .where('procedure_code', '=', code)
    .orderBy('version_no', 'desc')
    .execute();
  const v = rows.find((r) => r.status === 'draft') ?? (draftOnly ? undefined : rows[0]);
  if (!v) {
    throw new AppError('NOT_FOUND', {
      what: draftOnly
        ? { vi: `bản nháp của thủ tục ${code}`, en: `A draft of procedure ${code}` }
        : { vi: 'thủ tục', en: 'Procedure' },
    });
  }
  return v;
}

function present(code: string, v: Awaited<ReturnType<typeof editorVersion>>): TWorkflowResponse {
  return {
    procedureCode: code,
    versionId: v.id,
    versionStatus: v.status,
    ...workflowOf(v.workflow, v.processing_time),
  };
}

/**
 * The inter-agency plan against the version (issue 14): its budgets fit the processing time, the lead (an
 * implementing agency) is not a partner, and every partner is one of the version's inter-agency agencies.
 */
async function planProblems(q: Kdb, versionId: string, plan: TInteragencyPlan, time: TProcessingTime) {
  const agencies = await q
    .selectFrom('procedure_version_agencies')
    .select(['agency_id', 'role'])
    .where('version_id', '=', versionId)
    .execute();
  const leads = agencies.filter((a) => a.role === 'implementing').map((a) => a.agency_id);
  const partners = new Set(agencies.filter((a) => a.role === 'inter_agency').map((a) => a.agency_id));
  const problems = checkInteragencyPlan(plan, time, leads);
  for (const p of plan.partners) {
    if (!partners.has(p.agencyId) && !leads.includes(p.agencyId)) {
      problems.push(`partner ${p.agencyId} is not an inter-agency agency of the procedure`);
    }
  }
  return problems;
}

/** The editor's view: the open draft's workflow, else the latest version's. */
export async function getEditorWorkflow(q: Kdb, code: string): Promise<TWorkflowResponse> {
  return present(code, await editorVersion(q, code, false));
}

/**
 * Replaces the open draft's workflow (published versions never change: running dossiers keep theirs). 422
 * WORKFLOW_INVALID, nothing written, when it does not pass the publish checks against the draft's processing time.
 */
export async function replaceDraftWorkflow(
  trx: Transaction<Database>,
  actor: AuditActor,
  code: string,
  raw: TWorkflowInput,
): Promise<TWorkflowResponse> {
  const workflow = ZWorkflow.parse(raw);
  const v = await editorVersion(trx, code, true);
  const problems = checkWorkflow(workflow, v.processing_time);
  if (workflow.interagency)
    problems.push(...(await planProblems(trx, v.id, workflow.interagency, v.processing_time)));
  if (problems.length > 0)
    throw new AppError('WORKFLOW_INVALID', { details: problems.join('; ') }, { problems });
  await trx
    .updateTable('procedure_versions')
    .set({ workflow: JSON.stringify(workflow) })
    .where('id', '=', v.id)
    .execute();
  await appendAudit(trx, actor, {
    action: 'procedure.workflow',
    target: { type: 'procedure', id: code },
    details: { versionId: v.id, steps: workflow.steps.map((s) => s.key) },
  });
  return present(code, { ...v, workflow });
}

/** The workflow a new draft carries over from the version it replaces, when it still fits the processing time. */
export function carriedWorkflow(prior: TWorkflow | null | undefined, time: TProcessingTime): string | null {
  if (!prior || checkWorkflow(prior, time).length > 0) return null;
  return JSON.stringify(prior);
}
