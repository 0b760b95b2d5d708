import { createHash } from 'node:crypto';
import type { FileStore } from './file-store';

export type MigrateReport = { copied: number; present: number; mismatched: string[] };

/** The sha256 of a stored file, read back in full. */
export async function hashOf(store: FileStore, sha256: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await store.get(sha256)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies every file of `from` that `to` lacks, then reads each one back from `to` and checks its hash (already
 * present ones too), so a finished migration proves every byte arrived. The source is never changed.
 */
export async function migrateFiles(
  from: FileStore,
  to: FileStore,
  onProgress: (done: number) => void = () => undefined,
): Promise<MigrateReport> {
  const report: MigrateReport = { copied: 0, present: 0, mismatched: [] };
  let done = 0;
  for await (const sha256 of from.list()) {
    if (await to.has(sha256)) report.present++;
    else {
      const stored = await to.put(await from.get(sha256));
      if (stored.sha256 !== sha256) report.mismatched.push(sha256);
      report.copied++;
    }
    if ((await hashOf(to, sha256).catch(() => '')) !== sha256 && !report.mismatched.includes(sha256))
      report.mismatched.push(sha256);
    onProgress(++done);
  }
  return report;
}
