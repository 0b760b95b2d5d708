import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A real streaming pair for tests (ADR 0030): a small primary made with initdb on a free port (wal_level=replica, a
 * replication line in its own pg_hba.conf), and a replica made from it with `pg_basebackup -R` on another port. The
 * machine's own server and its configuration are not touched. PostgreSQL refuses to run as root, so as root the
 * commands run as the `postgres` OS user, in a temporary directory it owns.
 */
export type PgPair = {
  primaryUrl: (db?: string) => string;
  replicaUrl: (db?: string) => string;
  /** Stops the replica's server (fast shutdown: its connections are closed). */
  stopReplica(): Promise<void>;
  /** Stops both servers and removes the directory; safe to call after a failure, and twice. */
  destroy(): Promise<void>;
};

/** The directory of initdb, pg_ctl and pg_basebackup: PG_BIN_DIR, or the newest /usr/lib/postgresql/<n>/bin. */
export function postgresBinDir(): string | null {
  const given = process.env.PG_BIN_DIR;
  if (given) return fs.existsSync(path.join(given, 'initdb')) ? given : null;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'pg_basebackup')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until a server on `port` answers a query (or `timeoutMs` passes): no fixed sleeps on a loaded machine. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last: unknown;
  for (let delay = 20; performance.now() < deadline; delay = Math.min(delay * 2, 250)) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, delay));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export async function sqlOn<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

export async function startPgPair(binDir: string): Promise<PgPair> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-replica-'));
  // libfaketime (the CI runs the suite under it) must not reach the servers: each would start its own fake clock.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME') && !k.startsWith('PG'),
    ),
  );
  const pgRun = (cmd: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(binDir, cmd), ...args], { env, cwd: dir })
      : run(path.join(binDir, cmd), args, { env, cwd: dir });
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const started: string[] = [];

  const stop = async (dataDir: string, mode: 'fast' | 'immediate') => {
    if (!fs.existsSync(path.join(dataDir, 'postmaster.pid'))) return;
    try {
      await pgRun('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    } catch {
      // pg_ctl failed: end the postmaster we started by its own pid.
      const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  };
  let destroyed: Promise<void> | undefined;
  const destroy = () =>
    (destroyed ??= (async () => {
      for (const d of started.reverse()) await stop(d, 'immediate');
      fs.rmSync(dir, { recursive: true, force: true });
    })());

  try {
    if (asRoot) await run('chown', ['postgres:postgres', dir]);
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    await pgRun('initdb', [
      '-D',
      primaryDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '-N',
    ]);
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${dir}'`,
        `wal_level = replica`,
        `max_wal_senders = 4`,
        `hot_standby = on`,
        `fsync = off`,
        `full_page_writes = off`,
        `shared_buffers = 32MB`,
        `max_connections = 40`,
        '',
      ].join('\n'),
    );
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    const startServer = async (dataDir: string, port: number) => {
      started.push(dataDir);
      // -w: pg_ctl polls until the server accepts connections (a standby: once it is consistent).
      await pgRun('pg_ctl', [
        '-D',
        dataDir,
        '-l',
        path.join(dir, `${path.basename(dataDir)}.log`),
        '-o',
        `-p ${port}`,
        '-w',
        '-t',
        '60',
        'start',
      ]);
    };
    await startServer(primaryDir, primaryPort);
    const primaryUrl = (db = 'postgres') => `postgres://postgres@127.0.0.1:${primaryPort}/${db}`;
    const replicaUrl = (db = 'postgres') => `postgres://postgres@127.0.0.1:${replicaPort}/${db}`;
    await waitUntil('the primary', async () => (await sqlOn(primaryUrl(), 'SELECT 1 AS ok'))[0]);
    await sqlOn(primaryUrl(), 'CREATE DATABASE motcua');
    await pgRun('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '-N',
    ]);
    await startServer(replicaDir, replicaPort);
    await waitUntil('the replica to stream', async () => {
      const [row] = await sqlOn<{ streaming: boolean }>(
        replicaUrl(),
        `SELECT pg_is_in_recovery() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') AS streaming`,
      );
      return row?.streaming ? true : undefined;
    });
    return {
      primaryUrl,
      replicaUrl,
      stopReplica: () => stop(replicaDir, 'fast'),
      destroy,
    };
  } catch (err) {
    const logs = ['primary.log', 'replica.log']
      .map((f) => path.join(dir, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => `${path.basename(f)}:\n${fs.readFileSync(f, 'utf8').slice(-2000)}`)
      .join('\n');
    await destroy();
    throw new Error(`could not set up the streaming pair: ${String(err)}\n${logs}`, { cause: err });
  }
}
