import type { AppDeps } from '../../http/context';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit';
import * as repo from './accounts.repo';
import { can } from './accounts.policy';
import { auditActorFor, parseLogin, type Ctx } from './accounts.service';

const notFound = () => new AppError('NOT_FOUND', { what: { vi: 'tổ chức', en: 'Organisation' } });

/** Members of an organisation the actor belongs to; to anyone else it does not exist. */
export async function listMembers(deps: AppDeps, actor: Actor, organisationId: string) {
  const m = await repo.findMembership(deps.db.kysely, organisationId, actor.userId);
  if (
    !can(actor, 'organisation.read', {
      type: 'organisation',
      id: organisationId,
      memberRole: m?.role ?? null,
    })
  )
    throw notFound();
  return repo.findMembers(deps.db.kysely, organisationId);
}

/** The owner lets another registered citizen act for the organisation. */
export async function addMember(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  login: string,
  ctx: Ctx,
) {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const m = await repo.findMembership(trx, organisationId, actor.userId);
    const resource = { type: 'organisation' as const, id: organisationId, memberRole: m?.role ?? null };
    if (!can(actor, 'organisation.read', resource)) throw notFound();
    if (!can(actor, 'organisation.manageMembers', resource)) throw new AppError('FORBIDDEN');
    const person = await repo.findUserByLogin(trx, parseLogin(login));
    if (!person || person.kind !== 'citizen' || person.status !== 'active')
      throw new AppError('NOT_FOUND', { what: { vi: 'tài khoản cá nhân', en: 'Individual account' } });
    await repo.insertMember(trx, organisationId, person.id, 'member');
    await appendAudit(
      trx,
      auditActorFor(ctx.audit, { id: actor.userId, kind: actor.kind, name: actor.name }),
      {
        action: 'organisation.member_added',
        target: { type: 'organisation', id: organisationId },
        details: { userId: person.id },
      },
    );
  });
}

export async function removeMember(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  userId: string,
  ctx: Ctx,
) {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const m = await repo.findMembership(trx, organisationId, actor.userId);
    const resource = { type: 'organisation' as const, id: organisationId, memberRole: m?.role ?? null };
    if (!can(actor, 'organisation.read', resource)) throw notFound();
    // Members may leave on their own; only the owner removes others. The owner stays.
    if (userId !== actor.userId && !can(actor, 'organisation.manageMembers', resource))
      throw new AppError('FORBIDDEN');
    if (userId === actor.userId && m?.role === 'owner')
      throw new AppError('BAD_REQUEST', {
        details: 'người đại diện chính không thể rời tổ chức / the owner cannot leave',
      });
    if (!(await repo.deleteMember(trx, organisationId, userId)))
      throw new AppError('NOT_FOUND', { what: { vi: 'thành viên', en: 'Member' } });
    await appendAudit(
      trx,
      auditActorFor(ctx.audit, { id: actor.userId, kind: actor.kind, name: actor.name }),
      {
        action: 'organisation.member_removed',
        target: { type: 'organisation', id: organisationId },
        details: { userId },
      },
    );
  });
}
