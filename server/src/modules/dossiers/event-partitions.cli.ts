import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli/commands';
import { detachPartition, ensurePartitions, listPartitions } from './event-partitions';

const USAGE = 'motcua partitions list | ensure [--ahead N] [--from YYYY-MM] | detach YYYY-MM';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const REFUSALS = {
  not_found: 'no such monthly partition',
  not_past: 'only a month before the current one can be detached',
  open_dossiers: 'some dossiers with events in that month are not closed yet',
} as const;

/** `motcua partitions …`: the monthly partitions of dossier_events (ADR 0029). */
export const partitionsCommand: CliCommand = {
  name: 'partitions',
  usage: USAGE,
  summary:
    'list the monthly partitions of dossier_events, create the coming months, detach an old month to archive',
  async run(deps, args) {
    const [verb, arg] = args;
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (verb === 'list') {
      for (const p of await listPartitions(deps.db.kysely))
        out(`${p.name}\t${p.month ?? 'default'}\t~${Math.max(p.rowsEstimate, 0)} rows`);
      return 0;
    }
    if (verb === 'ensure') {
      const { values } = parseArgs({
        args: args.slice(1),
        options: { ahead: { type: 'string' }, from: { type: 'string' } },
        strict: false,
      });
      const ahead = values.ahead === undefined ? undefined : Number(values.ahead);
      const from = typeof values.from === 'string' ? values.from : undefined;
      if (
        (ahead !== undefined && !(Number.isInteger(ahead) && ahead >= 0 && ahead <= 36)) ||
        (from !== undefined && !MONTH.test(from))
      ) {
        process.stderr.write(`--ahead takes 0 to 36 months, --from a month YYYY-MM\n${USAGE}\n`);
        return 2;
      }
      const r = await ensurePartitions(deps.db, deps.clock.now(), ahead, from);
      for (const n of r.created) out(`created ${n}`);
      for (const n of r.blocked) out(`blocked ${n}: its rows are in dossier_events_default`);
      return 0;
    }
    if (verb === 'detach' && arg && MONTH.test(arg)) {
      const r = await detachPartition(deps.db, arg, deps.clock.now());
      if ('refused' in r) {
        process.stderr.write(`refused: ${REFUSALS[r.refused]}\n`);
        return 1;
      }
      out(`detached to ${r.detached}; archive it (pg_dump -t ${r.detached}), then DROP TABLE ${r.detached}`);
      return 0;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  },
};
