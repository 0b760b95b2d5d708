import { AppError } from '../http/errors';
import { zipProblem } from './archive';
import { jpegEnd, pngEnd } from './image-end';
import { HTML_MARKERS, pdfProblem } from './pdf-active';

/** Types stored as ZIP containers: their members' sizes are checked before they are kept. */
const ZIP_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
]);

const refuse = (file: string, reason: { vi: string; en: string }) =>
  new AppError('FILE_CONTENT_REFUSED', { file, reason });

/**
 * What the store may keep of a file whose type was already decided from its bytes: the same bytes, or an image cut at
 * its end marker. Refuses (422 FILE_CONTENT_REFUSED, naming the reason) PDFs with active content or data appended
 * after their end, archives that expand too far or lie about their sizes, RTF with embedded objects, and images that
 * carry HTML.
 */
export function checkContent(bytes: Buffer, mediaType: string, file: string): Buffer {
  if (ZIP_TYPES.has(mediaType)) {
    const problem = zipProblem(bytes);
    if (problem) throw refuse(file, problem);
    return bytes;
  }
  switch (mediaType) {
    case 'application/pdf': {
      const problem = pdfProblem(bytes);
      if (problem) throw refuse(file, problem);
      return bytes;
    }
    case 'image/png':
    case 'image/jpeg': {
      const end = mediaType === 'image/png' ? pngEnd(bytes) : jpegEnd(bytes);
      const image = end === null ? bytes : bytes.subarray(0, end);
      if (HTML_MARKERS.test(image.toString('latin1')))
        throw refuse(file, { vi: 'ảnh có chứa mã HTML', en: 'the image contains HTML' });
      return image;
    }
    case 'application/rtf':
      // Embedded OLE objects are how RTF documents carry exploits (equation editor, packager).
      if (/\\object\b|\\objdata\b|\\objupdate\b/.test(bytes.toString('latin1')))
        throw refuse(file, { vi: 'tệp RTF có đối tượng nhúng', en: 'the RTF document embeds objects' });
      return bytes;
    default:
      return bytes;
  }
}
