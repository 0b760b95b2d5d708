// Preloaded into a bench target (NODE_OPTIONS=--import): counts the statements every pg client sends and knows the
// PostgreSQL backend of each, so a harness can charge statements and backend CPU to the app or to the bare route.
// On SIGUSR2 it writes {app: {statements, pids}, bare: {…}} to COUNT_PG_FILE. The IPC messages {profile: 'start'} and
// {profile: 'stop', file} take a V8 CPU profile of what happens between them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import pg from 'pg';

const clients = new Set();
let sessionSql;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  clients.add(this);
  // After the IPC message {sql}, each connection runs that SQL (e.g. SET log_statement_stats = on) first, uncounted.
  if (sessionSql && this.sessionSql !== sessionSql) {
    this.sessionSql = sessionSql;
    query.call(this, sessionSql).catch(() => undefined);
  }
  this.statements = (this.statements ?? 0) + 1;
  const text = typeof config === 'string' ? config : config?.text;
  if (typeof text === 'string' && text.includes('bench_submissions')) this.bare = true;
  if (process.env.COUNT_PG_LOG && !this.bare && typeof text === 'string') {
    fs.appendFileSync(process.env.COUNT_PG_LOG, text.replace(/\s+/g, ' ').slice(0, 300) + '\n');
  }
  // Experiment: PREPARE_ALL=1 sends every parameterised statement as a named prepared statement.
  if (process.env.PREPARE_ALL && typeof config === 'string' && Array.isArray(rest[0]) && rest[0].length) {
    const name = `p${createHash('sha1').update(config).digest('hex').slice(0, 16)}`;
    return query.call(this, { name, text: config, values: rest[0] }, ...rest.slice(1));
  }
  return query.call(this, config, ...rest);
};

process.on('SIGUSR2', () => {
  const out = { app: { statements: 0, pids: [] }, bare: { statements: 0, pids: [] } };
  for (const c of clients) {
    const side = c.bare ? out.bare : out.app;
    side.statements += c.statements;
    if (c.processID) side.pids.push(c.processID);
  }
  fs.writeFileSync(process.env.COUNT_PG_FILE, JSON.stringify(out));
});

let session;
process.on('message', async (m) => {
  if (typeof m?.sql === 'string') sessionSql = m.sql;
  if (m?.profile === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  } else if (m?.profile === 'stop' && session) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(m.file, JSON.stringify(profile));
    session.disconnect();
    process.send?.({ profiled: m.file });
  }
});
