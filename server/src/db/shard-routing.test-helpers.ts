import { fingerprintSync, loadModule, normalizeSync, parseSync } from 'libpg-query';

/**
 * Whether a statement could be routed to one province's shards in a Citus cluster (ADR 0034), judged on the
 * statement's parse tree from PostgreSQL's own parser (libpg-query), not on its text.
 *
 * Every query level (the statement, each subquery, CTE and set operand) is checked on its own: each distributed
 * table read or written there must be
 * - pinned: `x.province_code = <parameter or constant>` (or `= ANY(…)`, `IN (…)`) among the level's AND-ed
 *   conditions (WHERE and JOIN … ON), or equal on `province_code` to a pinned table (`a.province_code =
 *   b.province_code`), or to a table of an enclosing level (a correlated subquery: the enclosing level is checked
 *   itself); an INSERT is pinned when it names `province_code` among its columns;
 * - else co-located: joined on `province_code` to another distributed table but pinned by nothing (a co-located
 *   query over every shard: fine for a national report, to be listed as such);
 * - else unrouted: Citus would have to send it to every shard, and a per-province deployment would read or change
 *   other provinces' rows.
 * The statement's verdict is its worst level.
 */
export type Routing = 'none' | 'routed' | 'colocated' | 'unrouted';

export type Verdict = {
  routing: Routing;
  /** The distributed tables the statement touches. */
  tables: string[];
  /** Of those, the ones neither pinned nor joined on the key (for `unrouted`), or not pinned (`colocated`). */
  offending: string[];
};

const KEY = 'province_code';
const RANK: Record<Routing, number> = { none: 0, routed: 1, colocated: 2, unrouted: 3 };

type Node = Record<string, unknown>;
type Rel = { alias: string; table: string };

let loaded: Promise<void> | undefined;
/** The parser is WebAssembly: load it once before the synchronous calls. */
export function loadParser(): Promise<void> {
  return (loaded ??= loadModule());
}

/** A stable identity of the statement's shape (constants and parameters ignored), for the allow-list. */
export function fingerprint(sqlText: string): string {
  return fingerprintSync(sqlText);
}

/** The statement with constants replaced by `$n`, for people reading the allow-list. */
export function normalized(sqlText: string): string {
  return normalizeSync(sqlText).replace(/\s+/g, ' ').trim();
}

export function routingOf(sqlText: string, distributed: ReadonlySet<string>): Verdict {
  const tree = parseSync(sqlText) as { stmts?: Array<{ stmt: Node }> };
  const acc: Verdict = { routing: 'none', tables: [], offending: [] };
  for (const s of tree.stmts ?? []) visitStatement(s.stmt, distributed, [], acc);
  acc.tables = [...new Set(acc.tables)].sort();
  acc.offending = [...new Set(acc.offending)].sort();
  return acc;
}

function worse(acc: Verdict, r: Routing) {
  if (RANK[r] > RANK[acc.routing]) acc.routing = r;
}

/** One node of the tree: `{ TypeName: fields }`. */
function unwrap(n: unknown): [string, Node] | null {
  if (!n || typeof n !== 'object' || Array.isArray(n)) return null;
  const keys = Object.keys(n);
  if (keys.length !== 1) return null;
  const k = keys[0]!;
  return [k, (n as Node)[k] as Node];
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** Statements (and subqueries) anywhere below `n`, found without entering them. */
function nestedQueries(n: unknown, out: Node[]) {
  if (Array.isArray(n)) {
    for (const x of n) nestedQueries(x, out);
    return;
  }
  const u = unwrap(n);
  if (u && ['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt'].includes(u[0])) {
    out.push(n as Node);
    return;
  }
  if (n && typeof n === 'object') for (const v of Object.values(n)) nestedQueries(v, out);
}

function visitStatement(stmt: Node, dist: ReadonlySet<string>, outer: Rel[], acc: Verdict) {
  const u = unwrap(stmt);
  if (!u) return;
  const [type, body] = u;
  if (type === 'SelectStmt') return visitSelect(body, dist, outer, acc);
  if (type === 'InsertStmt') return visitInsert(body, dist, outer, acc);
  if (type === 'UpdateStmt' || type === 'DeleteStmt') return visitUpdateDelete(type, body, dist, outer, acc);
  if (type === 'ExplainStmt') return visitStatement(body.query as Node, dist, outer, acc);
  // DDL, SET, transaction control and the like read no rows; a nested query inside is still checked.
  const inner: Node[] = [];
  nestedQueries(body, inner);
  for (const q of inner) visitStatement(q, dist, outer, acc);
}

function withCtes(body: Node, dist: ReadonlySet<string>, outer: Rel[], acc: Verdict) {
  const w = body.withClause as Node | undefined;
  for (const c of list(w?.ctes)) {
    const cte = unwrap(c)?.[1];
    if (cte?.ctequery) visitStatement(cte.ctequery as Node, dist, outer, acc);
  }
}

function visitSelect(s: Node, dist: ReadonlySet<string>, outer: Rel[], acc: Verdict) {
  withCtes(s, dist, outer, acc);
  if (s.larg || s.rarg) {
    if (s.larg) visitSelect(s.larg as Node, dist, outer, acc);
    if (s.rarg) visitSelect(s.rarg as Node, dist, outer, acc);
    return;
  }
  const rels: Rel[] = [];
  const conds: unknown[] = [];
  const subqueries: Node[] = [];
  for (const f of list(s.fromClause)) fromItem(f, rels, conds, subqueries);
  conds.push(s.whereClause);
  checkLevel(rels, conds, dist, outer, acc);
  const scope = [...rels, ...outer];
  for (const q of subqueries) visitStatement(q, dist, scope, acc);
  // Subqueries in the select list, WHERE, HAVING, ORDER BY and VALUES see this level's tables.
  const inner: Node[] = [];
  nestedQueries([s.targetList, s.whereClause, s.havingClause, s.sortClause, s.valuesLists], inner);
  for (const f of list(s.fromClause)) joinQuals(f, inner);
  for (const q of inner) visitStatement(q, dist, scope, acc);
}

function joinQuals(f: unknown, out: Node[]) {
  const u = unwrap(f);
  if (u?.[0] !== 'JoinExpr') return;
  nestedQueries(u[1].quals, out);
  joinQuals(u[1].larg, out);
  joinQuals(u[1].rarg, out);
}

function visitInsert(s: Node, dist: ReadonlySet<string>, outer: Rel[], acc: Verdict) {
  withCtes(s, dist, outer, acc);
  const table = (s.relation as Node).relname as string;
  if (dist.has(table)) {
    acc.tables.push(table);
    const cols = list(s.cols).map((c) => unwrap(c)?.[1].name);
    if (cols.includes(KEY)) worse(acc, 'routed');
    else {
      worse(acc, 'unrouted');
      acc.offending.push(table);
    }
  }
  if (s.selectStmt) visitStatement(s.selectStmt as Node, dist, outer, acc);
  const inner: Node[] = [];
  nestedQueries([s.onConflictClause, s.returningList], inner);
  for (const q of inner) visitStatement(q, dist, outer, acc);
}

function visitUpdateDelete(type: string, s: Node, dist: ReadonlySet<string>, outer: Rel[], acc: Verdict) {
  withCtes(s, dist, outer, acc);
  const rels: Rel[] = [];
  const conds: unknown[] = [];
  const subqueries: Node[] = [];
  fromItem({ RangeVar: s.relation }, rels, conds, subqueries);
  for (const f of list(type === 'UpdateStmt' ? s.fromClause : s.usingClause))
    fromItem(f, rels, conds, subqueries);
  conds.push(s.whereClause);
  checkLevel(rels, conds, dist, outer, acc);
  const scope = [...rels, ...outer];
  for (const q of subqueries) visitStatement(q, dist, scope, acc);
  const inner: Node[] = [];
  nestedQueries([s.targetList, s.whereClause, s.returningList], inner);
  for (const q of inner) visitStatement(q, dist, scope, acc);
}

/** Tables, join conditions and derived tables of one FROM item. */
function fromItem(f: unknown, rels: Rel[], conds: unknown[], subqueries: Node[]) {
  const u = unwrap(f);
  if (!u) return;
  const [type, b] = u;
  if (type === 'RangeVar') {
    const table = b.relname as string;
    rels.push({ table, alias: ((b.alias as Node | undefined)?.aliasname as string | undefined) ?? table });
  } else if (type === 'JoinExpr') {
    fromItem(b.larg, rels, conds, subqueries);
    fromItem(b.rarg, rels, conds, subqueries);
    conds.push(b.quals);
  } else if (type === 'RangeSubselect') {
    subqueries.push(b.subquery as Node);
  } else if (type === 'RangeFunction') {
    const inner: Node[] = [];
    nestedQueries(b.functions, inner);
    subqueries.push(...inner);
  }
}

/** The AND-ed conditions of a level. */
function conjuncts(c: unknown, out: Node[]) {
  const u = unwrap(c);
  if (!u) return;
  if (u[0] === 'BoolExpr' && u[1].boolop === 'AND_EXPR') {
    for (const a of list(u[1].args)) conjuncts(a, out);
    return;
  }
  out.push(c as Node);
}

/** `x.province_code` → the alias it names (the only table of the level when unqualified), else null. */
function keyRef(n: unknown, rels: Rel[], outer: Rel[]): { alias: string; outer: boolean } | null {
  let u = unwrap(n);
  while (u && u[0] === 'TypeCast') u = unwrap(u[1].arg);
  if (!u || u[0] !== 'ColumnRef') return null;
  const fields = list(u[1].fields).map((f) => unwrap(f)?.[1].sval as string | undefined);
  if (fields.at(-1) !== KEY) return null;
  if (fields.length === 1) {
    return rels.length === 1 ? { alias: rels[0]!.alias, outer: false } : null;
  }
  const alias = fields.at(-2)!;
  if (rels.some((r) => r.alias === alias)) return { alias, outer: false };
  if (outer.some((r) => r.alias === alias)) return { alias, outer: true };
  return null;
}

function isValue(n: unknown): boolean {
  const u = unwrap(n);
  if (!u) return false;
  if (u[0] === 'ParamRef' || u[0] === 'A_Const') return true;
  if (u[0] === 'TypeCast') return isValue(u[1].arg);
  if (u[0] === 'A_ArrayExpr') return list(u[1].elements).every(isValue);
  return false;
}

function checkLevel(rels: Rel[], conds: unknown[], dist: ReadonlySet<string>, outer: Rel[], acc: Verdict) {
  const mine = rels.filter((r) => dist.has(r.table));
  if (mine.length === 0) return;
  acc.tables.push(...mine.map((r) => r.table));
  const flat: Node[] = [];
  for (const c of conds) conjuncts(c, flat);
  const pinned = new Set<string>();
  const edges: Array<[string, string]> = [];
  for (const c of flat) {
    const u = unwrap(c);
    if (!u || u[0] !== 'A_Expr') continue;
    const op = list(u[1].name).map((x) => unwrap(x)?.[1].sval)[0];
    const kind = u[1].kind as string;
    const l = keyRef(u[1].lexpr, rels, outer);
    const r = keyRef(u[1].rexpr, rels, outer);
    const equality = (kind === 'AEXPR_OP' && op === '=') || kind === 'AEXPR_IN' || kind === 'AEXPR_OP_ANY';
    if (!equality) continue;
    if (l && r) {
      if (l.outer) pinned.add(r.alias);
      else if (r.outer) pinned.add(l.alias);
      else edges.push([l.alias, r.alias]);
    } else if (l && (isValue(u[1].rexpr) || kind === 'AEXPR_IN')) pinned.add(l.alias);
    else if (r && isValue(u[1].lexpr)) pinned.add(r.alias);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [a, b] of edges) {
      if (pinned.has(a) !== pinned.has(b)) {
        pinned.add(a);
        pinned.add(b);
        changed = true;
      }
    }
  }
  // Co-located: equal on the key to another distributed table of the level (a reference table's key pins nothing).
  const distAliases = new Set(mine.map((r) => r.alias));
  const joined = new Set(
    edges.filter(([a, b]) => distAliases.has(a) && distAliases.has(b) && a !== b).flat(),
  );
  for (const r of mine) {
    if (pinned.has(r.alias)) worse(acc, 'routed');
    else if (joined.has(r.alias)) {
      worse(acc, 'colocated');
      acc.offending.push(r.table);
    } else {
      worse(acc, 'unrouted');
      acc.offending.push(r.table);
    }
  }
}
