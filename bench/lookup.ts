import { compare, rate, report, startTarget, stopTarget } from './lib';

// GET /api/lookup/{code} through the whole app vs a bare Fastify + pg route running the same indexed select, on
// PostgreSQL, at 10,000 and at 1,000,000 dossiers. Targets: ratio ≥ 0.8; rate at 1M within 10% of the rate at 10k.
const target = await startTarget('lookup.ts');
const grow = (n: number) =>
  new Promise<string>((resolve) => {
    target.child.once('message', (m) => resolve((m as { code: string }).code));
    target.child.send({ grow: n });
  });
try {
  const rates: number[] = [];
  for (const n of [10_000, 1_000_000]) {
    const code = await grow(n);
    // The first measurement would otherwise also pay the JIT warm-up of both servers.
    if (n === 10_000)
      await Promise.all([
        rate(`http://127.0.0.1:${target.ports.app}/api/lookup/${code}`, 4),
        rate(`http://127.0.0.1:${target.ports.bare}/lookup/${code}`, 4),
      ]);
    const r = await compare(
      `http://127.0.0.1:${target.ports.app}/api/lookup/${code}`,
      `http://127.0.0.1:${target.ports.bare}/lookup/${code}`,
    );
    rates.push(r.candidate);
    report(`lookup @${n.toLocaleString('en')} dossiers`, r.candidate, 'req/s', r.candidate / r.baseline);
  }
  console.log(
    `lookup: rate at 1,000,000 is ${((rates[1]! / rates[0]!) * 100).toFixed(1)}% of the rate at 10,000`,
  );
} finally {
  await stopTarget(target);
}
