import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { backup, restore } from '../../db/backup';
import { createTestDb } from '../../test/harness';
import { partitionsCommand } from './event-partitions.cli';
import {
  detachPartition,
  ensurePartitions,
  listPartitions,
  monthOf,
  nextPartitionsRun,
} from './event-partitions';
import { detail, intakeFixture } from './dossiers.test-helpers';

// dossier_events partitioned by Vietnam month (issue 19, ADR 0029), on PGlite and on PostgreSQL alike.
describe('monthly partitions of dossier_events', async () => {
  const f = await intakeFixture();
  const k = f.db.kysely;
  const partitionOf = async (dossierId: string) =>
    (
      await sql<{ p: string }>`SELECT DISTINCT tableoid::regclass::text AS p FROM dossier_events
        WHERE dossier_id = ${dossierId}`.execute(k)
    ).rows.map((r) => r.p);

  it('the migration left a partitioned table with a default partition and the old triggers', async () => {
    const { rows } = await sql<{ relkind: string }>`SELECT relkind FROM pg_class
      WHERE oid = 'dossier_events'::regclass`.execute(k);
    expect(rows[0]!.relkind).toBe('p');
    const parts = await listPartitions(k);
    expect(parts.some((p) => p.month === null && p.name === 'dossier_events_default')).toBe(true);
    const triggers = await sql<{ tgname: string }>`SELECT tgname FROM pg_trigger
      WHERE tgrelid = 'dossier_events'::regclass AND NOT tgisinternal ORDER BY tgname`.execute(k);
    expect(triggers.rows.map((t) => t.tgname)).toEqual([
      'dossier_events_append_only',
      'dossier_events_report',
    ]);
  });

  it('ensure creates this month and three ahead once; events land in their month; triggers still run', async () => {
    const now = new Date('2031-01-15T03:00:00Z');
    const first = await ensurePartitions(f.db, now);
    expect(first).toEqual({
      created: [
        'dossier_events_2031_01',
        'dossier_events_2031_02',
        'dossier_events_2031_03',
        'dossier_events_2031_04',
      ],
      blocked: [],
    });
    expect(await ensurePartitions(f.db, now)).toEqual({ created: [], blocked: [] });

    // 1 February 00:30 Vietnam time is still 31 January in UTC: the Vietnam month decides.
    f.clock.set('2031-01-31T17:30:00Z');
    const d = detail(await f.submit(f.citizenA), 201);
    expect(await partitionOf(d.id)).toEqual(['dossier_events_2031_02']);
    expect(d.events.length).toBeGreaterThan(0);

    // The append-only guard and the reports trigger came across with the table.
    await expect(
      sql`UPDATE dossier_events SET reason = 'x' WHERE dossier_id = ${d.id}`.execute(k),
    ).rejects.toThrow();
    await sql`INSERT INTO dossier_events (dossier_id, seq, type, at, actor_type)
      VALUES (${d.id}, 99, 'supplement_requested', ${new Date('2031-02-03T03:00:00Z')}, 'staff')`.execute(k);
    const counted = await k
      .selectFrom('report_counts')
      .select('n')
      .where('measure', '=', 'supplement_requested')
      .where('day', '=', '2031-02-03')
      .executeTakeFirst();
    expect(counted?.n).toBe(1);
  });

  it('EXPLAIN: a query naming January–February touches only those two partitions', async () => {
    await ensurePartitions(f.db, new Date('2031-01-15T03:00:00Z'));
    const { rows } = await sql<Record<string, string>>`EXPLAIN SELECT count(*) FROM dossier_events
      WHERE at >= ${'2031-01-01T00:00:00+07:00'}::timestamptz AND at < ${'2031-03-01T00:00:00+07:00'}::timestamptz`.execute(
      k,
    );
    const plan = rows.map((r) => Object.values(r)[0]).join('\n');
    // Scan lines name a partition ("Seq Scan on <partition>", "Index Scan using <index> on <partition>") or, for a
    // bitmap scan, the partition's index ("Bitmap Index Scan on <partition>_at_idx").
    const named = [...plan.matchAll(/ on (dossier_events\w*)/g)].map((m) =>
      m[1]!.replace(/_(at_idx|pkey)$/, ''),
    );
    const touched = [...new Set(named)];
    expect(touched.sort()).toEqual(['dossier_events_2031_01', 'dossier_events_2031_02']);
  });

  it('a month whose rows sit in the default partition is reported, not created', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    await sql`INSERT INTO dossier_events (dossier_id, seq, type, at, actor_type)
      VALUES (${d.id}, 50, 'note', ${new Date('2033-06-10T03:00:00Z')}, 'staff')`.execute(k);
    const r = await ensurePartitions(f.db, new Date('2033-06-01T03:00:00Z'), 1);
    expect(r).toEqual({ created: ['dossier_events_2033_07'], blocked: ['dossier_events_2033_06'] });
  });

  it('detach: refused for the current month and while a dossier is open, then moved to the archive schema', async () => {
    const now = new Date('2031-06-10T03:00:00Z');
    expect(await detachPartition(f.db, '2031-06', now)).toEqual({ refused: 'not_found' });
    await ensurePartitions(f.db, now, 0);
    expect(await detachPartition(f.db, '2031-06', now)).toEqual({ refused: 'not_past' });
    expect(await detachPartition(f.db, '2031-02', now)).toEqual({ refused: 'open_dossiers' });
    expect((await listPartitions(k)).some((p) => p.month === '2031-02')).toBe(true);

    const inFeb = await sql<{
      id: string;
    }>`SELECT DISTINCT dossier_id AS id FROM dossier_events_2031_02`.execute(k);
    await k
      .updateTable('dossiers')
      .set({ closed_at: new Date('2031-03-01T03:00:00Z') })
      .where(
        'id',
        'in',
        inFeb.rows.map((r) => r.id),
      )
      .execute();
    const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM dossier_events_2031_02`.execute(k);
    expect(await detachPartition(f.db, '2031-02', now)).toEqual({
      detached: 'archive.dossier_events_2031_02',
    });
    expect((await listPartitions(k)).some((p) => p.month === '2031-02')).toBe(false);
    const archived = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM archive.dossier_events_2031_02`.execute(k);
    expect(archived.rows[0]!.n).toBe(events.rows[0]!.n);
  });

  it('a backup reads the partitioned table whole and restores every event into its month', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'motcua-part-')), 'b.jsonl.gz');
    const header = await backup(f.db, file);
    const count = async (q: typeof k) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM dossier_events`.execute(q)).rows[0]!.n;
    const n = await count(k);
    expect(header.tables.find((t) => t.name === 'dossier_events')?.rows).toBe(n);
    expect(header.tables.some((t) => t.name.startsWith('dossier_events_'))).toBe(false);
    const target = await createTestDb();
    try {
      await restore(target, file);
      expect(await count(target.kysely)).toBe(n);
    } finally {
      await target.close();
    }
  });

  it('the CLI lists and ensures; the daily job runs at 01:00 Vietnam time', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    try {
      f.clock.set('2034-03-05T03:00:00Z');
      expect(await partitionsCommand.run(f.deps, ['ensure', '--ahead', '1'])).toBe(0);
      // History about to be loaded: its months first.
      expect(await partitionsCommand.run(f.deps, ['ensure', '--from', '2033-11', '--ahead', '0'])).toBe(0);
      expect(await partitionsCommand.run(f.deps, ['ensure', '--from', '2033-13'])).toBe(2);
      expect(await partitionsCommand.run(f.deps, ['list'])).toBe(0);
      expect(await partitionsCommand.run(f.deps, ['detach', '2034-13'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(out.join('')).toContain('created dossier_events_2034_04');
    expect(out.join('')).toContain('created dossier_events_2033_12');
    expect(out.join('')).toContain('created dossier_events_2034_02');
    expect(out.join('')).toMatch(/dossier_events_2034_03\t2034-03\t/);
    expect(monthOf(new Date('2031-01-31T17:30:00Z'))).toBe('2031-02');
    expect(nextPartitionsRun(new Date('2031-01-31T17:30:00Z')).toISOString()).toBe(
      '2031-01-31T18:00:00.000Z',
    );
    expect(nextPartitionsRun(new Date('2031-01-31T18:00:00Z')).toISOString()).toBe(
      '2031-02-01T18:00:00.000Z',
    );
  });
});
