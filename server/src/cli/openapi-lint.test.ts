import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** `@redocly/cli lint` (recommended rules, redocly.yaml) finds no error in the committed document. */
const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the OpenAPI document passes Redocly lint', () => {
  it('has zero errors', async () => {
    const run = promisify(execFile);
    const out = await run(
      path.join(ROOT, 'node_modules/.bin/redocly'),
      ['lint', 'docs/openapi.json', '--format=json'],
      {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; message: string }[];
    };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 120_000);
});
