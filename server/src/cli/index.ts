import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../clock';
import { ConfigError, loadConfig, type Config } from '../config';
import { backup, restore } from '../db/backup';
import { openDb } from '../db/client';
import { migrate } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { main } from '../main';
import { fileStoreFor } from '../files/store-for';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { restoreBackupSet } from '../modules/operations/backup-sets';
import { restoreS3BackupSet } from '../modules/operations/backup-s3';
import { runBackup } from '../modules/operations/backup.job';
import { createLogger } from '../runtime';
import { cliCommands } from './commands';

const HELP = `motcua — Một Cửa command line

  motcua serve                 start API and worker (as npm start)
  motcua api | worker          start only the API, or only the job worker
  motcua migrate               apply database migrations
  motcua seed                  load demo data (once; re-running is harmless)
  motcua backup <file>         write every row to one portable file (.jsonl.gz)
  motcua backup --set          write a backup set (rows and files) into BACKUP_DIR or the S3 bucket
  motcua restore <file|set>    load a backup file, or a set with its files (a folder, or s3:<set name>), into an
                               empty database and store
  motcua audit verify          check the audit log's hash chain
${cliCommands.map((c) => `  ${c.usage.padEnd(29)}${c.summary}`).join('\n')}

Configuration comes from the environment (see README): DATABASE_URL, DATA_DIR, …`;

const progress = (label: string) => (name: string, n?: number) =>
  process.stderr.write(`\r${label} ${name}${n === undefined ? '' : `: ${n}`}`.padEnd(72));

async function withDb<T>(
  config: Config,
  run: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>,
): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  try {
    await migrate(db);
    return await run(db);
  } finally {
    await db.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const log = createLogger({ logLevel: 'warn' });
  switch (cmd) {
    case 'serve':
    case 'api':
    case 'worker':
      await main(cmd === 'serve' ? 'all' : cmd);
      return -1; // keeps running
    case 'migrate': {
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
      const applied = await migrate(db, (name) => console.error(`applied ${name}`));
      await db.close();
      console.log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
      return 0;
    }
    case 'seed':
      return withDb(config, async (db) => {
        const loaded = await seedDemo({ db, config, log, clock: systemClock }, (name) =>
          console.error(`seeding ${name}…`),
        );
        console.log(loaded.length ? `loaded: ${loaded.join(', ')}` : 'demo data already loaded');
        return 0;
      });
    case 'backup':
    case 'restore': {
      const file = args[0];
      if (cmd === 'backup' && file === '--set')
        return withDb(config, async (db) => {
          const { name, manifest } = await runBackup(db, config, 'manual', systemClock.now());
          console.log(
            `wrote ${config.backups.s3 ? `s3://${config.backups.s3.bucket}/${config.backups.s3.prefix}${name}` : path.join(config.backups.dir, name)}: ${manifest.database.rows} rows, ${manifest.files.length} files`,
          );
          return 0;
        });
      if (cmd === 'restore' && file?.startsWith('s3:')) {
        const s3 =
          config.backups.s3 ?? (config.s3 && { ...config.s3, prefix: `${config.s3.prefix}backups/` });
        if (!s3) {
          console.error('restore s3:<set>: set S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
          return 2;
        }
        return withDb(config, async (db) => {
          const r = await restoreS3BackupSet(db, s3, file.slice(3), fileStoreFor(config), config.dataDir);
          console.log(`restored ${r.rows} rows in ${r.tables} tables and ${r.files} files (hashes checked)`);
          return 0;
        });
      }
      if (cmd === 'restore' && file && fs.statSync(file, { throwIfNoEntry: false })?.isDirectory())
        return withDb(config, async (db) => {
          const r = await restoreBackupSet(db, path.resolve(file), fileStoreFor(config));
          console.log(`restored ${r.rows} rows in ${r.tables} tables and ${r.files} files (hashes checked)`);
          return 0;
        });
      if (!file) {
        console.error(`usage: motcua ${cmd} <file>`);
        return 2;
      }
      return withDb(config, async (db) => {
        const header = await (cmd === 'backup' ? backup : restore)(db, file, progress(cmd));
        const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
        process.stderr.write('\n');
        console.log(
          `${cmd === 'backup' ? 'wrote' : 'restored'} ${rows} rows in ${header.tables.length} tables (${file})`,
        );
        return 0;
      });
    }
    case 'audit': {
      if (args[0] !== 'verify') {
        console.error('usage: motcua audit verify');
        return 2;
      }
      return withDb(config, async (db) => {
        const result = await verifyAuditChain(db, (n) => process.stderr.write(`\rchecked ${n}`));
        process.stderr.write('\n');
        if (result.ok) {
          console.log(`audit log intact: ${result.entries} entries`);
          return 0;
        }
        console.log(
          `audit log BROKEN at entry ${result.brokenAt} (${result.reason}); ${result.entries} entries before it are intact`,
        );
        return 1;
      });
    }
    default: {
      const extra = cliCommands.find((c) => c.name === `${cmd} ${args[0] ?? ''}`.trim() || c.name === cmd);
      if (extra)
        return withDb(config, (db) =>
          extra.run({ db, config, log, clock: systemClock }, args.slice(extra.name.split(' ').length - 1)),
        );
      console.error(`Unknown command "${cmd}".\n\n${HELP}`);
      return 2;
    }
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
