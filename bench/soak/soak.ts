/**
 * `npm run soak -- [--minutes N] [--seed S] [--keep]` (issue 19): two API processes and a worker under mixed load on
 * their own PostgreSQL database while one random process is SIGKILLed and restarted every 30–60 s; then the load
 * stops, the worker drains the queue and the checks of checks.ts run. Prints latencies, errors and kills; exits 1
 * when a check fails. Not part of `npm test`. See docs/development.md "Soak".
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Cluster, ROLES, freePort, motcua, type Role } from './cluster';
import { drained, jobFigures, runChecks } from './facts';
import { Client, Metrics, quantile } from './http';
import { Ledger, OFFICES, citizen, lookups, officer, submit, type Load } from './users';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string', default: '19' },
    citizens: { type: 'string', default: '6' },
    'drain-minutes': { type: 'string', default: '6' },
    /** Seconds between kills, a range (issue 19: 30–60); a machine where a process takes minutes to start needs more. */
    'kill-every': { type: 'string', default: '30-60' },
    keep: { type: 'boolean', default: false },
  },
});
const minutes = Number(args.minutes);
const seed = Number(args.seed);
const [killMin = 30, killMax = 60] = args['kill-every'].split('-').map(Number);

/** mulberry32: the kill schedule and the users' choices repeat for a seed. */
function seeded(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// The kill schedule has a stream of its own, so it repeats for a seed whatever the users draw in between.
const random = seeded(seed ^ 0x9e3779b9);
const killRandom = seeded(seed);
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const admin = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `motcua_soak_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-soak-'));
const logDir = path.join(dataDir, 'logs');
fs.mkdirSync(logDir);

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const [api1, api2, proxy] = [await freePort(), await freePort(), await freePort()];
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: dbUrl,
  DATABASE_POOL_SIZE: '6',
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${proxy}`,
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
  SIGNING_DEMO_KEYS: 'true',
  BACKUP_SCHEDULE: 'off',
  WORKER_POLL_MS: '200',
  // A job whose worker was killed is taken again after 20 s instead of 5 minutes, so the drain ends in time.
  WORKER_LEASE_MS: '20000',
  // One address per user on loopback: the per-person and per-address limits would refuse the load itself.
  UPLOAD_RATE_PER_MINUTE: '10000',
  UPLOAD_QUOTA_MB_PER_DAY: '1000000',
  LOOKUP_RATE_LIMIT: '100000000',
  LOOKUP_GLOBAL_RATE_LIMIT: '100000000',
  MESSAGES_PER_DESTINATION_PER_DAY: '10000',
};

const cluster = new Cluster(env, { api1, api2, proxy }, logDir);
const metrics = new Metrics();
const ledger = new Ledger();
const kills: string[] = [];
let failed = true;

try {
  log(`database ${dbName}, data and logs in ${dataDir}`);
  await adminQuery(`CREATE DATABASE ${dbName}`);
  await motcua(['migrate'], env);
  log('migrated; seeding the demo data');
  await motcua(['seed'], env);
  await cluster.startProxy();
  for (const role of ROLES) cluster.start(role);
  await cluster.waitHealthy();
  log(`api-1 :${api1}, api-2 :${api2}, worker, proxy :${proxy} up`);

  const bases = cluster.apiUrls;
  const components = new Map<string, string[]>();
  const probe = new Client(bases, new Metrics());
  for (const o of OFFICES) {
    const p = await probe.request<{ components: { code: string; required: boolean }[] }>(
      'procedure',
      'GET',
      `/api/procedures/${o.procedure}`,
    );
    components.set(
      o.procedure,
      p.body.components.filter((c) => c.required).map((c) => c.code),
    );
  }

  const since = new Date();
  const endAt = Date.now() + minutes * 60_000;
  let running = true;
  const load: Load = { bases, metrics, ledger, running: () => running, random, components };
  let vu = 0;
  const users = [
    ...Array.from({ length: Number(args.citizens) }, () => citizen(load, vu++)),
    ...OFFICES.flatMap((o) =>
      (['desk', 'head', 'specialist', 'leader'] as const).map((p) => officer(load, o, p, vu++)),
    ),
    lookups(load, vu++),
  ];
  log(`load: ${users.length} virtual users for ${minutes} min (seed ${seed})`);

  const killer = (async () => {
    for (;;) {
      const wait = (killMin + Math.floor(killRandom() * (killMax - killMin + 1))) * 1000;
      if (Date.now() + wait >= endAt) return;
      await sleep(wait);
      const role: Role = ROLES[Math.floor(killRandom() * ROLES.length)]!;
      kills.push(role);
      log(
        `SIGKILL ${role} (${kills.length}); acknowledged so far: ${ledger.submissions.length} submissions, ${ledger.actions.length} actions`,
      );
      await cluster.kill(role);
    }
  })();
  const progress = setInterval(
    () =>
      log(
        `progress: ${ledger.submissions.length} submissions, ${ledger.actions.length} actions acknowledged`,
      ),
    60_000,
  );
  await sleep(Math.max(0, endAt - Date.now()));
  running = false;
  clearInterval(progress);
  await killer;
  log('load stopped; waiting for the users to finish their last step');
  const settled = await Promise.allSettled(users);
  for (const s of settled) if (s.status === 'rejected') log(`a virtual user stopped: ${String(s.reason)}`);
  await cluster.waitHealthy();

  // Cut-off submissions are sent again with their key: each must come back as one dossier.
  for (const p of ledger.pending) {
    const r = await submit(p.client, p.key, p.body, 120_000);
    if (r.status === 201) ledger.submissions.push({ key: p.key, userId: p.userId, dossierId: r.body.id });
    else log(`re-sent ${p.key}: ${r.status} ${JSON.stringify(r.body)}`);
  }

  log('draining the queue');
  const drainUntil = Date.now() + Number(args['drain-minutes']) * 60_000;
  for (;;) {
    const d = await drained(dbUrl, since);
    if (d.done) break;
    if (Date.now() > drainUntil) {
      log(`not drained: ${d.why}`);
      break;
    }
    await sleep(2_000);
  }

  const results = await runChecks(dbUrl, ledger, since);
  const jobs = await jobFigures(dbUrl, since);

  console.log('\n== Requests (ms: p50 / p99 of answered requests; outcomes) ==');
  for (const kind of [...metrics.outcomes.keys()].sort()) {
    const lat = metrics.latencies.get(kind) ?? [];
    const outcomes = [...metrics.outcomes.get(kind)!].map(([o, n]) => `${o}: ${n}`).join(', ');
    console.log(
      `${kind.padEnd(18)} n=${String(lat.length).padStart(5)}  p50 ${quantile(lat, 0.5).toFixed(0).padStart(5)}  p99 ${quantile(lat, 0.99).toFixed(0).padStart(6)}  ${outcomes}`,
    );
  }
  console.log('\n== Run ==');
  console.log(
    `minutes ${minutes}, seed ${seed}, a kill every ${killMin}–${killMax} s, kills ${kills.length} (${ROLES.map((r) => `${r} ${kills.filter((k) => k === r).length}`).join(', ')})`,
  );
  console.log(`process starts: ${ROLES.map((r) => `${r} ${cluster.starts[r]}`).join(', ')}`);
  const boots = cluster.bootSeconds;
  console.log(
    `API start to healthy: ${boots.length} starts, p50 ${quantile(boots, 0.5).toFixed(1)} s, max ${Math.max(...boots).toFixed(1)} s`,
  );
  if (cluster.unexpectedExits.length) console.log(`unexpected exits: ${cluster.unexpectedExits.join('; ')}`);
  console.log(
    `acknowledged: ${ledger.submissions.length} submissions (${ledger.pending.length} re-sent after the load), ${ledger.actions.length} actions; ${ledger.unsure.length} actions of unknown outcome`,
  );
  console.log(
    `jobs: ${jobs.map((j) => `${j.type} ${j.status} ${j.n}${j.rerun ? ` (${j.rerun} run again)` : ''}`).join('; ')}`,
  );
  console.log('\n== Checks ==');
  failed = false;
  // A run in which nothing was acknowledged (every process down most of the time) proves nothing.
  results.set(
    'the load went through: submissions and actions acknowledged',
    ledger.submissions.length && ledger.actions.length ? [] : ['nothing to check'],
  );
  for (const [name, failures] of results) {
    console.log(
      `${failures.length ? 'FAIL' : 'ok  '} ${name}${failures.length ? `: ${failures.length}` : ''}`,
    );
    for (const f of failures.slice(0, 10)) console.log(`       ${f}`);
    if (failures.length) failed = true;
  }
  if (cluster.unexpectedExits.length) failed = true;
} catch (err) {
  console.error(err);
} finally {
  await cluster.stop();
  if (args.keep) log(`kept: database ${dbUrl}, data and process logs in ${dataDir}`);
  else if (failed) log(`kept: data and process logs in ${dataDir}`);
  if (!args.keep) {
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    if (!failed) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
