import type { FastifyInstance, InjectOptions } from 'fastify';
import { pino } from 'pino';
import type { AppDeps } from '../../http/context';
import type { Db } from '../../db/client';
import { jobRegistry } from '../registry';
import { Worker } from '../../jobs/queue';

let ipCounter = 1;
/** Each simulated client gets its own address, so per-address limits of one test do not leak into the next. */
export const nextIp = () => `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

/** A browser-like client: keeps cookies and echoes the CSRF cookie, as web/src/lib/api.ts does. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly app: FastifyInstance,
    readonly ip = nextIp(),
  ) {}

  async req(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('mc_csrf');
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone =
        c.value === '' ||
        (c.expires && c.expires.getTime() < this.app.deps.clock.now().getTime()) ||
        c.maxAge === 0;
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get = (url: string) => this.req('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.req('POST', url, body ?? {}, headers);

  async login(login: string, password: string) {
    const res = await this.post('/api/auth/login', { login, password });
    if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.body}`);
    return res;
  }
}

/** A worker on the app's clock: it runs what is due at the test's `now`. */
export function worker({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return new Worker(db, jobRegistry(), { pollMs: 50, concurrency: 2, log: pino({ level: 'silent' }), clock });
}

/** Delivers queued messages, then reads the newest code sent to `to` from the local gateway. */
export async function latestCode(deps: Pick<AppDeps, 'db' | 'clock'>, to: string): Promise<string> {
  const { db } = deps;
  await worker(deps).drain();
  const row = await db.kysely
    .selectFrom('local_outbox')
    .select('body')
    .where('recipient', '=', to)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const code = /\b(\d{6})\b/.exec(row?.body ?? '')?.[1];
  if (!code) throw new Error(`no code was sent to ${to}`);
  return code;
}

export async function auditActions(db: Db, targetId?: string): Promise<string[]> {
  let q = db.kysely.selectFrom('audit_log').select('action').orderBy('seq');
  if (targetId) q = q.where('target_id', '=', targetId);
  return (await q.execute()).map((r) => r.action);
}
