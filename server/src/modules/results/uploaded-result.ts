// An uploaded result (issue 15): the handler may attach the result as a PDF instead of having one generated; it is
// signed by the approver like a generated one. Only a PDF that can be read and re-saved can carry a signature, so
// anything else is refused (422, naming the file and why) before the dossier changes.
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';
import { AppError } from '../../http/errors';

// The same CommonJS build of pdf-lib the signer uses (see signer.ts).
const { PDFDocument } = createRequire(import.meta.url)('pdf-lib') as typeof PdfLib;

const NOT_PDF = { vi: 'kết quả phải là tệp PDF', en: 'the result must be a PDF file' };
const BROKEN = {
  vi: 'tệp PDF bị hỏng hoặc được bảo vệ bằng mật khẩu nên không ký được',
  en: 'the PDF is damaged or password-protected and cannot be signed',
};

/** Refuses (422 FILE_CONTENT_REFUSED) an uploaded result that is not a PDF the signer can open. */
export async function checkUploadedResult(file: { name: string; mediaType: string }, pdf: Buffer) {
  const refuse = (reason: { vi: string; en: string }) =>
    new AppError('FILE_CONTENT_REFUSED', { file: file.name, reason });
  if (file.mediaType !== 'application/pdf' || pdf.toString('latin1', 0, 5) !== '%PDF-') throw refuse(NOT_PDF);
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    if (doc.getPageCount() < 1) throw new Error('no pages');
  } catch {
    throw refuse(BROKEN);
  }
}
