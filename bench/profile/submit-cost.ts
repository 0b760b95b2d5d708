// Load-independent cost of one online submission (upload + POST /api/dossiers) and of one bare insert: CPU ms of the
// node target and of its PostgreSQL backends, and statements sent, per operation, over a fixed number of operations.
// `node --import tsx bench/profile/submit-cost.ts [submissions=2000]`; CPU_PROF=dir adds a V8 CPU profile of the
// target's submissions (CPU_PROF=file.cpuprofile); COUNT_PG_LOG=file writes every app statement's text there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startTarget, stopTarget } from '../lib';
import { submission, submissionRequests } from '../lib-submit';

const n = Number(process.argv[2] ?? 2000);
const countFile = path.join(os.tmpdir(), `count-pg-${process.pid}.json`);
const preload = path.resolve(import.meta.dirname, 'count-pg.mjs');
const target = await startTarget('submit.ts', { COUNT_PG_FILE: countFile }, ['--import', preload]);
const pid = target.child.pid!;

/** utime + stime of a process in ms (0 when it has gone). */
function cpuMs(p: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

type Side = { statements: number; pids: number[] };
async function snapshot() {
  fs.rmSync(countFile, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100 && !fs.existsSync(countFile); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 20));
  const c = JSON.parse(fs.readFileSync(countFile, 'utf8')) as { app: Side; bare: Side };
  const pg = (s: Side) => s.pids.reduce((sum, p) => sum + cpuMs(p), 0);
  return {
    node: cpuMs(pid),
    app: { statements: c.app.statements, pg: pg(c.app), pids: c.app.pids },
    bare: { statements: c.bare.statements, pg: pg(c.bare), pids: c.bare.pids },
  };
}

async function run(opts: autocannon.Options) {
  const r = await autocannon({ connections: 8, ...opts });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
  return r;
}
const app = (amount: number) =>
  run({ url: `http://127.0.0.1:${target.ports.app}`, amount: amount * 2, requests: submissionRequests() });
const bare = (amount: number) =>
  run({
    url: `http://127.0.0.1:${target.ports.bare}/submit`,
    method: 'POST',
    amount,
    headers: { 'content-type': 'application/json' },
    body: submission('00000000-0000-4000-8000-000000000000'),
  });

function per(
  label: string,
  before: Awaited<ReturnType<typeof snapshot>>,
  after: typeof before,
  side: 'app' | 'bare',
  ops: number,
  secs: number,
) {
  const node = (after.node - before.node) / ops;
  const pg = (after[side].pg - before[side].pg) / ops;
  const st = (after[side].statements - before[side].statements) / ops;
  console.log(
    `${label}: ${ops} ops in ${secs.toFixed(1)} s (${(ops / secs).toFixed(0)}/s); per op: node ${node.toFixed(2)} ms CPU, ` +
      `PostgreSQL ${pg.toFixed(2)} ms CPU (${after[side].pids.length} backends), ${st.toFixed(2)} statements`,
  );
}

try {
  await bare(500);
  await app(300);
  let s0 = await snapshot();
  let t = performance.now();
  await bare(n);
  let s1 = await snapshot();
  per('bare', s0, s1, 'bare', n, (performance.now() - t) / 1000);
  s0 = await snapshot();
  t = performance.now();
  if (process.env.CPU_PROF) target.child.send({ profile: 'start' });
  // PG_STATS=1: PostgreSQL logs each statement's CPU (log_statement_stats) during the submissions.
  if (process.env.PG_STATS)
    target.child.send({ sql: 'SET log_statement_stats = on; SET log_min_duration_statement = 0' });
  await app(n);
  s1 = await snapshot();
  if (process.env.PG_STATS)
    target.child.send({ sql: 'RESET log_statement_stats; RESET log_min_duration_statement' });
  if (process.env.CPU_PROF) {
    target.child.send({ profile: 'stop', file: path.resolve(process.env.CPU_PROF) });
    await new Promise((r) => target.child.once('message', r));
  }
  per('submit', s0, s1, 'app', n, (performance.now() - t) / 1000);
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await stopTarget(target);
}
