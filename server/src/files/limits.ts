import { AppError } from '../http/errors';

export type SizedFile = { name: string; size: number };
export type SizeLimits = { maxFileBytes: number; maxTotalBytes: number };

const MB = 1024 * 1024;

/** "12,5 MB" in Vietnamese, "12.5 MB" in English; whole numbers without decimals. */
export function megabytes(bytes: number): { vi: string; en: string } {
  const value = Math.round((bytes / MB) * 10) / 10;
  const en = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return { vi: en.replace('.', ','), en };
}

/**
 * Per-file and per-dossier size limits. Throws FILE_TOO_LARGE naming the first file over the limit, or FILES_TOO_LARGE
 * with the total, both 413. The limits are parameters: each procedure or province may set its own.
 */
export function checkSizes(files: readonly SizedFile[], limits: SizeLimits): void {
  for (const f of files) {
    if (f.size > limits.maxFileBytes) {
      throw new AppError('FILE_TOO_LARGE', {
        file: f.name,
        size: megabytes(f.size),
        limit: megabytes(limits.maxFileBytes),
      });
    }
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new AppError('FILES_TOO_LARGE', { size: megabytes(total), limit: megabytes(limits.maxTotalBytes) });
  }
}
