import { vnInstant } from '@motcua/contracts';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { S3StoreConfig } from './files/s3-store';

/** The only place that reads process.env. A bad value stops the boot with a message naming the variable. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  REPLICA_LSN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WORKER_LEASE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().default('Một Cửa <no-reply@motcua.local>'),
  SMS_GATEWAY_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  FORM_TEMPLATE_SET: z.enum(['tt01-2018', 'tt03-2025']).optional(),
  FORM_SET_TT03_2025_FROM: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+07:00`)), 'must be a real date')
    .default('2025-11-01'),
  LOOKUP_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000_000).default(120),
  MESSAGES_PER_DESTINATION_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(20),
  UPLOAD_QUOTA_MB_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(200),
  UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  LOOKUP_GLOBAL_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000_000).default(3000),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), 'must be comma-separated IP addresses or CIDR ranges'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SIGNING_KEYS_DIR: z.string().min(1).optional(),
  SIGNING_KEY_PASSPHRASE: z.string().default('motcua-demo'),
  SIGNING_DEMO_KEYS: z.enum(['true', 'false']).optional(),
  REMOTE_SIGNING_URL: z.url().optional(),
  REMOTE_SIGNING_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  VERIFY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000_000).default(30),
  PAYMENT_GATEWAY_URL: z.url().optional(),
  PAYMENT_MERCHANT_ID: z.string().min(1).max(64).default('MOTCUA-DEMO'),
  PAYMENT_GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  POSTAL_SERVICE_URL: z.url().optional(),
  POSTAL_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  FEEDBACK_ANSWER_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  RATING_LINK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  NATIONAL_PORTAL_URL: z.url().optional(),
  NATIONAL_PORTAL_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SMS_INBOUND_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SMS_LOOKUP_KEYWORD: z
    .string()
    .regex(/^[A-Za-z]{2,10}$/, 'letters only, 2 to 10')
    .default('HS'),
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or end with / (e.g. motcua/)')
    .default(''),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_SCHEDULE: z.enum(['on', 'off']).default('on'),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).max(3650).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(1).max(520).default(8),
  /** Where backup sets go: a directory, or the S3 bucket (the default when FILE_STORE=s3). */
  BACKUP_TARGET: z.enum(['dir', 's3']).optional(),
  BACKUP_S3_BUCKET: z.string().min(3).max(63).optional(),
  BACKUP_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)+$/, 'must end with / (e.g. motcua-backups/)')
    .optional(),
});

/** An IPv4/IPv6 address, or one with a prefix length (10.0.0.0/8, fd00::/8). */
function isAddressOrCidr(s: string): boolean {
  const [addr = '', prefix, ...rest] = s.split('/');
  const family = isIP(addr);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /**
   * A streaming replica for lookup, search, reports and dashboards (ADR 0030); PostgreSQL only, so unset on PGlite.
   * `lsnSecret` signs the read-your-own-writes cookie (unset: a random key per process).
   */
  replica: { url: string; maxLagMs: number; lsnSecret: string | undefined } | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  role: 'all' | 'api' | 'worker';
  seedDemo: boolean;
  workerPollMs: number;
  workerConcurrency: number;
  /** How long a claimed job is held before another worker may take it again (its worker died or hangs). */
  workerLeaseMs: number;
  shutdownTimeoutMs: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  smsGatewayUrl: string | undefined;
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
  /** Pins the official form set (TT 01/2018 or TT 03/2025); unset = chosen by the receipt date. */
  formTemplateSet: 'tt01-2018' | 'tt03-2025' | undefined;
  /** 00:00 (Vietnam) of the first day the TT 03/2025 forms apply when no set is pinned (see documents/templates.ts). */
  formSetTt03From: Date;
  /** Public dossier lookups per IP per minute. */
  lookupRateLimit: number;
  /** Emails/SMS to one address per 24 hours, per sending module (accounts, dossiers); more are not sent. */
  messagesPerDestinationPerDay: number;
  /** Per person, counted in the database: bytes accepted in any 24 hours, upload attempts in any minute. */
  uploadLimits: { bytesPerDay: number; perMinute: number };
  /** Public dossier lookups per minute from all addresses together (every process counts in the database). */
  lookupGlobalRateLimit: number;
  /** Peers whose X-Forwarded-For is believed (addresses or CIDR ranges); empty = the socket address is the client. */
  trustedProxies: string[];
  /** Bearer token that /metrics requires; unset = /metrics answers 404. */
  metricsToken: string | undefined;
  /**
   * Result signatures (issue 15): PKCS#12 per agency in `keysDir` (`<agency-code>.p12`, CA certificates trusted by
   * verification in `keysDir/trusted/*.pem`); `demoKeys` makes a demo CA and missing agency keys on first use;
   * `remote` signs through a remote-signing service (HMAC-authenticated) instead of the local files.
   */
  signing: {
    keysDir: string;
    passphrase: string;
    demoKeys: boolean;
    remote: { url: string; secret: string } | undefined;
  };
  /** Public result verifications per IP per minute. */
  verifyRateLimit: number;
  /**
   * The online payment gateway and the postal service (issue 15). Without a URL the local simulators served by this
   * server under /gateway-sim and /postal-sim are used, with a demo secret; with a URL its secret is required.
   */
  paymentGateway: { url: string | undefined; merchantId: string; secret: string };
  postalService: { url: string | undefined; secret: string };
  /**
   * Feedback (issue 16): working days to answer (5 by the province's rules; the national system allows longer) and
   * the key that signs the satisfaction-rating links sent with returned results.
   */
  feedback: { answerDays: number; ratingSecret: string };
  /** Unset url: the local simulator under /portal-sim (ADR 0027). */
  nationalPortal: { url: string | undefined; secret: string };
  smsInbound: { secret: string; keyword: string };
  /** Where attachments and documents are kept (ADR 0028): the local disk under DATA_DIR, or an S3-compatible bucket. */
  fileStore: { kind: 'local' } | ({ kind: 's3' } & S3StoreConfig);
  /** The S3 settings when S3_BUCKET and the keys are set (also with FILE_STORE=local, for `motcua files migrate`). */
  s3: S3StoreConfig | undefined;
  /**
   * Scheduled backups (004 Đ8.8 daily, 001 Đ19.6.b weekly) with the files, into `dir` (a local or mounted disk);
   * `keepDaily`/`keepWeekly` sets of each kind are kept. `schedule: false` leaves scheduling to the operator.
   */
  backups: {
    dir: string;
    schedule: boolean;
    keepDaily: number;
    keepWeekly: number;
    /** Set: the sets go straight into this bucket and prefix instead of `dir` (BACKUP_TARGET, ADR 0028). */
    s3?: S3StoreConfig | undefined;
  };
};

const DEMO_GATEWAY_SECRET = 'motcua-demo-gateway-secret';
const DEMO_POSTAL_SECRET = 'motcua-demo-postal-secret';
const DEMO_RATING_SECRET = 'motcua-demo-rating-link-secret';
const DEMO_PORTAL_SECRET = 'motcua-demo-national-portal-secret';
const DEMO_SMS_SECRET = 'motcua-demo-sms-inbound-secret';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PAYMENT_GATEWAY_URL && !e.PAYMENT_GATEWAY_SECRET)
    throw new ConfigError(
      'Invalid configuration:\n  PAYMENT_GATEWAY_SECRET: required with PAYMENT_GATEWAY_URL',
    );
  if (e.NATIONAL_PORTAL_URL && !e.NATIONAL_PORTAL_SECRET)
    throw new ConfigError(
      'Invalid configuration:\n  NATIONAL_PORTAL_SECRET: required with NATIONAL_PORTAL_URL',
    );
  if (e.POSTAL_SERVICE_URL && !e.POSTAL_WEBHOOK_SECRET)
    throw new ConfigError(
      'Invalid configuration:\n  POSTAL_WEBHOOK_SECRET: required with POSTAL_SERVICE_URL',
    );
  if (e.FILE_STORE === 's3' && !(e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY))
    throw new ConfigError(
      'Invalid configuration:\n  S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required with FILE_STORE=s3',
    );
  if (e.BACKUP_TARGET === 's3' && !(e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY))
    throw new ConfigError(
      'Invalid configuration:\n  S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required with BACKUP_TARGET=s3',
    );
  const s3: S3StoreConfig | undefined =
    e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? {
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          bucket: e.S3_BUCKET,
          prefix: e.S3_PREFIX,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
        }
      : undefined;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three or none',
    );
  }
  if (Boolean(e.REMOTE_SIGNING_URL) !== Boolean(e.REMOTE_SIGNING_SECRET)) {
    throw new ConfigError(
      'Invalid configuration:\n  REMOTE_SIGNING_URL, REMOTE_SIGNING_SECRET: set both or neither',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    // Ignored on PGlite: an embedded database has no replica.
    replica:
      e.DATABASE_URL && e.DATABASE_REPLICA_URL
        ? { url: e.DATABASE_REPLICA_URL, maxLagMs: e.REPLICA_MAX_LAG_MS, lsnSecret: e.REPLICA_LSN_SECRET }
        : undefined,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    role: e.ROLE,
    seedDemo: e.SEED_DEMO === 'true',
    workerPollMs: e.WORKER_POLL_MS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    workerLeaseMs: e.WORKER_LEASE_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
        : undefined,
    formTemplateSet: e.FORM_TEMPLATE_SET,
    formSetTt03From: vnInstant(e.FORM_SET_TT03_2025_FROM),
    lookupRateLimit: e.LOOKUP_RATE_LIMIT,
    messagesPerDestinationPerDay: e.MESSAGES_PER_DESTINATION_PER_DAY,
    uploadLimits: {
      bytesPerDay: e.UPLOAD_QUOTA_MB_PER_DAY * 1024 * 1024,
      perMinute: e.UPLOAD_RATE_PER_MINUTE,
    },
    lookupGlobalRateLimit: e.LOOKUP_GLOBAL_RATE_LIMIT,
    trustedProxies: e.TRUSTED_PROXIES,
    metricsToken: e.METRICS_TOKEN,
    signing: {
      keysDir: path.resolve(e.SIGNING_KEYS_DIR ?? path.join(e.DATA_DIR, 'keys')),
      passphrase: e.SIGNING_KEY_PASSPHRASE,
      demoKeys: (e.SIGNING_DEMO_KEYS ?? e.SEED_DEMO) === 'true',
      remote:
        e.REMOTE_SIGNING_URL && e.REMOTE_SIGNING_SECRET
          ? { url: e.REMOTE_SIGNING_URL, secret: e.REMOTE_SIGNING_SECRET }
          : undefined,
    },
    verifyRateLimit: e.VERIFY_RATE_LIMIT,
    paymentGateway: {
      url: e.PAYMENT_GATEWAY_URL?.replace(/\/$/, ''),
      merchantId: e.PAYMENT_MERCHANT_ID,
      secret: e.PAYMENT_GATEWAY_SECRET ?? DEMO_GATEWAY_SECRET,
    },
    postalService: {
      url: e.POSTAL_SERVICE_URL?.replace(/\/$/, ''),
      secret: e.POSTAL_WEBHOOK_SECRET ?? DEMO_POSTAL_SECRET,
    },
    feedback: {
      answerDays: e.FEEDBACK_ANSWER_DAYS,
      ratingSecret: e.RATING_LINK_SECRET ?? DEMO_RATING_SECRET,
    },
    nationalPortal: {
      url: e.NATIONAL_PORTAL_URL?.replace(/\/$/, ''),
      secret: e.NATIONAL_PORTAL_SECRET ?? DEMO_PORTAL_SECRET,
    },
    smsInbound: {
      secret: e.SMS_INBOUND_SECRET ?? DEMO_SMS_SECRET,
      keyword: e.SMS_LOOKUP_KEYWORD.toUpperCase(),
    },
    fileStore: e.FILE_STORE === 's3' && s3 ? { kind: 's3', ...s3 } : { kind: 'local' },
    s3,
    backups: {
      dir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
      schedule: e.BACKUP_SCHEDULE === 'on',
      keepDaily: e.BACKUP_KEEP_DAILY,
      keepWeekly: e.BACKUP_KEEP_WEEKLY,
      s3:
        (e.BACKUP_TARGET ?? (e.FILE_STORE === 's3' ? 's3' : 'dir')) === 's3' && s3
          ? {
              ...s3,
              bucket: e.BACKUP_S3_BUCKET ?? s3.bucket,
              prefix: e.BACKUP_S3_PREFIX ?? `${s3.prefix}backups/`,
            }
          : undefined,
    },
  };
}
