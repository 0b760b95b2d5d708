import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../http/errors';
import type { MediaType } from './media-type';

/**
 * Pages of a digitised paper document. TT 01/2023/TT-VPCP Đ8 requires the page count recorded at reception to equal
 * the images stored, so the intake module records this number for every scan: a PDF's page count, 1 for an image.
 * DOCX and XLSX have no fixed pages (they are born digital, not scans) and count as 0.
 */
export async function countPages(bytes: Uint8Array, mediaType: MediaType): Promise<number> {
  switch (mediaType) {
    case 'image/jpeg':
    case 'image/png':
      return 1;
    case 'application/pdf':
      return countPdfPages(bytes);
    default:
      return 0;
  }
}

async function countPdfPages(bytes: Uint8Array): Promise<number> {
  // pdf.js detaches the buffer it is given; hand it a copy so the caller's bytes stay usable.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return doc.numPages;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const details =
      name === 'PasswordException'
        ? {
            vi: 'tệp PDF có mật khẩu, không đếm được số trang',
            en: 'the PDF is password-protected; its pages cannot be counted',
          }
        : { vi: 'tệp PDF bị hỏng, không đọc được', en: 'the PDF is damaged and cannot be read' };
    throw new AppError('BAD_REQUEST', { details });
  } finally {
    await task.destroy();
  }
}
