import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config';

/**
 * The instant test apps stand still at unless a test passes its own clock: Wednesday 25 November 2026, 09:00 in
 * Việt Nam — a working morning after the demo data's dates. Tests move it with `clock.set()` / `clock.advance()`.
 */
export const TEST_NOW = new Date('2026-11-25T09:00:00+07:00');

/**
 * The data directory of this test run (files, signing keys), shared by its test files and removed when the run ends.
 * Per run, so two runs on one machine (CI beside a developer's run) never read each other's keys or files.
 */
export function testDataDir(): string {
  return path.join(os.tmpdir(), `motcua-test-data-${process.env.MOTCUA_TEST_RUN ?? 'adhoc'}`);
}

/** The configuration of test apps; files land in the run's one content-addressed store. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: testDataDir() }), ...overrides };
}
