import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli/commands';
import { AppError } from '../../http/errors';
import { formatErrorMessage } from '@motcua/contracts';
import { insertStaff } from './staff.service';
import { currentAgencyByShortName } from '../organisation';

/** One reader for all questions: piped answers arrive at once and a second reader would miss them. */
function prompter() {
  let rl: ReturnType<typeof createInterface> | undefined;
  let lines: AsyncIterator<string> | undefined;
  return {
    async ask(question: string): Promise<string> {
      rl ??= createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
      lines ??= rl[Symbol.asyncIterator]();
      process.stderr.write(question);
      const next = await lines.next();
      return next.done ? '' : String(next.value).trim();
    },
    close: () => rl?.close(),
  };
}

/**
 * `motcua user create-admin [--name "Họ và tên"] [--agency UBNDT] [--email …]`: the first system administrator of
 * a new installation. Prompts for what is missing; prints the user name and a one-time password to change at first log-in.
 */
export const createAdminCommand: CliCommand = {
  name: 'user create-admin',
  usage: 'motcua user create-admin',
  summary: 'create a system administrator (--name, --agency short name, --email; prompts if missing)',
  async run(deps, args) {
    const { values } = parseArgs({
      args,
      options: { name: { type: 'string' }, agency: { type: 'string' }, email: { type: 'string' } },
      allowPositionals: false,
    });
    const prompt = prompter();
    const name = values.name ?? (await prompt.ask('Họ và tên / Full name: '));
    const agencyShort =
      values.agency ?? (await prompt.ask('Tên viết tắt cơ quan / Agency short name (e.g. UBNDT): '));
    prompt.close();
    if (name.length < 2 || !agencyShort) {
      console.error('A full name and an agency short name are required.');
      return 2;
    }
    const agency = await currentAgencyByShortName(deps.db.kysely, agencyShort);
    if (!agency) {
      console.error(`No current agency with short name "${agencyShort}". Load the organisation data first.`);
      return 2;
    }
    try {
      const created = await deps.db.kysely.transaction().execute((trx) =>
        insertStaff(
          trx,
          { type: 'system', name: 'motcua user create-admin', at: deps.clock.now() },
          {
            fullName: name,
            agencyId: agency.id,
            roles: ['system_admin'],
            email: values.email,
          },
        ),
      );
      console.log(`username: ${created.username}`);
      console.log(`one-time password: ${created.password}`);
      console.log('The password must be changed at first log-in (/office/login).');
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        console.error(formatErrorMessage(err.code, 'en', err.params));
        return 1;
      }
      throw err;
    }
  },
};
