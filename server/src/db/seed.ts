import type { AppDeps } from '../http/context';
import { modules } from '../modules/registry';

/**
 * Loads each module's demo data once. A module's seed is recorded in seed_runs only after it succeeds,
 * so an interrupted seed runs again on the next start; seeds themselves must tolerate re-runs.
 */
export async function seedDemo(
  deps: AppDeps,
  onProgress: (name: string) => void = () => undefined,
): Promise<string[]> {
  const loaded: string[] = [];
  for (const m of modules) {
    if (!m.seed) continue;
    const done = await deps.db.kysely
      .selectFrom('seed_runs')
      .select('name')
      .where('name', '=', m.name)
      .executeTakeFirst();
    if (done) continue;
    onProgress(m.name);
    await m.seed(deps);
    await deps.db.kysely
      .insertInto('seed_runs')
      .values({ name: m.name })
      .onConflict((oc) => oc.doNothing())
      .execute();
    loaded.push(m.name);
  }
  return loaded;
}
