import fs from 'node:fs';
import type { CliCommand } from '../../cli/commands';
import { ensureAgencyKey, ensureDemoCa, p12File } from './keys';
import { allAgencies } from '../organisation';

/**
 * `motcua keys demo`: a self-signed demo CA (trusted by verification) and a PKCS#12 per agency in SIGNING_KEYS_DIR
 * (default DATA_DIR/keys), with SIGNING_KEY_PASSPHRASE. Existing files are kept. A real deployment puts the
 * agencies' PKCS#12 from a licensed CA there instead, named by the agency's id, and its CA in `trusted/`.
 */
export const demoKeysCommand: CliCommand = {
  name: 'keys demo',
  usage: 'motcua keys demo',
  summary: 'create a demo CA and a signing key (PKCS#12) per agency for signed results',
  async run(deps) {
    const cfg = { dir: deps.config.signing.keysDir, passphrase: deps.config.signing.passphrase };
    const now = deps.clock.now();
    ensureDemoCa(cfg, now);
    // The agencies' names go into their certificates (read-only, for this operator tool).
    const agencies = await allAgencies(deps.db.kysely);
    for (const a of agencies) {
      const existed = fs.existsSync(p12File(cfg, a.id));
      ensureAgencyKey(cfg, { code: a.id, name: a.name }, now);
      process.stdout.write(`${existed ? 'kept' : 'made'} ${p12File(cfg, a.id)}  ${a.name}\n`);
    }
    process.stdout.write(`trusted CA: ${cfg.dir}/trusted/demo-ca.pem\n`);
    return 0;
  },
};
