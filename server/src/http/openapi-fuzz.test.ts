import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '@motcua/contracts';
import { seedDemo } from '../db/seed';
import { pngBytes } from '../files/files.fixtures';
import { actor, asActor, createTestApp } from '../test/harness';
import {
  HOSTILE_EFORMS,
  HOSTILE_HEADER_VALUES,
  HOSTILE_STRINGS,
  HOSTILE_URL_VALUES,
  hostileFor,
  plausible,
  randomHostileBodies,
  resolver,
  type OpenApi,
  type Operation,
} from '../test/openapi-fuzz';

/**
 * Every operation of the OpenAPI document gets hostile values in each path, query and header parameter and in
 * each body field (two levels deep), whole hostile bodies (deeply nested, wrong types, random text of any code
 * unit from a fixed seed), as an actor the operation admits, so the values reach validation and the service
 * behind it. None may answer 5xx. The document drives the test: a new operation is fuzzed without editing this.
 * A request that never answers (a hang) shows as the test's timeout; FUZZ_TRACE=<file> logs each request first.
 */
const TRACE = process.env.FUZZ_TRACE;
describe('OpenAPI fuzz: hostile input to every operation never answers 5xx', async () => {
  const t = await createTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), 'motcua-fuzz-')) });
  await seedDemo(t.deps);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
  const resolve = resolver(doc);
  const q = t.db.kysely;

  // Real rows, so paths resolve and requests get past "not found" to the code that stores and queries.
  const staffUser = await q
    .selectFrom('users')
    .select(['id', 'agency_id'])
    .where('kind', '=', 'staff')
    .where('agency_id', 'is not', null)
    .orderBy('username')
    .executeTakeFirstOrThrow();
  const dossier = await q
    .selectFrom('dossiers')
    .select(['id', 'code', 'applicant_user_id'])
    .where('applicant_user_id', 'is not', null)
    .where('code', 'is not', null)
    .orderBy('submission_ref')
    .executeTakeFirstOrThrow();
  // Two published procedures: one is retired by the fuzzing of the retire operation, the other keeps taking dossiers.
  const procedures = await q
    .selectFrom('procedures')
    .select('code')
    .where('status', '=', 'published')
    .orderBy('code')
    .limit(2)
    .execute();
  expect(procedures).toHaveLength(2);
  const [procedure, retirable] = [procedures[0]!, procedures[1]!];
  const unit = await q
    .selectFrom('units')
    .select('code')
    .where('level', '=', 'province')
    .executeTakeFirstOrThrow();
  const staff = asActor(
    actor({ kind: 'staff', userId: staffUser.id, agencyId: staffUser.agency_id, roles: [...STAFF_ROLES] }),
  );
  const citizen = asActor(actor({ kind: 'citizen', userId: dossier.applicant_user_id! }));

  function pathValue(route: string, name: string): string {
    if (name === 'code' && route.startsWith('/api/lookup')) return dossier.code!;
    if (name === 'unitCode' || (name === 'code' && route.includes('/units/'))) return unit.code;
    if (name === 'code') return route.endsWith('/retire') ? retirable.code : procedure.code;
    if (name === 'year') return '2026';
    if (name === 'date') return '2026-03-02';
    if (name === 'id' && route.includes('/agencies/')) return staffUser.agency_id!;
    if (name === 'id' && route.includes('/staff/')) return staffUser.id;
    if (name === 'id' && route.includes('dossiers/')) return dossier.id;
    return '00000000-0000-4000-8000-00000000f022';
  }

  /** Fields that name existing things get real ones, so a plausible body gets past "not found" into the service. */
  function withRealValues(route: string, body: unknown): Record<string, unknown> | undefined {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body as undefined;
    const b = { ...(body as Record<string, unknown>) };
    if ('procedureCode' in b) b.procedureCode = procedure.code;
    if ('agencies' in b) b.agencies = ['SXD'];
    if ('code' in b && route.startsWith('/api/admin/procedures/{code}')) b.code = procedure.code;
    return b;
  }

  type Case = { what: string; opts: InjectOptions };
  const failures: string[] = [];
  let sent = 0;

  // Operations that call an outside party over HTTP (the payment gateway, the postal service; here their local
  // simulators, served by an app that does not listen): "unavailable, try again" is the right answer, not a fault.
  const callsOutside = /^post \/api\/(dossiers\/\{id\}\/payments\/online|postal\/dossiers\/\{id\}\/pickup) /;
  const unavailable = (label: string, status: number, body: string) =>
    status === 503 && callsOutside.test(label) && body.includes('"SERVICE_UNAVAILABLE"');

  async function send(label: string, opts: InjectOptions) {
    sent++;
    if (TRACE) appendFileSync(TRACE, `${label}\n`);
    try {
      const res = await t.app.inject(opts);
      if (TRACE) appendFileSync(TRACE, `  ${res.statusCode} ${res.body.slice(0, 80)}\n`);
      if (res.statusCode >= 500 && !unavailable(label, res.statusCode, res.body))
        failures.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.statusCode;
    } catch (err) {
      failures.push(`${label} → threw ${(err as Error).message.slice(0, 200)}`);
      return 0;
    }
  }

  function casesFor(route: string, method: string, op: Operation, who: Record<string, string>): Case[] {
    const params = op.parameters ?? [];
    const pathOf = (override: Record<string, string> = {}) =>
      route.replace(/\{(\w+)\}/g, (_, n: string) => override[n] ?? encodeURIComponent(pathValue(route, n)));
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const body = bodySchema ? withRealValues(route, plausible(bodySchema, resolve)) : undefined;
    const upload = params.some((p) => p.name === 'x-file-name');
    const base = (
      url: string,
      payload: unknown = body,
      headers: Record<string, string> = {},
    ): InjectOptions => ({
      method: method.toUpperCase() as InjectOptions['method'],
      url,
      headers: {
        ...who,
        ...(upload ? { 'content-type': 'application/octet-stream' } : {}),
        ...(payload !== undefined && !upload ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(upload ? { payload: pngBytes() } : {}),
      ...(payload !== undefined && !upload
        ? { payload: payload instanceof Raw ? payload.text : JSON.stringify(payload) }
        : {}),
    });
    const cases: Case[] = [{ what: 'plausible', opts: base(pathOf()) }];
    for (const p of params) {
      if (p.in === 'path')
        for (const v of HOSTILE_URL_VALUES)
          cases.push({ what: `path ${p.name}=${v}`, opts: base(pathOf({ [p.name]: v })) });
      if (p.in === 'query')
        for (const v of HOSTILE_URL_VALUES)
          cases.push({ what: `query ${p.name}=${v}`, opts: base(`${pathOf()}?${p.name}=${v}`) });
      if (p.in === 'header')
        for (const v of HOSTILE_HEADER_VALUES)
          cases.push({
            what: `header ${p.name}=${v.slice(0, 20)}`,
            opts: base(pathOf(), body, { [p.name]: v }),
          });
    }
    if (!bodySchema) return cases;
    const url = pathOf();
    const deep = `{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    for (const raw of [
      deep,
      '{"a":',
      'null',
      '[]',
      '"x"',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{}}}',
    ])
      cases.push({ what: `raw body ${raw.slice(0, 30)}`, opts: base(url, new Raw(raw)) });
    for (const [i, v] of randomHostileBodies(3, 20261130 + cases.length).entries())
      cases.push({ what: `random body #${i}`, opts: base(url, { ...(body ?? {}), ...(v as object) }) });
    if (!body || typeof body !== 'object' || Array.isArray(body)) return cases;
    const top = resolve(bodySchema);
    for (const [name, s0] of Object.entries(top.properties ?? {})) {
      const s = resolve(s0);
      const values = [...hostileFor(s), ...(name === 'eform' ? HOSTILE_EFORMS : [])];
      for (const v of values)
        cases.push({ what: `body.${name}=${short(v)}`, opts: base(url, { ...body, [name]: v }) });
      if (s.additionalProperties && typeof s.additionalProperties === 'object')
        for (const v of HOSTILE_STRINGS)
          cases.push({
            what: `body.${name}.<key>=${short(v)}`,
            opts: base(url, { ...body, [name]: { field: v, [String(v)]: 1 } }),
          });
      const inner = plausible(s, resolve);
      if (!inner || typeof inner !== 'object' || Array.isArray(inner)) continue;
      for (const [sub, ss] of Object.entries(s.properties ?? {}))
        for (const v of hostileFor(resolve(ss)))
          cases.push({
            what: `body.${name}.${sub}=${short(v)}`,
            opts: base(url, { ...body, [name]: { ...inner, [sub]: v } }),
          });
    }
    return cases;
  }

  it('sends every case to every operation', { timeout: 240_000 }, async () => {
    const started = performance.now();
    let operations = 0;
    for (const [route, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        // The right actor: the one that gets furthest with a plausible request (staff hold every role).
        const reach = async (who: Record<string, string>, name: string) =>
          depthOf(
            await send(`${method} ${route} probe as ${name}`, casesFor(route, method, op, who)[0]!.opts),
          );
        const who = (await reach(citizen, 'citizen')) > (await reach(staff, 'staff')) ? citizen : staff;
        for (const c of casesFor(route, method, op, who).slice(1))
          await send(`${method.toUpperCase()} ${route} ${c.what}`, c.opts);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(`OpenAPI fuzz: ${sent} requests to ${operations} operations in ${seconds.toFixed(1)} s`);
    expect(operations).toBeGreaterThan(80);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

/** How far a request got: refused for who it is < not found < refused on content < done. */
function depthOf(status: number): number {
  if (status === 401 || status === 403) return 0;
  if (status === 404) return 1;
  return status >= 400 ? 2 : 3;
}

/** A body sent as is (not JSON-encoded): broken or hostile JSON text. */
class Raw {
  constructor(readonly text: string) {}
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 24 ? `${s.slice(0, 24)}…(${s.length})` : s;
}
