import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { clockStartingAt, fixedClock } from './clock';

const root = path.resolve(import.meta.dirname, '../..');

describe('the clock', () => {
  it('a fixed clock stands still until set or advanced', () => {
    const c = fixedClock('2026-12-31T23:59:00+07:00');
    expect(c.now().toISOString()).toBe('2026-12-31T16:59:00.000Z');
    expect(c.now().toISOString()).toBe('2026-12-31T16:59:00.000Z');
    c.advance(60_000);
    expect(c.now().toISOString()).toBe('2026-12-31T17:00:00.000Z');
    c.set('2026-02-16T08:00:00+07:00');
    expect(c.now().toISOString()).toBe('2026-02-16T01:00:00.000Z');
  });

  it('a clock starting at an instant ticks with the clock under it', () => {
    const real = fixedClock('2030-01-01T00:00:00Z');
    const c = clockStartingAt('2026-11-25T09:00:00+07:00', real);
    expect(c.now().toISOString()).toBe('2026-11-25T02:00:00.000Z');
    real.advance(1_500);
    expect(c.now().toISOString()).toBe('2026-11-25T02:00:01.500Z');
  });

  it('lint refuses wall-clock reads outside the clock modules, in code and tests alike', async () => {
    const eslint = new ESLint({ cwd: root });
    const lint = async (file: string, code: string) =>
      (await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!.messages.map((m) => m.ruleId);
    const wall = 'export const a = new Date();\nexport const b = Date.now();\n';
    expect(await lint('server/src/modules/dossiers/x.ts', wall)).toEqual([
      'no-restricted-syntax',
      'no-restricted-syntax',
    ]);
    expect(await lint('server/src/modules/dossiers/x.test.ts', wall)).toHaveLength(2);
    expect(await lint('web/src/features/x.tsx', wall)).toHaveLength(2);
    expect(
      await lint('server/src/modules/dossiers/x.ts', "export const c = new Date('2026-01-01');\n"),
    ).toEqual([]);
    expect(await lint('server/src/clock.ts', wall)).toEqual([]);
  }, 60_000);
});
