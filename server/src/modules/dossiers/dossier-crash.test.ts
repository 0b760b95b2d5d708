import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { pngBytes } from '../../files/files.fixtures';
import { actor, asActor, createTestDb } from '../../test/harness';

const serverDir = path.resolve(import.meta.dirname, '../../..');
const onPostgres = !!process.env.TEST_DATABASE_URL;
if (!onPostgres)
  console.info(
    'dossier-crash.test.ts: skipped — set TEST_DATABASE_URL to run the SIGKILL test on PostgreSQL',
  );

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

function startServer(port: number, dataDir: string, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/test/intake-server.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitHealthy(base: string): Promise<void> {
  // Each start migrates and seeds the demo data on a fresh database: over a minute on a busy 2-core CI machine.
  for (let i = 0; i < 2400; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe.skipIf(!onPostgres)('crash safety of submissions (PostgreSQL)', () => {
  it('after SIGKILL mid-stream and a restart, every acknowledged submission exists exactly once', async () => {
    const db = await createTestDb();
    const url = (db as { url?: string }).url!;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const citizen = actor({
      kind: 'citizen',
      userId: '00000000-0000-4000-8000-0000000000ee',
      name: 'Pham Van Dung', // ASCII: the test actor travels in an HTTP header
    });
    const headers = asActor(citizen);

    let child = startServer(port, dataDir, url);
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await waitHealthy(base);
    const upload = async () => {
      const r = await fetch(`${base}/api/dossier-files`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': 'don.png' },
        body: pngBytes(),
      });
      expect(r.status).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };
    const [f1, f2] = [await upload(), await upload()];
    const body = JSON.stringify({
      procedureCode: '1.004227',
      applicant: {
        kind: 'citizen',
        name: 'Phạm Văn Dũng',
        idNumber: '099201009999',
        address: null,
        phone: null,
        email: null,
      },
      formData: { tenTrang: 'Trang Dũng', tenMien: 'dung.vn' },
      attachments: [
        { componentCode: 'don', fileIds: [f1] },
        { componentCode: 'quyet-dinh', fileIds: [f2] },
      ],
    });
    const submit = (key: string) =>
      fetch(`${base}/api/dossiers`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key },
        body,
      });

    const acknowledged = new Map<string, string>();
    const sent: string[] = [];
    let stop = false;
    const streams = Array.from({ length: 6 }, async (_, s) => {
      for (let i = 0; !stop; i++) {
        const key = `crash-${s}-${String(i).padStart(5, '0')}`;
        sent.push(key);
        try {
          const r = await submit(key);
          if (r.status !== 201) throw new Error(`status ${r.status}`);
          acknowledged.set(key, ((await r.json()) as { id: string }).id);
        } catch {
          return;
        }
      }
    });
    // Killed mid-stream once a few are acknowledged (a fixed wait saw none on a loaded machine).
    await vi.waitFor(() => expect(acknowledged.size).toBeGreaterThan(5), { timeout: 120_000, interval: 20 });
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(streams);
    expect(acknowledged.size).toBeGreaterThan(5);

    child = startServer(port, dataDir, url);
    await waitHealthy(base);
    try {
      // Each acknowledged dossier is there; retrying any key sent (acknowledged or cut off) never makes a second one.
      for (const [key, id] of acknowledged) {
        const r = await fetch(`${base}/api/dossiers/${id}`, { headers });
        expect(r.status).toBe(200);
        const again = await submit(key);
        expect(((await again.json()) as { id: string }).id).toBe(id);
      }
      for (const key of sent.filter((k) => !acknowledged.has(k)))
        expect((await submit(key)).status).toBe(201);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ n: string }>(
        'SELECT count(*) AS n FROM dossiers WHERE applicant_user_id = $1',
        [citizen.userId],
      );
      const keys = await c.query<{ n: string }>(
        `SELECT count(*) AS n FROM idempotency_keys WHERE key LIKE 'crash-%'`,
      );
      await c.end();
      expect(Number(rows[0]!.n)).toBe(sent.length);
      expect(Number(keys.rows[0]!.n)).toBe(sent.length);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 420_000);
});
