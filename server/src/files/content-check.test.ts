import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { zipProblem } from './archive';
import { checkContent } from './content-check';
import { attachmentDisposition, MAX_FILE_NAME_CHARS, safeFileName } from './file-name';
import {
  docxBytes,
  docxDeclaringGigabyte,
  docxHighRatio,
  docxUnderDeclared,
  HOSTILE_NAMES,
  HTML_TAIL,
  jpegBytes,
  jpegWithTrailingHtml,
  pdfBytes,
  pdfWithAppendedHtml,
  pdfWithEmbeddedFile,
  pdfWithHiddenJs,
  pdfWithLaunch,
  pdfWithOpenActionJs,
  pngBytes,
  pngWithTrailingHtml,
  rawPdf,
  xlsxBytes,
} from './files.fixtures';
import { MEDIA_TYPES } from './media-type';

const refusal = (fn: () => unknown): { code: string; reason: string } => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError)
      return { code: err.code, reason: (err.params.reason as { en: string } | undefined)?.en ?? '' };
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('display names', () => {
  it.each(HOSTILE_NAMES)('stores $sent as $stored', ({ sent, stored }) => {
    expect(safeFileName(sent, MEDIA_TYPES.pdf)).toBe(stored);
  });

  it('removes NUL, line separators and every bidi control, keeping Vietnamese letters composed (NFC)', () => {
    const decomposed = 'Đơn đề nghị'.normalize('NFD');
    const name = safeFileName(
      `${decomposed}\u0000\u2028\u200E\u200F\u202A\u202B\u202C\u202D\u061C.png`,
      MEDIA_TYPES.png,
    );
    expect(name).toBe('Đơn đề nghị.png');
    expect(name).toBe(name.normalize('NFC'));
  });

  it('keeps the extension of the detected type and limits the length without splitting a character', () => {
    expect(safeFileName('anh.jpeg', MEDIA_TYPES.jpeg)).toBe('anh.jpeg');
    expect(safeFileName('anh.png', MEDIA_TYPES.jpeg)).toBe('anh.png.jpg');
    expect(safeFileName('bang-tinh', MEDIA_TYPES.xlsx)).toBe('bang-tinh.xlsx');
    const long = safeFileName(`${'Ậ'.repeat(300)}😀.pdf`, MEDIA_TYPES.pdf);
    expect([...long].length).toBe(MAX_FILE_NAME_CHARS);
    expect(long.endsWith('Ậ.pdf')).toBe(true);
  });

  it('writes Content-Disposition as attachment with an ASCII fallback and an RFC 5987 filename*', () => {
    expect(attachmentDisposition("Giấy tờ (bản sao) 'a'.pdf")).toBe(
      'attachment; filename="Giay to (ban sao) \'a\'.pdf"; ' +
        "filename*=UTF-8''Gi%E1%BA%A5y%20t%E1%BB%9D%20%28b%E1%BA%A3n%20sao%29%20%27a%27.pdf",
    );
    expect(attachmentDisposition('a"b\\c%.pdf')).toBe(
      'attachment; filename="a_b_c_.pdf"; filename*=UTF-8\'\'a%22b%5Cc%25.pdf',
    );
  });
});

describe('archives', () => {
  it('accepts real DOCX and XLSX files', () => {
    expect(zipProblem(docxBytes())).toBeNull();
    expect(zipProblem(xlsxBytes())).toBeNull();
  });

  it('refuses a DOCX whose central directory declares a 1 GB member, without inflating it', () => {
    expect(refusal(() => checkContent(docxDeclaringGigabyte(), MEDIA_TYPES.docx, 'to-khai.docx'))).toEqual({
      code: 'FILE_CONTENT_REFUSED',
      reason: expect.stringContaining('“word/document.xml” expands to 1024 MB') as string,
    });
  });

  it('refuses a member that inflates beyond what it declares, and one that expands a thousandfold', () => {
    expect(zipProblem(docxUnderDeclared())?.en).toBe(
      'member “word/document.xml” expands beyond its declared size',
    );
    expect(zipProblem(docxHighRatio())?.en).toMatch(/padding\.bin” expands to 8 MB, \d+ times/);
  });

  it('refuses what is not a zip at all, and a truncated one', () => {
    expect(zipProblem(Buffer.from('PK\u0003\u0004 not really'))?.en).toMatch(/damaged/);
    const docx = docxBytes();
    expect(zipProblem(docx.subarray(0, docx.length - 30))?.en).toMatch(/damaged/);
  });
});

describe('PDFs', () => {
  it('accepts a plain PDF', async () => {
    const pdf = await pdfBytes(2);
    expect(checkContent(pdf, MEDIA_TYPES.pdf, 'a.pdf')).toBe(pdf);
  });

  it.each([
    ['/OpenAction with /JS', pdfWithOpenActionJs, 'JavaScript'],
    ['JavaScript in a compressed object stream', pdfWithHiddenJs, 'JavaScript'],
    ['/Launch', pdfWithLaunch, '/Launch'],
    ['/EmbeddedFiles', pdfWithEmbeddedFile, 'embedded files'],
  ])('refuses %s', (_what, make, named) => {
    expect(refusal(() => checkContent(make(), MEDIA_TYPES.pdf, 'x.pdf')).reason).toContain(named);
  });

  it('sees through #-escaped names', () => {
    const pdf = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R /AA << /O << /S /J#61va#53cript /J#53 (1) >> >> >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
    ]);
    expect(refusal(() => checkContent(pdf, MEDIA_TYPES.pdf, 'x.pdf')).reason).toContain('JavaScript');
  });

  it('refuses HTML appended after %%EOF, but not trailing whitespace', async () => {
    const appended = await pdfWithAppendedHtml();
    expect(refusal(() => checkContent(appended, MEDIA_TYPES.pdf, 'x.pdf')).reason).toBe(
      'there is data appended after the end of the PDF',
    );
    const spaced = Buffer.concat([await pdfBytes(1), Buffer.from('\r\n\0\0  \n')]);
    expect(checkContent(spaced, MEDIA_TYPES.pdf, 'x.pdf')).toBe(spaced);
  });
});

describe('images', () => {
  it('keeps a PNG and a JPEG as they are', () => {
    expect(checkContent(pngBytes(), MEDIA_TYPES.png, 'a.png').equals(pngBytes())).toBe(true);
    expect(checkContent(jpegBytes(), MEDIA_TYPES.jpeg, 'a.jpg').equals(jpegBytes())).toBe(true);
  });

  it('cuts HTML after the end marker (IEND, EOI) away', () => {
    expect(checkContent(pngWithTrailingHtml(), MEDIA_TYPES.png, 'a.png').equals(pngBytes())).toBe(true);
    expect(checkContent(jpegWithTrailingHtml(), MEDIA_TYPES.jpeg, 'a.jpg').equals(jpegBytes())).toBe(true);
  });

  it('refuses HTML inside the image itself', () => {
    // An ancillary PNG chunk (tEXt) before IEND carrying a page.
    const png = pngBytes();
    const iend = png.length - 12;
    const text = Buffer.concat([Buffer.from('Comment\0'), HTML_TAIL]);
    const chunk = Buffer.alloc(12 + text.length);
    chunk.writeUInt32BE(text.length, 0);
    chunk.write('tEXt', 4, 'latin1');
    text.copy(chunk, 8);
    const hostile = Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
    expect(refusal(() => checkContent(hostile, MEDIA_TYPES.png, 'a.png')).reason).toBe(
      'the image contains HTML',
    );
  });
});
