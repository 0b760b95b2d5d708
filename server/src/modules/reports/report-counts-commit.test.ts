import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { detail, intakeFixture } from '../dossiers/dossiers.test-helpers';
import { rawCounts, rollupMismatches, storedCounts } from './reports.check';

// Issue 12: every submission to an agency on a day adds to the same count rows. They are counted at commit, so a
// submission in progress holds no lock on them and never queues the next one to the same agency behind it.
describe('report counts are taken at commit (issue 12)', async () => {
  const f = await intakeFixture();

  it('a submission commits while another transaction holds an uncommitted dossier of the same agency and day', async () => {
    const first = detail(await f.submit(f.citizenA), 201);
    if (f.db.engine === 'pglite') {
      // One session: no second transaction to wait on; the counts must still move with each dossier.
      detail(await f.submit(f.citizenB), 201);
      expect(await storedCounts(f.db.kysely)).toEqual(await rawCounts(f.db.kysely));
      return;
    }
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const open = new Promise<void>((r) => (inserted = r));
    // Moving the first dossier to another channel takes 1 from the count row the next submission adds 1 to; the
    // change stays uncommitted until released, then is rolled back.
    const other = f.db.kysely
      .transaction()
      .execute(async (trx) => {
        await sql`UPDATE dossiers SET channel = 'post' WHERE id = ${first.id}`.execute(trx);
        inserted();
        await held;
        throw new Error('rolled back');
      })
      .catch((err: Error) => err.message);
    await open;
    const timeout = new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 15_000));
    const outcome = await Promise.race([f.submit(f.citizenB).then((r) => r.statusCode), timeout]);
    release();
    expect(await other).toBe('rolled back');
    expect(outcome).toBe(201);
    expect(await storedCounts(f.db.kysely)).toEqual(await rawCounts(f.db.kysely));
    expect(await rollupMismatches(f.db.kysely)).toBe(0);
  }, 60_000);
});
