import type { Insertable, Transaction } from 'kysely';
import type { TAttachmentInput, TCounterComponent } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { checkSizes } from '../../files/limits';
import { AppError } from '../../http/errors';
import type { DossierAttachmentsTable } from './dossiers.tables';
import type { listAttachments } from './dossiers.repo';
import { findFiles, type FileRow } from './dossiers.repo';
import { currentComponentCode, type ProcedureFacts } from './ports';

const FILE_WHAT = { vi: 'tệp đính kèm', en: 'Attachment' };

function componentOf(p: ProcedureFacts, code: string) {
  const c = p.components.find((x) => x.code === code);
  if (!c) {
    throw new AppError('BAD_REQUEST', {
      details: {
        vi: `thủ tục không có thành phần hồ sơ “${code}”`,
        en: `the procedure has no dossier component “${code}”`,
      },
    });
  }
  return c;
}

/** The files, all uploaded by `ownerId` (someone else's upload id answers 404 like an unknown one). */
async function ownedFiles(
  trx: Transaction<Database>,
  ownerId: string,
  ids: string[],
): Promise<Map<string, FileRow>> {
  const rows = await findFiles(trx, [...new Set(ids)]);
  const byId = new Map(rows.filter((r) => r.owner_user_id === ownerId).map((r) => [r.id, r]));
  for (const id of ids) if (!byId.has(id)) throw new AppError('NOT_FOUND', { what: FILE_WHAT });
  return byId;
}

function checkDossierSizes(p: ProcedureFacts, files: FileRow[]): void {
  checkSizes(
    files.map((f) => ({ name: f.name, size: Number(f.size) })),
    { maxFileBytes: p.maxFileBytes, maxTotalBytes: p.maxTotalBytes },
  );
}

/**
 * Online attachments as rows of a new revision: `given` components replace, the rest carry over from `previous`.
 * With `requireAll`, every required component of the procedure must end up with a file.
 */
export async function onlineRevision(
  ...args: Parameters<typeof onlineRevisionWithFiles>
): Promise<Insertable<DossierAttachmentsTable>[]> {
  return (await onlineRevisionWithFiles(...args)).rows;
}

/** {@link onlineRevision}, with the file rows the attachments name (read on the way, for the answer). */
export async function onlineRevisionWithFiles(
  trx: Transaction<Database>,
  p: ProcedureFacts,
  ownerId: string,
  dossierId: string,
  revision: number,
  raw: readonly TAttachmentInput[],
  previous: Awaited<ReturnType<typeof listAttachments>> = [],
): Promise<{ rows: Insertable<DossierAttachmentsTable>[]; files: Map<string, FileRow> }> {
  const given = raw.map((a) => ({ ...a, componentCode: currentComponentCode(p, a.componentCode) }));
  const seen = new Set<string>();
  for (const a of given) {
    componentOf(p, a.componentCode);
    if (seen.has(a.componentCode)) {
      throw new AppError('BAD_REQUEST', {
        details: {
          vi: `thành phần “${a.componentCode}” được khai hai lần`,
          en: `component “${a.componentCode}” given twice`,
        },
      });
    }
    seen.add(a.componentCode);
  }
  const files = await ownedFiles(
    trx,
    ownerId,
    given.flatMap((a) => a.fileIds),
  );
  const rows: Insertable<DossierAttachmentsTable>[] = given.map((a) => ({
    dossier_id: dossierId,
    revision,
    component_code: a.componentCode,
    component_name: componentOf(p, a.componentCode).name,
    copy_kind: null,
    copies: null,
    original_shown: null,
    page_count: a.fileIds.reduce((n, id) => n + (files.get(id)?.pages ?? 0), 0),
    file_ids: a.fileIds,
  }));
  for (const prev of previous) {
    const code = currentComponentCode(p, prev.component_code);
    if (seen.has(code)) continue;
    rows.push({ ...prev, component_code: code, dossier_id: dossierId, revision });
  }
  const missing = p.components.filter((c) => c.required && !rows.some((r) => r.component_code === c.code));
  if (missing.length)
    throw new AppError('MISSING_COMPONENTS', { components: missing.map((c) => c.name).join('; ') });
  // Only files carried over from `previous` are not read yet.
  const ids = [...new Set(rows.flatMap((r) => r.file_ids))];
  const unread = ids.filter((id) => !files.has(id));
  const carried = unread.length ? await findFiles(trx, unread) : [];
  checkDossierSizes(p, [...ids.flatMap((id) => files.get(id) ?? []), ...carried]);
  for (const f of carried) files.set(f.id, f);
  return { rows, files };
}

/** The official who scans paper into the dossier at the counter and certifies the scan true to it, and when. */
export type ScanCertifier = { id: string; name: string; at: Date };

/**
 * Paper received at the counter: what came in, how many copies, whether the original was shown, and its scans in
 * page order. The page count the officer declares must equal the pages stored (TT 01/2023/TT-VPCP Đ8). A component
 * with scans is recorded as converted from paper (ND 45/2020 Đ18), certified by the receiving official (`scanner`,
 * whose uploads the scans must be).
 */
export async function counterRevision(
  trx: Transaction<Database>,
  p: ProcedureFacts,
  scanner: ScanCertifier,
  dossierId: string,
  components: readonly (TCounterComponent & { originalShown: boolean; fileIds: string[] })[],
): Promise<Insertable<DossierAttachmentsTable>[]> {
  const files = await ownedFiles(
    trx,
    scanner.id,
    components.flatMap((c) => c.fileIds),
  );
  checkDossierSizes(p, [...files.values()]);
  return components.map((c) => {
    const component = componentOf(p, c.componentCode);
    const stored = c.fileIds.reduce((n, id) => n + (files.get(id)?.pages ?? 0), 0);
    if (stored !== c.pageCount) {
      throw new AppError('PAGE_COUNT_MISMATCH', { component: component.name, declared: c.pageCount, stored });
    }
    return {
      dossier_id: dossierId,
      revision: 1,
      component_code: c.componentCode,
      component_name: component.name,
      copy_kind: c.copyKind,
      copies: c.copies,
      original_shown: c.originalShown,
      page_count: stored,
      file_ids: c.fileIds,
      ...(c.fileIds.length
        ? {
            scan_certified_by: scanner.id,
            scan_certified_by_name: scanner.name,
            scan_certified_at: scanner.at,
          }
        : {}),
    };
  });
}

/** What an event records of the components scanned at the counter (the control slip names it). */
export function scansOf(rows: readonly Insertable<DossierAttachmentsTable>[], scanner: ScanCertifier) {
  const components = rows.filter((r) => r.scan_certified_at).length;
  return components ? { scans: { components, certifiedBy: scanner.name } } : {};
}
