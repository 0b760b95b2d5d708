import { compare, report, startTarget, stopTarget } from './lib';

// GET /api/health through the whole framework vs a bare Fastify route doing the same SELECT 1. Target ratio ≥ 0.8.
const target = await startTarget('health.ts');
try {
  const r = await compare(
    `http://127.0.0.1:${target.ports.app}/api/health`,
    `http://127.0.0.1:${target.ports.bare}/health`,
  );
  report('health', r.candidate, 'req/s', r.candidate / r.baseline);
} finally {
  await stopTarget(target);
}
