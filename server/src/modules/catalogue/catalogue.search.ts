/**
 * Public catalogue search: diacritic- and case-insensitive through vn_fold(), typo-tolerant through pg_trgm word
 * similarity, both served by the GIN trigram index on procedures.search_text (see the migration).
 */
import { sql } from 'kysely';
import type { TProcedureSearchQuery, TProcedureSummary } from '@motcua/contracts';

import type { ProcessingTime, ServiceLevel } from './catalogue.tables';
import { agencyIdOf } from '../organisation';
import type { Kdb } from '../../db/client';

function filtered(db: Kdb, query: TProcedureSearchQuery, agencyId: string | null) {
  let qb = db.selectFrom('procedures as p').where('p.status', '=', 'published');
  if (query.field) qb = qb.where('p.field', '=', query.field);
  if (query.level) qb = qb.where(sql<boolean>`${query.level} = ANY(p.levels)`);
  if (query.serviceLevel) qb = qb.where('p.service_level', '=', query.serviceLevel);
  if (agencyId) qb = qb.where(sql<boolean>`p.agency_ids @> ARRAY[${agencyId}]::uuid[]`);
  if (query.q) {
    const q = query.q;
    // Word similarity ≥ pg_trgm.word_similarity_threshold (0.6); an exact substring scores 1, so this one
    // GIN-indexable condition covers both exact and misspelt queries.
    qb = qb.where(sql<boolean>`vn_fold(${q}) <% p.search_text`);
  }
  return qb;
}

/** Agency filter accepts a short name or an id; unknown → no results rather than an error. */
async function agencyFilter(db: Kdb, agency: string | undefined): Promise<string | null | 'none'> {
  if (!agency) return null;
  return (await agencyIdOf(db, agency)) ?? 'none';
}

type SearchResult = { items: TProcedureSummary[]; total: number };

// Public searches repeat a lot and the catalogue changes rarely: results are cached per database handle and reused
// while catalogue_generation (bumped by triggers on every write) is unchanged.
const CACHE_SIZE = 500;
const caches = new WeakMap<object, Map<string, { generation: number; result: SearchResult }>>();

export async function searchProcedures(db: Kdb, query: TProcedureSearchQuery): Promise<SearchResult> {
  const generation =
    (await db.selectFrom('catalogue_generation').select('generation').executeTakeFirst())?.generation ?? 0;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = JSON.stringify([
    query.q,
    query.field,
    query.agency,
    query.level,
    query.serviceLevel,
    query.page,
    query.pageSize,
  ]);
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit.result;
  }
  const result = await runSearch(db, query);
  cache.set(key, { generation, result });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

async function runSearch(db: Kdb, query: TProcedureSearchQuery): Promise<SearchResult> {
  const agencyId = await agencyFilter(db, query.agency);
  if (agencyId === 'none') return { items: [], total: 0 };
  const base = filtered(db, query, agencyId);
  // The count rides on the page's statement (a window over the matches): no second scan of the index.
  let qb = base
    .leftJoin('agencies as a', (j) => j.on(sql<boolean>`a.id = p.agency_ids[1]`))
    .select([
      'p.code',
      'p.name',
      'p.field',
      'p.levels',
      'p.service_level',
      'p.processing_time',
      'a.name as agency',
      sql<number>`count(*) OVER ()::int`.as('total'),
    ]);
  if (query.q) {
    const q = query.q;
    qb = qb
      .orderBy(sql`(p.search_text LIKE '%' || vn_fold(${q}) || '%')`, 'desc')
      .orderBy(sql`word_similarity(vn_fold(${q}), p.search_text)`, 'desc');
  }
  const rows = await qb
    .orderBy('p.name')
    .orderBy('p.code')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  // A page past the end has no row to carry the count: only then is it read on its own.
  const total =
    rows[0]?.total ??
    (query.page > 1
      ? (await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow()).total
      : 0);
  return {
    total,
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      field: r.field,
      agency: r.agency ?? '',
      levels: r.levels,
      serviceLevel: r.service_level as ServiceLevel,
      processingTime: r.processing_time as ProcessingTime,
    })),
  };
}

/** Counts per field and per implementing agency for the filter UI (published procedures only). */
export async function catalogueFacets(db: Kdb) {
  const fields = await db
    .selectFrom('procedures')
    .select(['field', sql<number>`count(*)::int`.as('count')])
    .where('status', '=', 'published')
    .groupBy('field')
    .orderBy('field')
    .execute();
  const agencies = await db
    .selectFrom(
      sql<{
        agency_id: string;
      }>`(SELECT unnest(agency_ids) AS agency_id FROM procedures WHERE status = 'published')`.as('x'),
    )
    .innerJoin('agencies as a', 'a.id', 'x.agency_id')
    .select(['a.short_name', 'a.name', sql<number>`count(*)::int`.as('count')])
    .groupBy(['a.short_name', 'a.name'])
    .orderBy('a.name')
    .execute();
  return {
    fields: fields.map((f) => ({ value: f.field, label: f.field, count: f.count })),
    agencies: agencies.map((a) => ({ value: a.short_name, label: a.name, count: a.count })),
  };
}
