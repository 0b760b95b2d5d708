import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';

/** Generated component codes: `TP1`, `TP2`, … (thành phần). */
const GENERATED = /^TP(\d+)$/;

const key = (name: string) => name.trim().toLocaleLowerCase('vi');

/**
 * Stable codes for a version's components. A given code is kept; a component without one takes the code its name had
 * in an earlier version of the procedure (so dossiers keyed by it survive a new version), else the next free `TPn`.
 */
export async function componentCodes(
  trx: Transaction<Database>,
  procedureCode: string,
  components: readonly { name: string; code?: string | undefined }[],
): Promise<string[]> {
  const given = components.flatMap((c) => (c.code ? [c.code] : []));
  const twice = given.find((c, i) => given.indexOf(c) !== i);
  if (twice) {
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: `mã thành phần hồ sơ “${twice}” bị trùng`,
        en: `component code “${twice}” is used twice`,
      },
    });
  }
  const earlier = await trx
    .selectFrom('procedure_components as c')
    .innerJoin('procedure_versions as v', 'v.id', 'c.version_id')
    .select(['c.name', 'c.code'])
    .where('v.procedure_code', '=', procedureCode)
    .orderBy('v.version_no', 'desc')
    .orderBy('c.position')
    .execute();
  const used = new Set(given);
  let next = Math.max(
    0,
    ...[...earlier.map((e) => e.code), ...given].map((c) => Number(GENERATED.exec(c)?.[1] ?? 0)),
  );
  return components.map((c) => {
    if (c.code) return c.code;
    const before = earlier.find((e) => key(e.name) === key(c.name) && !used.has(e.code));
    const code = before ? before.code : `TP${++next}`;
    used.add(code);
    return code;
  });
}
