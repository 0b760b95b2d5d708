import autocannon from 'autocannon';
import { submission, submissionRequests } from './lib-submit';
import { report, startTarget, stopTarget } from './lib';

// Online submissions/s on PostgreSQL, each one an upload of a small PNG (type checked by content, stored
// content-addressed) followed by POST /api/dossiers with it — against a bare Fastify + pg route storing the same JSON
// body in one transaction. The ratio shows what the rules cost: validation, audit chain, events, outbox.
const target = await startTarget('submit.ts');
async function app(seconds: number): Promise<number> {
  const r = await autocannon({
    url: `http://127.0.0.1:${target.ports.app}`,
    duration: seconds,
    connections: 8,
    requests: submissionRequests(),
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`submit: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average / 2;
}
async function bare(seconds: number): Promise<number> {
  const r = await autocannon({
    url: `http://127.0.0.1:${target.ports.bare}/submit`,
    method: 'POST',
    duration: seconds,
    connections: 8,
    headers: { 'content-type': 'application/json' },
    body: submission('00000000-0000-4000-8000-000000000000'),
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`bare: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

try {
  await bare(2);
  await app(2);
  let c = 0;
  let b = 0;
  for (let i = 0; i < 3; i++) {
    b += await bare(4);
    c += await app(4);
  }
  report('submit (online, small attachment)', c / 3, 'submissions/s', c / b);
} finally {
  await stopTarget(target);
}
