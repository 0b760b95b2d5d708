import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/client';
import type { ReadReplica } from '../db/replica';
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
export function registerMetrics(
  app: FastifyInstance,
  db: Db,
  token: string | undefined,
  replica?: ReadReplica,
) {
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
  if (replica) registerReplicaMetrics(registry, replica);

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

/** The read replica (ADR 0030): reads by target, fallbacks to the primary by reason, and its state and lag now. */
function registerReplicaMetrics(registry: Registry, replica: ReadReplica) {
  new Counter({
    name: 'db_replica_eligible_reads_total',
    help: 'Reads of replica-eligible routes by the server that answered them (replica, primary)',
    labelNames: ['target'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [target, n] of Object.entries(replica.stats.reads)) this.inc({ target }, n);
    },
  });
  new Counter({
    name: 'db_replica_fallbacks_total',
    help: 'Replica-eligible reads sent to the primary, by reason (down, lagging, behind, error)',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [reason, n] of Object.entries(replica.stats.fallbacks)) this.inc({ reason }, n);
    },
  });
  new Gauge({
    name: 'db_replica_up',
    help: 'Whether the read replica answers (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await replica.state()).state === 'down' ? 0 : 1);
    },
  });
  new Gauge({
    name: 'db_replica_lag_seconds',
    help: 'Replay lag of the read replica (-1 when it does not answer)',
    registers: [registry],
    // The replica's position is read once per 100 ms, so both gauges share one query.
    async collect() {
      const { lagMs } = await replica.state();
      this.set(lagMs === null ? -1 : lagMs / 1000);
    },
  });
}
