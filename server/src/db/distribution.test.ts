import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/harness';
import { DISTRIBUTED_TABLES, placementOf } from './distribution';
import { loadParser, routingOf } from './shard-routing.test-helpers';

describe('placement of every table in a Citus cluster (ADR 0034)', () => {
  it('places every table of the migrated database: a new table fails here until it is placed', async () => {
    const db = await createTestDb();
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db.kysely);
    expect(rows.length).toBeGreaterThan(70);
    expect(rows.map((r) => r.name).filter((t) => !placementOf(t))).toEqual([]);
  });

  it('keeps the dossier and its satellites in one co-location group, and the catalogue and organisation as reference', () => {
    for (const t of ['dossiers', 'dossier_events', 'dossier_attachments', 'payments', 'report_counts'])
      expect(DISTRIBUTED_TABLES.has(t)).toBe(true);
    for (const t of ['units', 'agencies', 'departments', 'procedures', 'procedure_versions', 'users'])
      expect(placementOf(t)).toEqual({ kind: 'reference' });
    expect(placementOf('dossier_events_2026_03')).toEqual(placementOf('dossier_events'));
  });
});

describe('routing of a statement by its parse tree', () => {
  beforeAll(loadParser);
  const dist = new Set(['dossiers', 'dossier_events']);
  const cases: Array<[string, string, string[]]> = [
    ['routed', 'SELECT id FROM dossiers WHERE province_code = $1 AND id = $2', []],
    ['routed', 'SELECT d.id FROM dossiers AS d WHERE d.id = $1 AND d.province_code IN ($2, $3)', []],
    ['routed', `SELECT * FROM dossiers d JOIN units u ON u.id = d.x WHERE d.province_code = '99'`, []],
    [
      'routed',
      'SELECT e.* FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id AND d.province_code = e.province_code WHERE d.province_code = $1',
      [],
    ],
    ['routed', 'INSERT INTO dossiers (id, province_code) VALUES ($1, $2)', []],
    [
      'routed',
      'SELECT * FROM dossiers d WHERE d.province_code = $1 AND EXISTS (SELECT 1 FROM dossier_events e WHERE e.province_code = d.province_code AND e.dossier_id = d.id)',
      [],
    ],
    [
      'colocated',
      'SELECT count(*) FROM dossiers d JOIN dossier_events e ON e.province_code = d.province_code AND e.dossier_id = d.id',
      ['dossier_events', 'dossiers'],
    ],
    ['unrouted', 'SELECT id FROM dossiers WHERE id = $1', ['dossiers']],
    ['unrouted', 'SELECT id FROM dossiers WHERE province_code = $1 OR id = $2', ['dossiers']],
    ['unrouted', 'UPDATE dossiers SET version = version + 1 WHERE id = $1', ['dossiers']],
    ['unrouted', 'INSERT INTO dossier_events (dossier_id, seq) VALUES ($1, 1)', ['dossier_events']],
    // A reference table's key pins nothing by itself.
    [
      'unrouted',
      'SELECT d.id FROM dossiers d JOIN units u ON u.province_code = d.province_code WHERE u.code = $1',
      ['dossiers'],
    ],
    [
      'unrouted',
      'WITH x AS (SELECT dossier_id FROM dossier_events WHERE type = $1) SELECT * FROM x',
      ['dossier_events'],
    ],
    ['none', 'SELECT id FROM agencies WHERE id = $1', []],
  ];
  it.each(cases)('%s: %s', (routing, text, offending) => {
    expect(routingOf(text, dist)).toMatchObject({ routing, offending });
  });
});
