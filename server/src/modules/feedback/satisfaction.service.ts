/**
 * Satisfaction evaluation (issue 16, TT 01/2018): one rating per returned dossier, opened by a signed link (the
 * result e-mail, or the desk's tablet) without logging in. The indicators the system knows come from the dossier's
 * record; the others are asked. Ratings roll up per official, desk, agency, field and monthly period; a closed period
 * is frozen: a rating arriving later goes to the next open period.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  ASKED_INDICATORS,
  type TRatingForm,
  type TRatingSubmit,
  type TSatisfactionPeriods,
  type TSatisfactionRow,
} from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { knownIndicators, periodOf, ratingPeriod, totalScore } from './feedback-rules';
import type { IndicatorScores } from './feedback.tables';
import { ratingToken, verifyRatingToken } from './rating-token';
import type { Kdb } from '../../db/client';
import { interagencyPartsOf } from '../dossiers';

type Trx = Transaction<Database>;
const NOT_RETURNED = { vi: 'hồ sơ chưa trả kết quả', en: 'the result has not been returned yet' };
const ALREADY = { vi: 'hồ sơ đã được đánh giá', en: 'the dossier has already been rated' };

async function dossierFacts(q: Kdb, dossierId: string) {
  const d = await q
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.authority_agency_id')
    .leftJoin('procedures as p', 'p.code', 'd.procedure_code')
    .select([
      'd.id',
      'd.code',
      'd.status',
      'd.procedure_name',
      'd.authority_agency_id',
      'd.receiving_agency_id',
      'd.channel',
      'd.result_channel',
      'd.appointment_at',
      'a.name as agency_name',
      'p.field',
    ])
    .where('d.id', '=', dossierId)
    .executeTakeFirst();
  if (!d) return null;
  const events = await q
    .selectFrom('dossier_events')
    .select(['type', 'at', 'actor_id', 'actor_type'])
    .where('dossier_id', '=', dossierId)
    .where('type', 'in', ['received', 'registered', 'supplement_requested', 'result_issued'])
    .orderBy('seq')
    .execute();
  const known = knownIndicators({
    resultAt: events.findLast((e) => e.type === 'result_issued')?.at ?? null,
    appointmentAt: d.appointment_at,
    supplements: events.filter((e) => e.type === 'supplement_requested').length,
    submittedOnline: d.channel === 'online',
    resultOnline: d.result_channel === 'online' || d.result_channel === 'post',
    agencyParts: (await interagencyPartsOf(q, dossierId)).map((t) => ({
      agencyId: t.agency_id,
      dueAt: t.due_at,
      doneAt: t.done_at,
    })),
  });
  const receiver = events.find(
    (e) => (e.type === 'received' || e.type === 'registered') && e.actor_type === 'staff',
  );
  return { ...d, known, officialId: receiver?.actor_id ?? null };
}

async function fromToken(q: Kdb, secret: string, token: string) {
  const id = verifyRatingToken(secret, token);
  const d = id ? await dossierFacts(q, id) : null;
  if (!d?.code) throw new AppError('RATING_LINK_INVALID');
  return d as typeof d & { code: string };
}

/** What the rating page shows: the dossier, the indicators filled from its record, the ones asked. */
export async function ratingForm(
  q: Kdb,
  config: Pick<Config, 'feedback'>,
  token: string,
): Promise<TRatingForm> {
  const d = await fromToken(q, config.feedback.ratingSecret, token);
  if (d.status !== 'returned') throw new AppError('RATING_NOT_ALLOWED', { reason: NOT_RETURNED });
  const rated = await q
    .selectFrom('satisfaction_ratings')
    .select('id')
    .where('dossier_id', '=', d.id)
    .executeTakeFirst();
  return {
    dossierCode: d.code,
    procedureName: d.procedure_name,
    agencyName: d.agency_name,
    known: Object.entries(d.known).map(([key, score]) => ({ key: key as keyof typeof d.known, score })),
    asked: [...ASKED_INDICATORS],
    rated: Boolean(rated),
  };
}

/** Records the rating once per dossier, in the period open now (a closed period never changes). */
export async function submitRating(
  trx: Trx,
  config: Pick<Config, 'feedback'>,
  audit: AuditActor,
  now: Date,
  input: TRatingSubmit & { channel?: 'link' | 'desk' },
) {
  const d = await fromToken(trx, config.feedback.ratingSecret, input.token);
  if (d.status !== 'returned') throw new AppError('RATING_NOT_ALLOWED', { reason: NOT_RETURNED });
  const closed = await trx.selectFrom('satisfaction_periods').select('period').forUpdate().execute();
  const period = ratingPeriod(now, new Set(closed.map((c) => c.period)));
  const indicators: IndicatorScores = {};
  for (const [k, v] of Object.entries(d.known)) indicators[k] = { score: v, known: true };
  for (const [k, v] of Object.entries(input.indicators)) indicators[k] = { score: v, known: false };
  const { score, max } = totalScore(
    Object.fromEntries(Object.entries(indicators).map(([k, v]) => [k, v.score])),
  );
  const row = await trx
    .insertInto('satisfaction_ratings')
    .values({
      dossier_id: d.id,
      dossier_code: d.code,
      agency_id: d.authority_agency_id,
      desk_id: d.receiving_agency_id,
      official_id: d.officialId,
      field: d.field,
      period,
      channel: input.channel ?? 'link',
      indicators: JSON.stringify(indicators),
      score,
      max_score: max,
      overall: input.overall,
      comment: input.comment?.trim() || null,
      rated_at: now,
    })
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('RATING_NOT_ALLOWED', { reason: ALREADY });
  await appendAudit(trx, audit, {
    action: 'satisfaction.rate',
    target: { type: 'dossier', id: d.id },
    details: { period, score, overall: input.overall, channel: input.channel ?? 'link' },
  });
  return { period, score, maxScore: max };
}

/** The desk starts a rating on its tablet: a token for a returned dossier its agency received or decided. */
export async function deskRatingLink(q: Kdb, config: Pick<Config, 'feedback'>, actor: Actor, code: string) {
  const row = await q
    .selectFrom('dossiers')
    .select(['id', 'status', 'receiving_agency_id', 'authority_agency_id', 'result_agency_id'])
    .where('code', '=', code)
    .executeTakeFirst();
  const mine =
    row &&
    actor.agencyId &&
    [row.receiving_agency_id, row.authority_agency_id, row.result_agency_id].includes(actor.agencyId);
  if (!mine) throw new AppError('NOT_FOUND', { what: { vi: `hồ sơ mã ${code}`, en: `Dossier ${code}` } });
  if (row.status !== 'returned') throw new AppError('RATING_NOT_ALLOWED', { reason: NOT_RETURNED });
  const token = ratingToken(config.feedback.ratingSecret, row.id);
  return { token, path: `/danh-gia?token=${encodeURIComponent(token)}&tai-quay=1` };
}

export type RollupBy = 'agency' | 'desk' | 'official' | 'field';
const KEY: Record<RollupBy, string> = {
  agency: 'r.agency_id',
  desk: 'r.desk_id',
  official: 'r.official_id',
  field: 'r.field',
};

/** Roll-up of one period by one dimension; `scope` limits it (staff: their own; leaders: their agency). */
export async function satisfactionRollup(
  db: Kysely<Database>,
  period: string,
  by: RollupBy,
  scope: { officialId?: string; agencyId?: string } = {},
): Promise<TSatisfactionRow[]> {
  const key = sql.raw(KEY[by]);
  const name =
    by === 'field'
      ? sql<string>`coalesce(r.field, '')`
      : by === 'official'
        ? sql<string>`coalesce((SELECT full_name FROM users u WHERE u.id = r.official_id), '')`
        : sql<string>`(SELECT name FROM agencies a WHERE a.id = ${key})`;
  const res = await sql<{
    key: string | null;
    name: string | null;
    ratings: string;
    score: string;
    max_score: string;
    very: string;
    sat: string;
    not_sat: string;
  }>`
    SELECT ${key}::text AS key, min(${name}) AS name, count(*) AS ratings, sum(r.score) AS score,
           sum(r.max_score) AS max_score,
           count(*) FILTER (WHERE r.overall = 'very_satisfied') AS very,
           count(*) FILTER (WHERE r.overall = 'satisfied') AS sat,
           count(*) FILTER (WHERE r.overall = 'not_satisfied') AS not_sat
      FROM satisfaction_ratings r
     WHERE r.period = ${period}
       ${scope.officialId ? sql`AND r.official_id = ${scope.officialId}` : sql``}
       ${scope.agencyId ? sql`AND (r.agency_id = ${scope.agencyId} OR r.desk_id = ${scope.agencyId})` : sql``}
     GROUP BY ${key}
     ORDER BY 2`.execute(db);
  return res.rows.map((r) => {
    const score = Number(r.score);
    const max = Number(r.max_score);
    return {
      key: r.key ?? '',
      name: r.name ?? '',
      ratings: Number(r.ratings),
      score,
      maxScore: max,
      percent: max ? Math.round((score / max) * 1000) / 10 : 0,
      verySatisfied: Number(r.very),
      satisfied: Number(r.sat),
      notSatisfied: Number(r.not_sat),
    };
  });
}

/** For the reports module: rating counts per agency and period. */
export async function satisfactionCounts(
  q: Kdb,
  opts: { period?: string; agencyId?: string; periods?: string[]; agencyIds?: string[] } = {},
) {
  let qb = q
    .selectFrom('satisfaction_ratings')
    .select((eb) => [
      'agency_id as agencyId',
      'period',
      eb.fn.countAll<string>().as('ratings'),
      eb.fn.countAll<string>().filterWhere('overall', '=', 'very_satisfied').as('verySatisfied'),
      eb.fn.countAll<string>().filterWhere('overall', '=', 'satisfied').as('satisfied'),
      eb.fn.countAll<string>().filterWhere('overall', '=', 'not_satisfied').as('notSatisfied'),
      eb.fn.sum<string>('score').as('score'),
      eb.fn.sum<string>('max_score').as('maxScore'),
    ])
    .groupBy(['agency_id', 'period'])
    .orderBy('period')
    .orderBy('agency_id');
  if (opts.period) qb = qb.where('period', '=', opts.period);
  if (opts.agencyId) qb = qb.where('agency_id', '=', opts.agencyId);
  if (opts.periods)
    qb = opts.periods.length ? qb.where('period', 'in', opts.periods) : qb.where(sql<boolean>`false`);
  if (opts.agencyIds)
    qb = opts.agencyIds.length ? qb.where('agency_id', 'in', opts.agencyIds) : qb.where(sql<boolean>`false`);
  const rows = await qb.execute();
  return rows.map((r) => ({
    agencyId: r.agencyId,
    period: r.period,
    ratings: Number(r.ratings),
    verySatisfied: Number(r.verySatisfied),
    satisfied: Number(r.satisfied),
    notSatisfied: Number(r.notSatisfied),
    score: Number(r.score),
    maxScore: Number(r.maxScore),
  }));
}

export async function listPeriods(db: Kysely<Database>, now: Date): Promise<TSatisfactionPeriods['items']> {
  const [closed, counted] = await Promise.all([
    db.selectFrom('satisfaction_periods').selectAll().execute(),
    db
      .selectFrom('satisfaction_ratings')
      .select((eb) => ['period', eb.fn.countAll<string>().as('n')])
      .groupBy('period')
      .execute(),
  ]);
  const periods = new Set([periodOf(now), ...closed.map((c) => c.period), ...counted.map((c) => c.period)]);
  return [...periods]
    .sort()
    .reverse()
    .map((p) => ({
      period: p,
      closedAt: closed.find((c) => c.period === p)?.closed_at.toISOString() ?? null,
      ratings: Number(counted.find((c) => c.period === p)?.n ?? 0),
    }));
}

/** Closes (freezes) a period; periods that have not started cannot be closed. */
export async function closePeriod(trx: Trx, audit: AuditActor, period: string, now: Date) {
  if (period > periodOf(now))
    throw new AppError('VALIDATION_FAILED', {
      details: { vi: 'kỳ đánh giá chưa bắt đầu', en: 'the period has not started' },
    });
  const done = await trx
    .insertInto('satisfaction_periods')
    .values({ period, closed_at: now, closed_by: audit.name ?? audit.id ?? 'staff' })
    .onConflict((oc) => oc.column('period').doNothing())
    .returning('period')
    .executeTakeFirst();
  if (!done)
    throw new AppError('DUPLICATE', { what: { vi: `Kỳ ${period} đã khóa`, en: `Period ${period} closed` } });
  await appendAudit(trx, audit, {
    action: 'satisfaction.close_period',
    target: { type: 'period', id: period },
  });
}
