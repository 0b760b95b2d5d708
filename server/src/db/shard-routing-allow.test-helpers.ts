import fs from 'node:fs';
import { DISTRIBUTED_TABLES, PLACEMENT, type TableName } from './distribution';
import { fingerprint, normalized, routingOf, type Routing } from './shard-routing.test-helpers';

/**
 * The statements the flows of the multi-province test send to distributed tables without naming the province
 * (ADR 0034), each with why. The test fails on a statement that is neither routed by `province_code` nor listed, on a
 * listed statement no flow sends any more, and on a reason not below. `UPDATE_SHARD_ALLOWLIST=1` rewrites the list
 * from a run, keeping the reasons already given; a new statement gets `key-missing` or `filter-missing` from its
 * tables, and one that is legitimately multi-shard needs its reason written by hand (the diff shows it in review).
 */
export const REASONS = {
  'key-missing':
    'Reaches rows of a table that has no province_code column yet (by dossier id, agency id or its parent row): ' +
    'routed once the column is added and the repo names it (ADR 0034, "Schema changes").',
  'filter-missing':
    'Reaches dossiers (which carry province_code) by id, code or agency without naming the province: routed once ' +
    'the repo adds the actor\'s or the dossier\'s province (ADR 0034, "Queries").',
  'citizen-across-provinces':
    'A citizen is national: their own dossiers and messages may lie in several provinces, so "Hồ sơ của tôi" and ' +
    'the portal inbox are multi-shard by nature (by applicant, a few rows per shard).',
  'lookup-by-code':
    "Public lookup by dossier code: the code's agency code gives the province (ADR 0034), not yet used to route.",
} as const;
export type Reason = keyof typeof REASONS;

export type AllowEntry = {
  fingerprint: string;
  routing: Exclude<Routing, 'none' | 'routed'>;
  tables: string[];
  reason: Reason;
  /** The first flow of the test that sent it, and the statement with constants replaced, for the reader. */
  phase: string;
  sql: string;
};

const FILE = new URL('./shard-routing.allow.json', import.meta.url);

export function readAllowList(): AllowEntry[] {
  return fs.existsSync(FILE) ? (JSON.parse(fs.readFileSync(FILE, 'utf8')) as AllowEntry[]) : [];
}

function guessReason(tables: string[]): Reason {
  const missing = tables.some((t) => {
    const p = PLACEMENT[t as TableName];
    return p?.kind === 'distributed' && p.key !== 'column';
  });
  return missing ? 'key-missing' : 'filter-missing';
}

/** What the statements show against the list; with UPDATE_SHARD_ALLOWLIST=1, the list is rewritten first. */
export function checkRouting(statements: ReadonlyArray<{ sql: string; phase: string }>) {
  const seen = new Map<string, AllowEntry>();
  let routed = 0;
  for (const s of statements) {
    const v = routingOf(s.sql, DISTRIBUTED_TABLES);
    if (v.routing === 'none') continue;
    if (v.routing === 'routed') {
      routed++;
      continue;
    }
    const fp = fingerprint(s.sql);
    if (seen.has(fp)) continue;
    seen.set(fp, {
      fingerprint: fp,
      routing: v.routing,
      tables: v.offending,
      reason: guessReason(v.offending),
      phase: s.phase,
      sql: normalized(s.sql).slice(0, 400),
    });
  }
  const listed = new Map(readAllowList().map((e) => [e.fingerprint, e]));
  if (process.env.UPDATE_SHARD_ALLOWLIST === '1') {
    const next = [...seen.values()]
      .map((e) => ({ ...e, reason: listed.get(e.fingerprint)?.reason ?? e.reason }))
      .sort((a, b) => a.reason.localeCompare(b.reason) || a.sql.localeCompare(b.sql));
    fs.writeFileSync(FILE, `${JSON.stringify(next, null, 2)}\n`);
    listed.clear();
    for (const e of next) listed.set(e.fingerprint, e);
  }
  return {
    routed,
    listed: listed.size,
    unlisted: [...seen.values()].filter((e) => !listed.has(e.fingerprint)),
    stale: [...listed.values()].filter((e) => !seen.has(e.fingerprint)),
    badReasons: [...listed.values()].filter((e) => !(e.reason in REASONS)),
  };
}
