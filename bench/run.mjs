// `npm run bench [name…]`: runs each bench/<name>.ts in turn; each prints one line with its ratio to a same-run baseline.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('lib'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
// These read a database filled by `npx motcua generate` (docs/development.md): run them by name, not by default.
const generated = ['reports', 'volume'];
if (!wanted.length) console.log(`skipped (run by name on a generated database): ${generated.join(', ')}`);
let failed = 0;
for (const name of wanted.length ? wanted : all.filter((n) => !generated.includes(n))) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(`${name}: FAILED (exit ${r.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
