import autocannon from 'autocannon';
import { report, startTarget, stopTarget } from './lib';

// GET /api/processing/inbox (a logged-in specialist's own inbox, first page by step due time, with its counts)
// through the whole app vs a bare Fastify + pg route running the same indexed queries, on PostgreSQL, at 10,000 and
// at 1,000,000 dossiers over 30 agencies. Targets (issue 12): ratio ≥ 0.5; rate at 1M within 15% of the rate at 10k.
const target = await startTarget('inbox.ts');
const { cookie } = target.ports as unknown as { cookie: string };
const grow = (n: number) =>
  new Promise<void>((resolve) => {
    target.child.once('message', () => resolve());
    target.child.send({ grow: n });
  });

async function rate(url: string, seconds: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, duration: seconds, connections: 16, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

try {
  const inbox = `http://127.0.0.1:${target.ports.app}/api/processing/inbox?scope=me&limit=25`;
  const base = `http://127.0.0.1:${target.ports.bare}/inbox`;
  const rates: number[] = [];
  for (const n of [10_000, 1_000_000]) {
    await grow(n);
    await rate(base, 2);
    await rate(inbox, 2, { cookie });
    let c = 0;
    let b = 0;
    for (let i = 0; i < 3; i++) {
      b += await rate(base, 4);
      c += await rate(inbox, 4, { cookie });
    }
    rates.push(c / 3);
    report(`inbox @${n.toLocaleString('en')} dossiers`, c / 3, 'req/s', c / b);
  }
  console.log(
    `inbox: rate at 1,000,000 is ${((rates[1]! / rates[0]!) * 100).toFixed(1)}% of the rate at 10,000`,
  );
} finally {
  await stopTarget(target);
}
