import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Kdb } from '../../db/client';
import type { CliCommand } from '../../cli/commands';
import { ensurePartitions, MONTHS_AHEAD } from '../dossiers';
import { ensurePeople } from './generator-people';
import { batch, countRanges } from './generator-batch';

/**
 * `npx motcua generate --dossiers N [--batch 50000] [--parallel 2] [--run name] [--year 2026]`: a realistic year of a large province
 * for the benchmarks (issue 17, 19): 30 agencies (15 provincial departments, 15 communes: two levels), 300
 * procedures, N dossiers with their events (submitted or registered, received, assigned, appraised, forwarded,
 * result issued and returned, or refused, withdrawn, stopped), their processing steps (`report_step_counts`, the
 * current step of the open ones) and satisfaction ratings for a third of the returned dossiers (`satisfaction_ratings`,
 * the feedback module's table: bench data is written straight into the tables, like the dossiers), generated
 * inside PostgreSQL by big INSERT … SELECT batches with progress output (generator-batch.ts).
 * Each batch is one transaction that records itself in report_generator_batches, so a run that stops continues where
 * it was; `--parallel` batches run at once on their own connections. After every COUNT_EVERY batches one pass adds
 * their dossiers to the count tables (the same report_facts the triggers use) and marks them counted; a resumed run
 * first counts what a stopped one wrote and did not count.
 * Values, ids included, are deterministic functions of the dossier's number (hashes), so two runs of the same size
 * are equal.
 */
const FIELDS = [
  'Đất đai',
  'Xây dựng',
  'Hộ tịch',
  'Kinh doanh',
  'Giao thông',
  'Giáo dục',
  'Y tế',
  'Lao động',
  'Môi trường',
  'Tư pháp',
];

async function ensureOrganisation(trx: Transaction<Database>, run: string) {
  const province = `GEN${run}`.slice(0, 20);
  let unit = await trx.selectFrom('units').select('id').where('code', '=', province).executeTakeFirst();
  if (!unit) {
    unit = await trx
      .insertInto('units')
      .values({ code: province, name: 'Tỉnh Sinh Dữ Liệu', level: 'province', province_code: province })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 1; i <= 15; i++) {
      const commune = await trx
        .insertInto('units')
        .values({
          code: `${province}-X${i}`,
          name: `Xã Sinh Dữ Liệu ${i}`,
          level: 'commune',
          parent_id: unit.id,
          province_code: province,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('agencies')
        .values([
          {
            short_name: `${province}-S${i}`,
            name: `Sở ${FIELDS[(i - 1) % 10]} ${i} (dữ liệu sinh)`,
            type: 'department',
            unit_id: unit.id,
          },
          {
            short_name: `${province}-X${i}`,
            name: `UBND Xã Sinh Dữ Liệu ${i}`,
            type: 'people_committee',
            unit_id: commune.id,
          },
        ])
        .execute();
    }
  }
  const agencies = await trx
    .selectFrom('agencies')
    .select('id')
    .where('short_name', 'like', `${province}-%`)
    .orderBy('short_name')
    .execute();
  for (let p = 0; p < 300; p++) {
    const code = `${province}.${String(p + 1).padStart(3, '0')}`;
    await trx
      .insertInto('procedures')
      .values({
        code,
        status: 'published',
        name: `Thủ tục ${FIELDS[p % 10]} số ${p + 1}`,
        field: FIELDS[p % 10]!,
        levels: [p % 30 < 15 ? 'province' : 'commune'],
        service_level: p % 3 === 0 ? 'full_online' : 'partial_online',
        processing_time: JSON.stringify({ unit: 'working_days', value: (p % 15) + 1 }),
        agency_ids: [agencies[p % 30]!.id],
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  await ensurePeople(trx, run, province);
  return { province, agencyIds: agencies.map((a) => a.id) };
}

/** A run's dossiers are counted after every this many batches (and at the end): one pass over many batches. */
export const COUNT_EVERY = 20;

export async function generate(
  db: Kdb,
  o: {
    dossiers: number;
    batchSize: number;
    run: string;
    year: number;
    now: () => Date;
    /** Batches written at once, each on its own connection. */
    parallel?: number;
    /** Batches per count pass. */
    countEvery?: number;
  },
  progress: (line: string) => void,
): Promise<void> {
  const org = await db.transaction().execute((trx) => ensureOrganisation(trx, o.run));
  const batches = Math.ceil(o.dossiers / o.batchSize);
  const countEvery = o.countEvery ?? COUNT_EVERY;
  const rows = await db
    .selectFrom('report_generator_batches')
    .select('batch')
    .where('run', '=', o.run)
    .execute();
  const done = new Set(rows.map((b) => b.batch));
  const range = (b: number): [number, number] => [
    b * o.batchSize + 1,
    Math.min((b + 1) * o.batchSize, o.dossiers),
  ];
  // Batches a stopped run wrote but did not count yet: their rows hold the range.
  const uncounted = await db
    .selectFrom('report_generator_batches')
    .select(['batch', 'rows'])
    .where('run', '=', o.run)
    .where('counted', '=', false)
    .execute();
  const count = async (list: { batch: number; rows: number }[]) => {
    if (!list.length) return;
    const t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      const ranges = list.map(({ batch: b, rows: n }): [number, number] => [
        b * o.batchSize + 1,
        b * o.batchSize + n,
      ]);
      await countRanges(trx, o.run, ranges);
      await trx
        .updateTable('report_generator_batches')
        .set({ counted: true })
        .where('run', '=', o.run)
        .where(
          'batch',
          'in',
          list.map((l) => l.batch),
        )
        .execute();
    });
    timing.set('count pass', (timing.get('count pass') ?? 0) + performance.now() - t0);
    progress(`counted ${list.length} batch(es)`);
  };
  const timing = new Map<string, number>();
  await count(uncounted);
  const todo = Array.from({ length: batches }, (_, b) => b).filter((b) => !done.has(b));
  const started = performance.now();
  let made = 0;
  // A round's count pass runs beside the next round's batches (other tables; two cores).
  let counting: Promise<void> = Promise.resolve();
  let countFailed: unknown = null;
  for (let r = 0; r < todo.length; r += countEvery) {
    const round = todo.slice(r, r + countEvery);
    const queue = [...round];
    const worker = async () => {
      for (let b = queue.shift(); b !== undefined && !countFailed; b = queue.shift()) {
        const [first, last] = range(b);
        const size = last - first + 1;
        let mark = performance.now();
        const lap = (label: string) => {
          const t = performance.now();
          timing.set(label, (timing.get(label) ?? 0) + t - mark);
          mark = t;
        };
        await db.transaction().execute(async (trx) => {
          await batch(trx, { ...org, run: o.run, year: o.year, first, size }, lap);
          await trx
            .insertInto('report_generator_batches')
            .values({ run: o.run, batch: b, rows: size, done_at: o.now(), counted: false })
            .execute();
        });
        made += size;
        const secs = (performance.now() - started) / 1000;
        progress(
          `batch ${b + 1}/${batches}: ${last.toLocaleString('en')} dossiers (${Math.round(made / secs).toLocaleString('en')}/s)`,
        );
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.parallel ?? 2) }, worker));
    await counting;
    if (countFailed) throw countFailed;
    counting = count(round.map((b) => ({ batch: b, rows: range(b)[1] - range(b)[0] + 1 }))).catch(
      (err: unknown) => {
        countFailed = err;
      },
    );
  }
  await counting;
  if (countFailed) throw countFailed;
  if (made && process.env.GENERATE_TIMING)
    progress(
      [...timing].map(([k, ms]) => `${k} ${((ms / made) * 1000).toFixed(0)} µs/dossier`).join(', ') +
        ` (${Math.round(made / ((performance.now() - started) / 1000))}/s with the counts)`,
    );
  // Each pass rewrote every count row it touched: compact the (small) count tables, analyse the big ones.
  progress('vacuum and analyze');
  for (const table of [
    'report_counts',
    'report_agency_counts',
    'report_agency_months',
    'report_province_counts',
    'report_province_months',
    'report_step_counts',
  ])
    await sql`VACUUM FULL ANALYZE ${sql.table(table)}`.execute(db);
  for (const table of ['dossiers', 'dossier_events', 'satisfaction_ratings'])
    await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(db);
}

const flag = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

export const generateCommand: CliCommand = {
  name: 'generate',
  usage: 'generate --dossiers N [--batch 50000] [--parallel 2] [--count-every 20] [--run name] [--year 2026]',
  summary: 'fill PostgreSQL with a generated year of dossiers (resumable) for the benchmarks',
  async run(deps, args) {
    const dossiers = Number(flag(args, 'dossiers'));
    if (!Number.isInteger(dossiers) || dossiers <= 0) {
      console.error(`usage: motcua ${generateCommand.usage}`);
      return 2;
    }
    const year = Number(flag(args, 'year') ?? 2026);
    // The months of the generated year get their own event partitions before any event is written (else the
    // year's events would all land in the default partition and stay there).
    await ensurePartitions(deps.db, deps.clock.now(), MONTHS_AHEAD, `${year}-01`);
    await generate(
      deps.db.kysely,
      {
        dossiers,
        batchSize: Number(flag(args, 'batch') ?? 50_000),
        parallel: Number(flag(args, 'parallel') ?? 2),
        countEvery: Number(flag(args, 'count-every') ?? COUNT_EVERY),
        run: flag(args, 'run') ?? 'default',
        year,
        now: () => deps.clock.now(),
      },
      (line) => console.error(line),
    );
    return 0;
  },
};
