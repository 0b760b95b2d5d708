import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli/commands';
import { exportNationalCatalogue } from './national-catalogue';

/**
 * `motcua catalogue export-national [--since YYYY-MM-DD] [--out file.json]`: the catalogue in the national database's
 * shape (national-catalogue.ts) — every procedure in force, or the changes announced since a day — to a file or stdout.
 */
export const nationalExportCommand: CliCommand = {
  name: 'catalogue export-national',
  usage: 'motcua catalogue export-national [--since YYYY-MM-DD] [--out file.json]',
  summary: 'procedures in the national catalogue shape: all in force, or the changes since a day',
  async run(deps, args) {
    const { values } = parseArgs({
      args,
      options: { since: { type: 'string' }, out: { type: 'string' } },
      strict: false,
    });
    const since = typeof values.since === 'string' ? values.since : undefined;
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      process.stderr.write(`${this.usage}\n`);
      return 2;
    }
    const doc = await exportNationalCatalogue(deps.db.kysely, deps.clock.now(), since);
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (typeof values.out === 'string') {
      await writeFile(values.out, text);
      process.stderr.write(`${doc.SoLuong} procedures → ${values.out}\n`);
    } else process.stdout.write(text);
    return 0;
  },
};
