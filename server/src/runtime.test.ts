import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDb } from './test/harness';

const serverDir = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('process lifecycle', () => {
  it('stops cleanly on SIGTERM during requests: every answered request succeeded, exit code 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-sigterm-'));
    const port = await freePort();
    // On PostgreSQL the server gets a database of its own, created (and dropped) by the harness.
    const databaseUrl = process.env.TEST_DATABASE_URL ? (await createTestDb()).url : undefined;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    // A loaded 2-core machine can take well over 20 s to start tsx and migrate: wait up to a minute, then say so.
    let started = false;
    for (let i = 0; i < 600 && !started; i++) {
      started = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!started) await new Promise((r) => setTimeout(r, 100));
    }
    expect(started, 'the server answered /api/health within a minute').toBe(true);
    const outcomes: string[] = [];
    const load = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 400; i++) {
        try {
          const res = await fetch(`${base}/api/health`);
          outcomes.push(res.status === 200 ? 'ok' : `status ${res.status}`);
          if (res.status !== 200) return;
        } catch {
          outcomes.push('refused');
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await Promise.all(load);
    expect(await exited).toBe(0);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(0);
    // A request is either answered successfully, refused before it was accepted, or told 503 while closing — never cut off with a 500.
    expect(outcomes.filter((o) => o !== 'ok' && o !== 'refused' && o !== 'status 503')).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 150_000);
});
