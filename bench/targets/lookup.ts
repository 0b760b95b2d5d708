import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { buildApp } from '../../server/src/http/app';
import { loadDemoOrganisation } from '../../server/src/modules/organisation/organisation.demo';
import { createLogger } from '../../server/src/runtime';
import { createBenchDatabase, serveGrowing } from './intake-db';

// The full app's GET /api/lookup/{code} and a bare Fastify + pg route running the same indexed select, over one
// PostgreSQL database that the parent grows (10,000 then 1,000,000 dossiers) by messages.
const bench = await createBenchDatabase();
const config = {
  ...loadConfig({ ...process.env, DATABASE_URL: bench.url }),
  lookupRateLimit: 100_000_000,
  lookupGlobalRateLimit: 100_000_000,
};
const db = await openDb({ databaseUrl: bench.url, poolSize: 10 });
await migrate(db);
await db.kysely.transaction().execute(loadDemoOrganisation);
const app = await buildApp({ db, config, log: createLogger(config), clock: systemClock }, { webDist: null });
await app.listen({ port: 0, host: '127.0.0.1' });

const pool = new pg.Pool({ connectionString: bench.url, max: 10 });
// Dropping the bench database at the end terminates idle connections; that is expected, not a failure.
pool.on('error', () => undefined);
const LOOKUP_SQL = `SELECT d.code, d.status, d.procedure_code, d.applicant, d.received_at, d.appointment_at,
  r.name AS receiving_name, h.name AS holding_name, hd.name AS holding_department_name
  FROM dossiers d JOIN agencies r ON r.id = d.receiving_agency_id
  LEFT JOIN agencies h ON h.id = d.holding_agency_id LEFT JOIN departments hd ON hd.id = d.holding_department_id
  WHERE d.code = $1`;
const bare = Fastify();
bare.get<{ Params: { code: string } }>('/lookup/:code', async (req, reply) => {
  const { rows } = await pool.query(LOOKUP_SQL, [req.params.code]);
  if (!rows[0]) return reply.status(404).send({ code: 'NOT_FOUND' });
  return rows[0];
});
await bare.listen({ port: 0, host: '127.0.0.1' });

/** Grows the table to `total` dossiers with one INSERT … SELECT generate_series; codes are 5,000 a day. */
async function grow(total: number): Promise<void> {
  const agency = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('short_name', '=', 'STTTT')
    .executeTakeFirstOrThrow();
  const dept = await db.kysely
    .selectFrom('departments')
    .select('id')
    .where('agency_id', '=', agency.id)
    .where('kind', '=', 'specialist')
    .executeTakeFirstOrThrow();
  const have = Number(
    (
      await db.kysely
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await sql`
    INSERT INTO dossiers (province_code, submission_ref, code, procedure_code, procedure_version_id, channel, status,
      applicant, receiving_agency_id, authority_agency_id, result_agency_id, holding_agency_id, holding_department_id,
      submitted_at, received_at, appointment_at)
    SELECT '99', 'B' || i, '000.00.15.H99-' || to_char(DATE '2024-01-01' + (i / 5000), 'YYMMDD') || '-'
        || lpad((i % 5000 + 1)::text, 4, '0'),
      '1.004227', '6f1c2a80-0000-4000-8000-000000000001', 'online', 'in_processing',
      jsonb_build_object('kind', 'citizen', 'name', 'Nguyễn Văn An ' || i, 'idNumber', '0992010' || i,
        'address', null, 'phone', null, 'email', null),
      ${agency.id}, ${agency.id}, ${agency.id}, ${agency.id}, ${dept.id},
      now() - interval '10 days', now() - interval '10 days', now() + interval '5 days'
    FROM generate_series(${have}::int, ${total - 1}::int) AS i`.execute(db.kysely);
  await sql`ANALYZE dossiers`.execute(db.kysely);
}

/** A code in the middle of what exists: same for both routes. */
function codeAt(i: number): string {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 5000) * 86_400_000);
  const yymmdd = day.toISOString().slice(2, 10).replaceAll('-', '');
  return `000.00.15.H99-${yymmdd}-${String((i % 5000) + 1).padStart(4, '0')}`;
}

serveGrowing({ app, bare, pool, db, bench }, grow, (n) => ({ code: codeAt(Math.floor(n / 2)) }));
const port = (s: typeof bare.server) => (s.address() as { port: number }).port;
process.send?.({ app: port(app.server), bare: port(bare.server) });
