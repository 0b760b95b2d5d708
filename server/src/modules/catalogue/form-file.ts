import { fileTypeFromBuffer } from 'file-type';
import { checkContent } from '../../files/content-check';
import { safeFileName } from '../../files/file-name';
import { AppError } from '../../http/errors';

/** What a form template may be: documents an applicant prints or fills in, nothing a browser or Office would run. */
export const FORM_TEMPLATE_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/rtf': 'RTF',
} as const;

/** Other names browsers and systems give the same types. */
const ALIASES: Record<string, string> = {
  'text/rtf': 'application/rtf',
  'application/x-rtf': 'application/rtf',
};
/** A claim that says nothing: the browser did not know the type. */
const NO_CLAIM = new Set(['', 'application/octet-stream']);

/**
 * A catalogue editor's template, checked like an applicant's upload: the type comes from the bytes, must be one of
 * {@link FORM_TEMPLATE_TYPES} and must be the type the editor declared (415 FORM_TEMPLATE_TYPE otherwise); the
 * content passes `checkContent`; the name is made safe with the matching extension.
 */
export async function checkFormTemplate(
  content: Buffer,
  claimed: string | undefined,
  rawName: string,
): Promise<{ mediaType: string; fileName: string }> {
  const shown = safeFileName(rawName, '');
  const detected = await fileTypeFromBuffer(content);
  const known = detected ? `${detected.ext.toUpperCase()} (${detected.mime})` : null;
  const label = { vi: known ?? 'không xác định', en: known ?? 'unknown' };
  if (!detected || !(detected.mime in FORM_TEMPLATE_TYPES)) {
    throw new AppError('FORM_TEMPLATE_TYPE', {
      file: shown,
      reason: { vi: `nội dung là ${label.vi}`, en: `its content is ${label.en}` },
    });
  }
  const claim = (claimed ?? '').trim().toLowerCase();
  const normalised = ALIASES[claim] ?? claim;
  if (!NO_CLAIM.has(normalised) && normalised !== detected.mime) {
    throw new AppError('FORM_TEMPLATE_TYPE', {
      file: shown,
      reason: {
        vi: `khai là ${claim} nhưng nội dung là ${label.vi}`,
        en: `declared as ${claim} but its content is ${label.en}`,
      },
    });
  }
  checkContent(content, detected.mime, shown);
  return { mediaType: detected.mime, fileName: safeFileName(rawName, detected.mime) };
}
