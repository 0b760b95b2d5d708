/**
 * The soak's HTTP side: a client per virtual user (its own cookies and CSRF token, round-robin over the API
 * processes), retrying a request cut off by a killed process on the next process, and the figures of every attempt.
 */

/** Latencies (ms) of answered requests and the count of every outcome, per request kind. */
export class Metrics {
  readonly latencies = new Map<string, number[]>();
  readonly outcomes = new Map<string, Map<string, number>>();

  record(kind: string, outcome: string, ms: number | null): void {
    if (ms !== null) {
      const list = this.latencies.get(kind) ?? [];
      list.push(ms);
      this.latencies.set(kind, list);
    }
    const byOutcome = this.outcomes.get(kind) ?? new Map<string, number>();
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
    this.outcomes.set(kind, byOutcome);
  }
}

/** The q-quantile (0..1) of a list by the nearest-rank method; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** `attempts` > 1: an earlier attempt was cut off (it may have taken effect). */
export type Answer<T = unknown> = { status: number; body: T; code: string | undefined; attempts: number };

/** Raised when a request kept failing (network errors or 5xx) until its retry budget ran out. */
export class GaveUp extends Error {}

export type RequestOptions = {
  body?: unknown;
  raw?: { bytes: Uint8Array; fileName: string };
  headers?: Record<string, string>;
  /** Retry network errors and 5xx on the next process until this many ms have passed (0: one attempt). */
  retryForMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Client {
  private cookies = new Map<string, string>();
  private next: number;

  constructor(
    private readonly bases: readonly string[],
    private readonly metrics: Metrics,
    start = 0,
  ) {
    this.next = start % bases.length;
  }

  get loggedIn(): boolean {
    return this.cookies.has('mc_session');
  }

  async request<T>(
    kind: string,
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<Answer<T>> {
    const until = Date.now() + (opts.retryForMs ?? 60_000);
    for (let attempt = 0; ; attempt++) {
      const base = this.bases[this.next]!;
      this.next = (this.next + 1) % this.bases.length;
      const headers: Record<string, string> = { ...opts.headers };
      if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const csrf = this.cookies.get('mc_csrf');
      if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
      let body: string | Uint8Array | undefined;
      if (opts.raw) {
        headers['content-type'] = 'application/octet-stream';
        headers['x-file-name'] = encodeURIComponent(opts.raw.fileName);
        body = opts.raw.bytes;
      } else if (opts.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.body);
      }
      const t0 = performance.now();
      let failure: string;
      try {
        const res = await fetch(`${base}${path}`, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const ms = performance.now() - t0;
        for (const c of res.headers.getSetCookie()) {
          const [pair = ''] = c.split(';');
          const eq = pair.indexOf('=');
          if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
        }
        let json: unknown = text;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON (a PDF, an HTML error page) */
        }
        const code = (json as { code?: unknown } | null)?.code;
        const answer = {
          status: res.status,
          body: json as T,
          code: typeof code === 'string' ? code : undefined,
          attempts: attempt + 1,
        };
        this.metrics.record(kind, res.status < 300 ? 'ok' : refusal(res.status, json), ms);
        if (res.status < 500) return answer;
        failure = `${res.status}`;
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        failure = cause ?? (err as Error).name ?? 'network';
        this.metrics.record(kind, `network ${failure}`, null);
      }
      if (Date.now() >= until) throw new GaveUp(`${kind} ${method} ${path}: ${failure}`);
      // Another process answers at once; when both are down (restarting), back off a little.
      await sleep(attempt % this.bases.length === this.bases.length - 1 ? 250 : 0);
    }
  }

  /** Logs in (email, phone or staff user name); the person's id. */
  async login(login: string, password: string): Promise<string> {
    const r = await this.request<{ id: string }>('login', 'POST', '/api/auth/login', {
      body: { login, password },
    });
    if (r.status !== 200) throw new Error(`login ${login}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  }
}

/**
 * "400 BAD_REQUEST (Yêu cầu không hợp lệ: …)": the status, the error code and the server's message, which names the
 * reason (the error shape is {code, message}).
 */
function refusal(status: number, json: unknown): string {
  const { code, message } = (json ?? {}) as { code?: unknown; message?: unknown };
  return [status, typeof code === 'string' ? code : '', typeof message === 'string' ? `(${message})` : '']
    .filter(Boolean)
    .join(' ');
}
