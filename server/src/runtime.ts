import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { openDb, type Db } from './db/client';
import { migrate } from './db/migrate';
import { openReplica } from './db/replica';
import { seedDemo } from './db/seed';
import { buildApp } from './http/app';
import type { AppDeps } from './http/context';
import { Worker } from './jobs/queue';
import { jobRegistry, modules } from './modules/registry';

export type Running = { deps: AppDeps; app?: FastifyInstance; worker?: Worker; stop(): Promise<void> };

/**
 * JSON logs to stdout through a buffered (asynchronous) destination: one write per 4 KiB instead of one per line
 * keeps the access log from costing a third of a small request's throughput. Flushed on shutdown and exit.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino(
    { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', '*.password'] },
    pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}

export async function openAndMigrate(config: Config, log: Logger): Promise<Db> {
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const applied = await migrate(db, (name) => log.info({ migration: name }, 'migration applied'));
  log.info({ engine: db.engine, applied: applied.length }, 'database ready');
  return db;
}

/**
 * Boots the roles asked for: the API, the job worker, or both in one process (the default).
 * stop() is the graceful shutdown: stop accepting, finish in-flight requests and jobs, close the database.
 */
export async function start(
  config: Config,
  log = createLogger(config),
  clock: Clock = systemClock,
): Promise<Running> {
  const db = await openAndMigrate(config, log);
  // The replica serves API reads only (ADR 0030); a worker and PGlite have none.
  const replica =
    config.replica && config.role !== 'worker'
      ? await openReplica(config.replica, db, config.databasePoolSize)
      : undefined;
  if (replica) log.info({ maxLagMs: config.replica?.maxLagMs }, 'read replica configured');
  const deps: AppDeps = { db, config, log, clock, ...(replica ? { replica } : {}) };
  if (config.seedDemo && config.role !== 'worker') {
    const loaded = await seedDemo(deps, (name) => log.info({ module: name }, 'loading demo data'));
    if (loaded.length) log.info({ modules: loaded }, 'demo data loaded');
  }
  let app: FastifyInstance | undefined;
  let worker: Worker | undefined;
  if (config.role !== 'worker') {
    app = await buildApp(deps);
    await app.listen({ port: config.port, host: config.host });
  }
  if (config.role !== 'api') {
    worker = new Worker(db, jobRegistry(), {
      pollMs: config.workerPollMs,
      concurrency: config.workerConcurrency,
      leaseMs: config.workerLeaseMs,
      log: log.child({ role: 'worker' }),
      clock,
    });
    for (const m of modules) await m.schedule?.(db, clock.now());
    worker.start();
  }
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (app) {
        // Keep-alive connections that finish their last request after close() began would otherwise hold the
        // server open until their idle timeout; close each as soon as it goes idle.
        const sweep = setInterval(() => app?.server.closeIdleConnections(), 50);
        await app.close().finally(() => clearInterval(sweep));
      }
      await worker?.stop();
      await replica?.close();
      await db.close();
      log.flush();
    })());
  return { deps, app, worker, stop };
}
