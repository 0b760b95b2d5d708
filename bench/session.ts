import autocannon from 'autocannon';
import { report, startTarget, stopTarget } from './lib';

// GET /api/me with a session cookie (the session → actor resolution every logged-in request pays) vs a bare Fastify
// route doing one session lookup. On embedded PGlite every query is serialised through one WASM connection, so the
// ratio mostly counts queries: first measurement 0.10; one query (session_actor, which also reads what /me shows)
// 0.42; the session cache (ADR 0032) serves a repeated session from memory, so /me costs no query at all.
const target = await startTarget('session.ts');
const { cookie } = target.ports as unknown as { cookie: string };

async function rate(url: string, seconds: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, duration: seconds, connections: 16, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

try {
  const me = `http://127.0.0.1:${target.ports.app}/api/me`;
  const base = `http://127.0.0.1:${target.ports.bare}/session`;
  await rate(base, 2);
  await rate(me, 2, { cookie });
  let c = 0;
  let b = 0;
  for (let i = 0; i < 3; i++) {
    b += await rate(base, 4);
    c += await rate(me, 4, { cookie });
  }
  report('session (/api/me)', c / 3, 'req/s', c / b);
} finally {
  await stopTarget(target);
}
