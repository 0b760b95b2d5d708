import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from 'file-type';
import { AppError } from '../http/errors';

/**
 * The attachment types a dossier accepts (SPEC §5): PDF, JPEG, PNG, DOCX, XLSX. Always decided from the bytes, never
 * from the name or the client's Content-Type: an .exe renamed to .pdf is an .exe.
 */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

const ALLOWED = new Set<string>(Object.values(MEDIA_TYPES));

export function isAllowedMediaType(value: string): value is MediaType {
  return ALLOWED.has(value);
}

function accept(result: FileTypeResult | undefined, name: string | undefined): MediaType {
  // file-type tells DOCX and XLSX from other ZIPs by reading [Content_Types].xml inside the archive.
  if (result && isAllowedMediaType(result.mime)) return result.mime;
  const unknown = { vi: 'không xác định', en: 'unknown' };
  throw new AppError('FILE_TYPE_NOT_ALLOWED', {
    file: name ?? { vi: 'đính kèm', en: 'attachment' },
    detected: result ? `${result.ext.toUpperCase()} (${result.mime})` : unknown,
  });
}

/** The media type of the bytes, or FILE_TYPE_NOT_ALLOWED (415) naming the accepted types. */
export async function detectMediaType(bytes: Uint8Array, name?: string): Promise<MediaType> {
  return accept(await fileTypeFromBuffer(bytes), name);
}

/** Same, for a file on disk (the store checks what it has just written, without loading it into memory). */
export async function detectMediaTypeOfFile(path: string, name?: string): Promise<MediaType> {
  return accept(await fileTypeFromFile(path), name);
}
