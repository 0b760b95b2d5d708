import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { ZDeclareOutageRequest, ZErrorResponse, ZOutage, ZOutageList, type TOutage } from '@motcua/contracts';
import { requireActor, requireRole } from '../../http/auth';
import { requestContext, requestNow } from '../../http/context';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit';
import { findAgency } from '../organisation';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 422: ZErrorResponse };
const TAGS = ['operations'];

type Row = {
  id: string;
  agency_id: string | null;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  declared_by_name: string | null;
  declared_at: Date;
  n: number;
};
const present = (r: Row): TOutage => ({
  id: r.id,
  agencyId: r.agency_id,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  reason: r.reason,
  declaredBy: r.declared_by_name,
  declaredAt: r.declared_at.toISOString(),
  backEntries: Number(r.n),
});

/**
 * | POST | /api/admin/outages | system_admin (any agency or all), unit_admin (own agency) | → 201 ZOutage |
 * | GET  | /api/outages       | reception_officer, unit_admin, system_admin, leader       | → ZOutageList  |
 */
export const outageRoutes: FastifyPluginAsync = async (root) => {
  const api = root.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/admin/outages',
    {
      preValidation: requireRole('system_admin', 'unit_admin'),
      schema: {
        tags: TAGS,
        summary:
          'Declare an outage window (regulation 004 art. 7.3), so paper dossiers of it can be back-entered',
        body: ZDeclareOutageRequest,
        response: { 201: ZOutage, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = requestNow(req);
      const b = req.body;
      const startsAt = new Date(b.startsAt);
      const endsAt = new Date(b.endsAt);
      const bad = (vi: string, en: string) => new AppError('BAD_REQUEST', { details: { vi, en } });
      if (endsAt <= startsAt)
        throw bad('thời điểm kết thúc phải sau thời điểm bắt đầu', 'the end must be after the start');
      if (endsAt > now)
        throw bad('chỉ khai báo sự cố đã kết thúc', 'only an outage that has ended can be declared');
      const system = actor.roles.includes('system_admin');
      if (!system && (b.agencyId === null || b.agencyId !== actor.agencyId)) throw new AppError('FORBIDDEN');
      const row = await api.deps.db.kysely.transaction().execute(async (trx) => {
        if (b.agencyId) {
          const known = await findAgency(trx, b.agencyId);
          if (!known) throw bad('không có cơ quan này', 'no such agency');
        }
        const inserted = await trx
          .insertInto('outage_windows')
          .values({
            agency_id: b.agencyId ?? null,
            starts_at: startsAt,
            ends_at: endsAt,
            reason: b.reason,
            declared_by: actor.userId,
            declared_by_name: actor.name,
            declared_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, requestContext(req).audit, {
          action: 'outage.declare',
          target: { type: 'outage', id: inserted.id },
          details: { agencyId: b.agencyId, startsAt: b.startsAt, endsAt: b.endsAt },
        });
        return inserted;
      });
      return reply.status(201).send(present({ ...row, n: 0 }));
    },
  );
  api.get(
    '/outages',
    {
      preValidation: requireRole('reception_officer', 'unit_admin', 'system_admin', 'leader'),
      schema: {
        tags: TAGS,
        summary: 'Declared outage windows, newest first',
        response: { 200: ZOutageList, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const all = actor.roles.includes('system_admin');
      const { rows } = await sql<Row>`
        SELECT o.*, (SELECT count(*)::int FROM back_entries b WHERE b.outage_id = o.id) AS n
        FROM outage_windows o
        WHERE ${all} OR o.agency_id IS NULL OR o.agency_id = ${actor.agencyId}
        ORDER BY o.starts_at DESC LIMIT 200`.execute(api.deps.db.kysely);
      return { items: rows.map(present) };
    },
  );
};
