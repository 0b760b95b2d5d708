import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/harness';
import { judgeProbes, PROBE_SAMPLE, PROBE_WINDOW_MS, RUN_ALERT } from './lookup-probing';
import { PROBE_KEEP_MS, ProbeWatch, SWEEP_EVERY } from './lookup-watch';

describe('lookup probe watch: no database write per lookup, shared between processes at each flush', async () => {
  const db = await createTestDb();
  const t0 = new Date('2026-11-30T03:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const code = (n: number) => `000.00.15.H99-261130-${String(n).padStart(4, '0')}`;
  const stored = async (ip: string) =>
    (
      await db.kysely
        .selectFrom('lookup_probes')
        .select(['code', 'found'])
        .where('client_ip', '=', ip)
        .orderBy('code')
        .execute()
    ).map((r) => r.code);

  it('keeps lookups in memory and writes them all in one statement when it flushes', async () => {
    const w = new ProbeWatch(db.kysely);
    const ip = '198.51.100.1';
    for (let n = 1; n <= 3; n++) await w.record(ip, code(n), true, at(n));
    expect(await stored(ip)).toEqual([]);
    const { recent } = await w.record(ip, code(2), false, at(4));
    // A code seen again moves last and takes its latest answer.
    expect(recent).toEqual([
      { code: code(1), found: true },
      { code: code(3), found: true },
      { code: code(2), found: false },
    ]);
    await w.flush(at(5));
    expect(await stored(ip)).toEqual([code(1), code(2), code(3)]);
  });

  it('a walk spread over two processes is seen from the flush after it crossed', async () => {
    const one = new ProbeWatch(db.kysely);
    const two = new ProbeWatch(db.kysely);
    const ip = '198.51.100.2';
    for (let n = 1; n <= 3; n++) await one.record(ip, code(100 + n), false, at(n));
    for (let n = 4; n <= 5; n++) await two.record(ip, code(100 + n), false, at(n));
    await one.flush(at(6));
    await two.flush(at(6));
    const { recent } = await two.record(ip, code(106), false, at(7));
    expect(recent.map((p) => p.code)).toEqual([101, 102, 103, 104, 105, 106].map(code));
    expect(judgeProbes(recent)).toMatchObject({ reason: 'sequential', longestRun: RUN_ALERT });
  });

  it('an address new to a process starts from what the database holds of it: its latest codes in the window', async () => {
    const ip = '198.51.100.3';
    const before = new ProbeWatch(db.kysely);
    await before.record(ip, code(200), true, at(-PROBE_WINDOW_MS - 1)); // out of the window by the next lookup
    for (let n = 1; n <= PROBE_SAMPLE + 5; n++) await before.record(ip, code(200 + n), true, at(n));
    await before.flush(at(PROBE_SAMPLE + 10));
    const after = new ProbeWatch(db.kysely); // a restarted process
    const { recent } = await after.record(ip, code(999), true, at(PROBE_SAMPLE + 20));
    expect(recent).toHaveLength(PROBE_SAMPLE + 1);
    expect(recent[0]!.code).toBe(code(200 + 6));
    expect(recent.at(-1)!.code).toBe(code(999));
  });

  it('forgets an address once it has been quiet for a whole window', async () => {
    const w = new ProbeWatch(db.kysely);
    const ip = '198.51.100.4';
    await w.record(ip, code(300), false, at(0));
    await w.flush(at(1));
    await db.kysely.deleteFrom('lookup_probes').where('client_ip', '=', ip).execute();
    await w.flush(at(PROBE_WINDOW_MS + 2));
    // Forgotten: the next lookup reads the database again, which no longer has the old code.
    const { recent } = await w.record(ip, code(301), false, at(PROBE_WINDOW_MS + 3));
    expect(recent.map((p) => p.code)).toEqual([code(301)]);
  });

  it(`every ${SWEEP_EVERY} lookups, the flush deletes the rows of lookups older than a day`, async () => {
    const old = '198.51.100.5';
    await db.kysely
      .insertInto('lookup_probes')
      .values({ client_ip: old, code: code(400), found: true, last_at: at(-PROBE_KEEP_MS - 1) })
      .execute();
    const w = new ProbeWatch(db.kysely);
    for (let n = 0; n < SWEEP_EVERY - 1; n++) await w.record('198.51.100.6', code(n % 5000), true, at(n));
    await w.flush(at(SWEEP_EVERY));
    expect(await stored(old)).toEqual([code(400)]);
    await w.record('198.51.100.6', code(401), true, at(SWEEP_EVERY + 1));
    await w.flush(at(SWEEP_EVERY + 2));
    expect(await stored(old)).toEqual([]);
  });
});
