import autocannon from 'autocannon';
import { report, startTarget, stopTarget, type Target } from './lib';

// GET /api/processing/inbox (a logged-in specialist's own inbox, first page by step due time, with its counts)
// through the whole app vs a bare Fastify + pg route running the same indexed queries, on PostgreSQL, at 10,000 and
// at 1,000,000 dossiers over 30 agencies. Targets (issue 12): ratio ≥ 0.5; rate at 1M within 15% of the rate at 10k.
// The two sizes live in two targets (two databases) measured in alternating rounds, so the load of a shared machine
// drifting during the run hits both sizes alike (measured one after the other, the flatness was mostly that drift).
const sizes = [10_000, 1_000_000] as const;
const targets: Target[] = [];
const grow = (t: Target, n: number) =>
  new Promise<void>((resolve) => {
    t.child.once('message', () => resolve());
    t.child.send({ grow: n });
  });

async function rate(url: string, seconds: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, duration: seconds, connections: 16, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

try {
  for (const _ of sizes) targets.push(await startTarget('inbox.ts'));
  await Promise.all(sizes.map((n, i) => grow(targets[i]!, n)));
  const urls = targets.map((t) => ({
    app: `http://127.0.0.1:${t.ports.app}/api/processing/inbox?scope=me&limit=25`,
    bare: `http://127.0.0.1:${t.ports.bare}/inbox`,
    headers: { cookie: (t.ports as unknown as { cookie: string }).cookie },
  }));
  for (const u of urls) {
    await rate(u.bare, 2);
    await rate(u.app, 2, u.headers);
  }
  const app = sizes.map(() => 0);
  const bare = sizes.map(() => 0);
  const rounds = 3;
  for (let r = 0; r < rounds; r++) {
    for (const [i, u] of urls.entries()) {
      bare[i]! += (await rate(u.bare, 4)) / rounds;
      app[i]! += (await rate(u.app, 4, u.headers)) / rounds;
    }
  }
  sizes.forEach((n, i) =>
    report(`inbox @${n.toLocaleString('en')} dossiers`, app[i]!, 'req/s', app[i]! / bare[i]!),
  );
  console.log(
    `inbox: rate at 1,000,000 is ${((app[1]! / app[0]!) * 100).toFixed(1)}% of the rate at 10,000 ` +
      `(bare route: ${((bare[1]! / bare[0]!) * 100).toFixed(1)}%)`,
  );
} finally {
  for (const t of targets) await stopTarget(t);
}
