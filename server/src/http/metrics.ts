import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/client';
import { queueDepth } from '../jobs/queue';
import { registerBusinessGauges } from './business-metrics';
import { AppError } from './errors';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function hasBearer(req: FastifyRequest, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

/**
 * Prometheus text at /metrics: request counts and latencies by route, job queue depth, process metrics.
 * Not public: served only when METRICS_TOKEN is set, to scrapers that send it as a bearer token (401 otherwise);
 * without a token the route does not exist (404).
 */
export function registerMetrics(app: FastifyInstance, db: Db, token: string | undefined) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'jobs_queue_depth',
    help: 'Jobs by state (pending, running, dead)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const depth = await queueDepth(db);
      for (const [state, n] of Object.entries(depth)) this.set({ state }, n);
    },
  });

  registerBusinessGauges(registry, db, () => app.deps.clock.now());

  if (token) {
    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      if (!hasBearer(req, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError('UNAUTHENTICATED');
      }
      reply.type(registry.contentType);
      return registry.metrics();
    });
  }

  // Per-request work is one Map lookup: the labelled children are resolved once per (method, route, status)
  // instead of hashing a fresh labels object for every request.
  type Children = { count: ReturnType<typeof requests.labels>; time: ReturnType<typeof latency.labels> };
  const children = new Map<string, Children>();
  return {
    observe(req: FastifyRequest, reply: FastifyReply) {
      // Unmatched URLs share one label, so scanners cannot blow up the label set.
      const route = req.routeOptions.url ?? 'unmatched';
      const key = `${req.method} ${reply.statusCode} ${route}`;
      let c = children.get(key);
      if (!c) {
        c = {
          count: requests.labels({ method: req.method, route, status: reply.statusCode }),
          time: latency.labels({ method: req.method, route }),
        };
        children.set(key, c);
      }
      c.count.inc();
      c.time.observe(reply.elapsedTime / 1000);
    },
  };
}
