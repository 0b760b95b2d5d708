import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Two API processes and one worker, each the real entry point (`server/src/main.ts` with ROLE=api|worker) over one
 * PostgreSQL database, started, SIGKILLed and restarted by the soak. A small TCP proxy in front of the APIs is the
 * PUBLIC_URL (the worker reaches the national-portal simulator through it, as a reverse proxy would).
 */
const root = path.resolve(import.meta.dirname, '../..');

export type Role = 'api-1' | 'api-2' | 'worker';
export const ROLES: readonly Role[] = ['api-1', 'api-2', 'worker'];

export async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Runs the `motcua` command line (migrate, seed) to its end. */
export async function motcua(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ['server/bin/motcua.mjs', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`motcua ${args.join(' ')} exited with ${code}`);
}

export class Cluster {
  readonly ports: Record<'api-1' | 'api-2' | 'proxy', number>;
  private children = new Map<Role, ChildProcess>();
  private proxy: net.Server | undefined;
  private stopping = false;
  readonly starts: Record<Role, number> = { 'api-1': 0, 'api-2': 0, worker: 0 };
  /** Exits nobody asked for (a crash rather than our SIGKILL), with their code. */
  readonly unexpectedExits: string[] = [];
  /** Seconds from each API start to its first healthy answer. */
  readonly bootSeconds: number[] = [];

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    ports: { api1: number; api2: number; proxy: number },
    private readonly logDir: string,
  ) {
    this.ports = { 'api-1': ports.api1, 'api-2': ports.api2, proxy: ports.proxy };
  }

  get apiUrls(): string[] {
    return [`http://127.0.0.1:${this.ports['api-1']}`, `http://127.0.0.1:${this.ports['api-2']}`];
  }

  start(role: Role): void {
    const env = {
      ...this.env,
      ROLE: role === 'worker' ? 'worker' : 'api',
      ...(role === 'worker' ? {} : { PORT: String(this.ports[role]) }),
    };
    this.starts[role] += 1;
    const log = fs.openSync(path.join(this.logDir, `${role}.log`), 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    child.once('exit', (code, signal) => {
      if (this.children.get(role) === child) this.children.delete(role);
      if (!this.stopping && signal !== 'SIGKILL')
        this.unexpectedExits.push(`${role} exited (code ${code}, signal ${signal})`);
    });
    this.children.set(role, child);
    if (role !== 'worker') void this.timeBoot(role, child);
  }

  private async timeBoot(role: 'api-1' | 'api-2', child: ChildProcess): Promise<void> {
    const t0 = performance.now();
    while (this.children.get(role) === child && child.exitCode === null && child.signalCode === null) {
      const ok = await fetch(`http://127.0.0.1:${this.ports[role]}/api/health`, {
        signal: AbortSignal.timeout(5_000),
      }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        this.bootSeconds.push((performance.now() - t0) / 1000);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** SIGKILL, wait for the exit, start again at once. */
  async kill(role: Role): Promise<void> {
    const child = this.children.get(role);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    this.start(role);
  }

  /** Every API answers /api/health (the worker is checked by the queue draining). */
  async waitHealthy(timeoutMs = 300_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (const url of this.apiUrls) {
      for (;;) {
        const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > until) throw new Error(`${url} did not become healthy`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** Forwards each connection to the first API that accepts it. */
  async startProxy(): Promise<void> {
    const targets = [this.ports['api-1'], this.ports['api-2']];
    let turn = 0;
    this.proxy = net.createServer((client) => {
      client.on('error', () => client.destroy());
      const attempt = (n: number) => {
        if (n >= targets.length * 4) return client.destroy();
        const upstream = net.connect(targets[turn++ % targets.length]!, '127.0.0.1');
        let connected = false;
        upstream.once('connect', () => {
          connected = true;
          client.pipe(upstream).pipe(client);
        });
        upstream.on('error', () => {
          if (connected) client.destroy();
          else setTimeout(() => attempt(n + 1), 100);
        });
      };
      attempt(0);
    });
    await new Promise<void>((r) => this.proxy!.listen(this.ports.proxy, '127.0.0.1', r));
  }

  /** SIGTERM to every process (a graceful stop), SIGKILL after 30 s; closes the proxy. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await new Promise((r) => (this.proxy ? this.proxy.close(r) : r(undefined)));
  }
}
