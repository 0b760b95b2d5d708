import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { intakeFixture } from '../dossiers/dossiers.test-helpers';
import { demoKeysCommand } from './results.cli';
import { readP12 } from './signer';

describe('motcua keys demo', () => {
  it(
    'makes a trusted demo CA and one PKCS#12 per agency, and keeps them on a second run',
    { timeout: 180_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
      const f = await intakeFixture();
      const deps = {
        ...f.deps,
        config: { ...f.deps.config, signing: { ...f.deps.config.signing, keysDir: dir } },
      };
      const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        expect(await demoKeysCommand.run(deps, [])).toBe(0);
        const p12s = fs.readdirSync(dir).filter((x) => x.endsWith('.p12'));
        const agencies = await f.db.kysely.selectFrom('agencies').select('id').execute();
        expect(p12s).toHaveLength(agencies.length);
        expect(fs.readdirSync(path.join(dir, 'trusted'))).toEqual(['demo-ca.pem']);
        const before = fs.readFileSync(path.join(dir, p12s[0]!));
        expect(await demoKeysCommand.run(deps, [])).toBe(0);
        expect(fs.readFileSync(path.join(dir, p12s[0]!)).equals(before)).toBe(true);
        expect(out.mock.calls.map((c) => String(c[0])).join('')).toContain('kept');
        // Without demo keys a missing agency key is an error, not a silent new key.
        const cfg = { dir, passphrase: deps.config.signing.passphrase, demoKeys: false };
        expect(() =>
          readP12(cfg, { agencyCode: 'no-such-agency', agencyName: 'x', approverName: '' }, f.clock.now()),
        ).toThrow(/no signing key/);
      } finally {
        out.mockRestore();
      }
    },
  );
});
