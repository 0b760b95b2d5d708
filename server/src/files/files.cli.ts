import path from 'node:path';
import type { CliCommand } from '../cli/commands';
import type { Config } from '../config';
import { createLocalFileStore, type FileStore } from './file-store';
import { migrateFiles } from './migrate-files';
import { createS3FileStore } from './s3-store';

/** A store named on the command line: `local` (DATA_DIR), `dir:<path>` (another data directory) or `s3` (S3_*). */
export function storeNamed(config: Config, name: string): FileStore {
  if (name === 'local') return createLocalFileStore(config.dataDir);
  if (name.startsWith('dir:')) return createLocalFileStore(path.resolve(name.slice(4)));
  if (name === 's3') {
    if (!config.s3)
      throw new Error('--from/--to s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
    return createS3FileStore(config.s3, path.join(config.dataDir, 'files'));
  }
  throw new Error(`Unknown store "${name}": use local, dir:<path> or s3`);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * `motcua files migrate --from local --to s3`: copies every file the target lacks and checks every file's hash on
 * the target. Run it before switching FILE_STORE; it may be run again (only what is missing is copied).
 */
export const migrateFilesCommand: CliCommand = {
  name: 'files migrate',
  usage: 'motcua files migrate --from <store> --to <store>',
  summary: 'copy files between stores (local, dir:<path>, s3) and verify every hash',
  async run(deps, args) {
    const from = option(args, '--from');
    const to = option(args, '--to');
    if (!from || !to || from === to) {
      console.error('usage: motcua files migrate --from <local|dir:<path>|s3> --to <local|dir:<path>|s3>');
      return 2;
    }
    const report = await migrateFiles(storeNamed(deps.config, from), storeNamed(deps.config, to), (n) =>
      process.stderr.write(`\rchecked ${n}`),
    );
    process.stderr.write('\n');
    console.log(
      `${report.copied} copied, ${report.present} already there, ${report.mismatched.length} with a wrong hash`,
    );
    for (const sha of report.mismatched) console.log(`MISMATCH ${sha}`);
    return report.mismatched.length ? 1 : 0;
  },
};
