import { loadConfig, type Config } from '../config';

/**
 * The instant test apps stand still at unless a test passes its own clock: Wednesday 25 November 2026, 09:00 in
 * Việt Nam — a working morning after the demo data's dates. Tests move it with `clock.set()` / `clock.advance()`.
 */
export const TEST_NOW = new Date('2026-11-25T09:00:00+07:00');

/** The configuration of test apps; files land in one shared, content-addressed store. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/motcua-test-unused' }), ...overrides };
}
