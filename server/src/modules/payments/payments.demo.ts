import { vnInstant } from '@motcua/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppDeps } from '../../http/context';
import type { Actor } from '../../http/auth';
import { findUserByLogin } from '../accounts';
import { findDossier, findStaffFacts, type IntakeCtx } from '../dossiers';
import { applyGatewayCallback, ensureCharge, openOnlinePayment, recordPayment } from './payments.service';

type Trx = Transaction<Database>;
const at = vnInstant;

async function actorOf(trx: Trx, login: { email: string } | { username: string }): Promise<Actor | null> {
  const u = await findUserByLogin(trx, login);
  if (!u) return null;
  const facts = u.kind === 'staff' ? await findStaffFacts(trx, u.id) : null;
  return {
    userId: u.id,
    kind: u.kind,
    name: u.full_name,
    roles: facts?.roles ?? [],
    agencyId: u.agency_id,
    organisationIds: [],
    mustChangePassword: false,
    sessionId: null,
  };
}

/**
 * Paid demo dossiers (issue 15), through the real services at fixed past times: the building permit accepted online
 * at the SXD desk is paid at the counter (receipt issued), and the returned permit renewal was paid online through the
 * gateway (its signed callback applied as the gateway would send it). Runs once, after the dossiers demo.
 */
export async function loadDemoPayments(deps: AppDeps): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (await trx.selectFrom('payments').select('id').limit(1).executeTakeFirst()) return; // re-runnable
    const desk = await actorOf(trx, { email: 'dothihoa@anhoa.gov.vn' });
    const an = await actorOf(trx, { email: 'an.nguyen@example.vn' });
    if (!desk || !an) return;
    const ctx = (actor: Actor, now: Date): IntakeCtx => ({
      actor,
      audit: { type: actor.kind === 'staff' ? 'staff' : 'user', id: actor.userId, name: actor.name, at: now },
      now,
      config: deps.config,
      locale: 'vi',
    });
    const sxd = desk.agencyId!;
    const dossiers = await trx
      .selectFrom('dossiers')
      .select(['id', 'status', 'code', 'submitted_at'])
      .where('receiving_agency_id', '=', sxd)
      .where('applicant_user_id', '=', an.userId)
      .orderBy('submitted_at')
      .execute();
    const accepted = dossiers.find((d) => d.code?.endsWith('-261116-0001'));
    if (accepted) {
      const paidAt = at('2026-11-16T09:40:00');
      const d = (await findDossier(trx, accepted.id))!;
      await recordPayment(trx, ctx(desk, paidAt), d.id, {
        channel: 'desk',
        amount: await feeOf(trx, d.id, paidAt),
      });
    }
    const returned = dossiers.find((d) => d.status === 'returned');
    if (returned) {
      const paidAt = new Date(returned.submitted_at.getTime() + 5 * 60_000);
      const order = await openOnlinePayment(trx, ctx(an, paidAt), returned.id);
      await applyGatewayCallback(
        trx,
        deps.config,
        { type: 'system', name: 'payment-gateway', at: paidAt },
        {
          merchantId: deps.config.paymentGateway.merchantId,
          orderRef: order.orderRef,
          transactionId: `DEMO${order.orderRef.slice(-8)}`,
          amount: order.amount,
          status: 'success',
          timestamp: Math.floor(paidAt.getTime() / 1000),
          signature: '0'.repeat(64),
        },
        paidAt,
      );
    }
  });
}

async function feeOf(trx: Trx, dossierId: string, now: Date): Promise<number> {
  const charge = await ensureCharge(trx, (await findDossier(trx, dossierId))!, now);
  return charge?.amount ?? 0;
}
