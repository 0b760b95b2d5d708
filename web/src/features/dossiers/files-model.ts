/** Client-side checks before an upload; the server checks the content again and is the authority. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_DOSSIER_BYTES = 100 * 1024 * 1024;
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';

export type FileProblem = { kind: 'type' } | { kind: 'size'; limitMb: number };

/** Known signatures of the accepted types; DOCX/XLSX are ZIP containers, so their extension decides between them. */
export function detectKind(head: Uint8Array, name: string): 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx' | null {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'pdf';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) {
    const ext = name.toLowerCase().split('.').pop();
    if (ext === 'docx' || ext === 'xlsx') return ext;
  }
  return null;
}

export async function checkFile(file: File): Promise<FileProblem | null> {
  if (file.size > MAX_FILE_BYTES) return { kind: 'size', limitMb: MAX_FILE_BYTES / 1024 / 1024 };
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return detectKind(head, file.name) ? null : { kind: 'type' };
}
