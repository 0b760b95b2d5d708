import { vnInstant } from '@motcua/contracts';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli/commands';
import { portalTargetOf } from './portal-client';
import { checkSync } from './sync-check';

/** `--from`/`--to`: a day (Vietnam time, from its start) or an instant with offset. */
export function parseSyncArgs(args: string[]): { from: Date; to: Date; repair: boolean } | string {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      repair: { type: 'boolean', default: false },
    },
    strict: false,
  });
  const at = (v: unknown) =>
    typeof v !== 'string'
      ? null
      : /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? vnInstant(v)
        : /[zZ]|[+-]\d{2}:\d{2}$/.test(v)
          ? new Date(v)
          : null;
  const from = at(values.from);
  const to = at(values.to);
  if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    return 'usage: motcua sync check --from YYYY-MM-DD --to YYYY-MM-DD [--repair]';
  if (from >= to) return '--from must be before --to';
  return { from, to, repair: values.repair === true };
}

/**
 * `motcua sync check --from --to [--repair]`: compares our dossiers with an event in the period against the national
 * portal, prints every divergent dossier with what differs and, with --repair, re-sends and reports what was
 * repaired. Exit 0 when both sides agree at the end, 1 otherwise.
 */
export const syncCheckCommand: CliCommand = {
  name: 'sync check',
  usage: 'motcua sync check --from --to [--repair]',
  summary: 'compare dossiers with the national portal for a period; --repair re-sends what differs',
  async run(deps, args) {
    const input = parseSyncArgs(args);
    if (typeof input === 'string') {
      process.stderr.write(`${input}\n`);
      return 2;
    }
    const now = deps.clock.now();
    const r = await checkSync(deps.db, input, now, portalTargetOf(deps.config));
    for (const item of r.items) {
      const what = item.differences
        .map((d) => `${d.field}: ${JSON.stringify(d.local)} ≠ ${JSON.stringify(d.remote)}`)
        .join('; ');
      process.stdout.write(`${item.code ?? item.dossierId}  ${what}${item.repaired ? '  [repaired]' : ''}\n`);
    }
    process.stdout.write(
      `checked ${r.checked}, divergent ${r.divergent}, repaired ${r.repaired}, still divergent ${r.remaining} (report ${r.id})\n`,
    );
    return r.remaining === 0 ? 0 : 1;
  },
};
