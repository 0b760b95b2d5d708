import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/harness';
import { BATCH_FROM, HitCounter } from './hit-counter';
import { readHits } from './rate-limit';

describe('hit counter: exact for small budgets, batched per process for large ones', async () => {
  const db = await createTestDb();
  const t0 = new Date('2026-11-30T03:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('below BATCH_FROM every hit is in the shared count at once', async () => {
    const one = new HitCounter(db.kysely);
    const two = new HitCounter(db.kysely);
    expect((await one.hit('t|small', 60_000, 10, t0)).hits).toBe(1);
    expect((await two.hit('t|small', 60_000, 10, t0)).hits).toBe(2);
    expect((await readHits(db.kysely, 't|small', t0)).hits).toBe(2);
  });

  it('from BATCH_FROM a process counts locally and adds its hits to the shared count when it flushes', async () => {
    const one = new HitCounter(db.kysely);
    const two = new HitCounter(db.kysely);
    for (let i = 1; i <= 5; i++) expect((await one.hit('t|big', 60_000, BATCH_FROM, at(i))).hits).toBe(i);
    expect((await readHits(db.kysely, 't|big', at(10))).hits).toBe(0); // not written per hit
    await one.flush();
    expect((await readHits(db.kysely, 't|big', at(10))).hits).toBe(5);
    for (let i = 1; i <= 3; i++) await two.hit('t|big', 60_000, BATCH_FROM, at(20));
    await two.flush();
    // Each process sees the others' hits from its next flush on.
    expect((await two.hit('t|big', 60_000, BATCH_FROM, at(30))).hits).toBe(9);
    await one.flush();
    expect((await one.hit('t|big', 60_000, BATCH_FROM, at(40))).hits).toBe(6);
    await two.flush();
    await one.flush();
    expect((await one.hit('t|big', 60_000, BATCH_FROM, at(50))).hits).toBe(11);
  });

  it('a window that ends starts again from the next hit, locally and in the database', async () => {
    const c = new HitCounter(db.kysely);
    await c.hit('t|window', 1000, BATCH_FROM, t0);
    await c.flush();
    expect((await c.hit('t|window', 1000, BATCH_FROM, at(1000))).hits).toBe(1);
    await c.flush();
    expect((await readHits(db.kysely, 't|window', at(1500))).hits).toBe(1);
  });
});
