// The simulator's inter-agency plan (issue 14): for a procedure whose workflow names partners, each partner's due
// time on its full budget in its own calendar — all from the receipt for an electronic dossier, one after another
// for paper — and the consolidated due time (the dossier's one appointment). The pure timing is planInteragency.
import type { Transaction } from 'kysely';
import type { TSimulateResponse, TWorkflow } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Calendar } from '../calendar';
import { instant } from './dossiers.presenter';
import { interagencyMode, planInteragency } from './interagency-rules';
import { calendarForAgency } from './ports';

export async function simulateInteragency(
  trx: Transaction<Database>,
  workflow: TWorkflow,
  leadAgencyId: string,
  channel: 'online' | 'paper',
  receivedAt: Date,
  consolidatedDueAt: string | null,
): Promise<TSimulateResponse['interagency']> {
  const plan = workflow.interagency;
  if (!plan) return undefined;
  const ids = [leadAgencyId, ...plan.partners.map((p) => p.agencyId)];
  const agencies = await trx.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  const name = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  const cals = new Map<string, Calendar>();
  for (const p of plan.partners) cals.set(p.agencyId, await calendarForAgency(trx, p.agencyId));
  const mode = interagencyMode(channel === 'online' ? 'online' : 'counter');
  const parts = planInteragency((id) => cals.get(id)!, plan.partners, mode, receivedAt);
  return {
    mode,
    lead: name(leadAgencyId),
    agencies: parts.map((p, i) => ({
      agencyId: p.agencyId,
      agency: name(p.agencyId),
      task: plan.partners[i]!.task,
      workingDays: plan.partners[i]!.workingDays,
      startAt: instant(p.openedAt),
      dueAt: instant(p.dueAt),
    })),
    consolidatedDueAt,
  };
}
