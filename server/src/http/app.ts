import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import rateLimit from '@fastify/rate-limit';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { TEST_ACTOR_HEADER, type Actor } from './auth';
import type { AppDeps } from './context';
import { AppError, errorHandler, notFoundHandler } from './errors';
import { registerHostileInput } from './hostile-input';
import { decorateOpenApi, SECURITY_SCHEMES } from './openapi-doc';
import { registerMetrics } from './metrics';
import { registerReadReplica } from './read-replica';
import { databaseRateLimitStore } from './rate-limit';
import { apiSecurityHeaders, securityHeaders } from './security-headers';
import { serializerCompiler } from './serializer';
import { webPageFile } from './web-pages';
import { modules } from '../modules/registry';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_DIST = path.join(repoRoot, 'web', 'dist');

/**
 * Files under assets/ carry a content hash in their name, so a browser may keep them for a year without asking;
 * index.html names the current hashes, so it is revalidated on every use; the rest (the icon) for an hour.
 */
export function webCacheControl(file: string): string {
  if (/[\\/]assets[\\/]/.test(file)) return 'public, max-age=31536000, immutable';
  return /\.html(\.br|\.gz)?$/.test(file) ? 'no-cache' : 'public, max-age=3600';
}

export type BuildOptions = {
  logger?: boolean;
  webDist?: string | null;
  /** Tests only (never reachable from configuration): trust an actor given as JSON in the x-test-actor header. */
  trustTestActorHeader?: boolean;
  /** Check every response against its zod schema (tests); production uses the compiled serialiser. */
  strictResponses?: boolean;
};

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger === false ? { logger: false } : { loggerInstance: deps.log as FastifyBaseLogger }),
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // X-Forwarded-For is believed only from the configured proxies; anyone else could write any address in it.
    trustProxy: deps.config.trustedProxies.length > 0 ? deps.config.trustedProxies : false,
    // One access-log line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const apiHeaders = apiSecurityHeaders(headers);
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler(opts.strictResponses ?? false));
  app.setErrorHandler(errorHandler);
  app.decorateRequest('actor', null);
  if (opts.trustTestActorHeader) {
    app.addHook('onRequest', async (req) => {
      const raw = req.headers[TEST_ACTOR_HEADER];
      if (typeof raw === 'string') req.actor = JSON.parse(raw) as Actor;
    });
  }
  // Hot path: plain callback hooks (no promise per request), one on the way in and one on the way out.
  app.addHook('onRequest', (req, reply, done) => {
    // JSON answers get the API set; the portal, its files and the interactive API docs are documents.
    const isApi = req.url.startsWith('/api/') && !/^\/api\/docs(\/|\?|$)/.test(req.url);
    reply.headers(isApi ? apiHeaders : headers);
    reply.header('x-request-id', req.id);
    done();
  });
  const metrics = registerMetrics(app, deps.db, deps.config.metricsToken, deps.replica);
  app.addHook('onResponse', (req, reply, done) => {
    metrics.observe(req, reply);
    req.log.info(
      {
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });

  registerHostileInput(app);
  await app.register(cookie);
  // Before any route: it wraps the handlers of the routes marked `replica: true` as they are added.
  registerReadReplica(app, deps);
  // Off by default; routes that need it (login, lookup, code sending) opt in with config.rateLimit.
  // Counted in the database, so every process behind the load balancer shares one count per address.
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(deps.db.kysely, () => deps.clock.now()),
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', { retryAfter: Math.ceil(ctx.ttl / 1000) }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Một Cửa API',
        description:
          'Cổng Dịch vụ công và Hệ thống thông tin giải quyết thủ tục hành chính / public service portal and administrative procedure information system.',
        version: '0.1.0',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) =>
      decorateOpenApi(jsonSchemaTransformObject(doc), [
        { url: '/', description: 'The server that serves this document (PUBLIC_URL of a deployment)' },
      ]),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const m of modules) await m.setup?.(app);
  await app.register(
    async (api) => {
      for (const m of modules) if (m.routes) await api.register(m.routes);
    },
    { prefix: '/api' },
  );

  const webDist = opts.webDist === undefined ? WEB_DIST : opts.webDist;
  const hasWeb = webDist !== null && fs.existsSync(path.join(webDist, 'index.html'));
  // The portal's public pages were prerendered at build time; the rest share index.html.
  const pageFile = hasWeb ? webPageFile(webDist) : () => 'index.html';
  if (hasWeb) {
    // Built once with .br and .gz beside each text file (web/precompress.ts); hashed names never change content.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (reply, file) => reply.header('cache-control', webCacheControl(file)),
    });
    // The portal's front door answers every client, browser or not (uptime probes, curl).
    app.get('/', { schema: { hide: true } }, (req, reply) => reply.sendFile(pageFile(req.url)));
  }
  // The SPA owns every non-API GET that accepts HTML; everything else is a JSON 404 in the error shape.
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/metrics');
    if (hasWeb && !isApi && req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) {
      return reply.sendFile(pageFile(req.url));
    }
    return notFoundHandler(req, reply);
  });
  return app;
}
