import { describe, expect, it } from 'vitest';
import { formatErrorMessage } from '@motcua/contracts';
import { AppError } from '../http/errors';
import {
  docxBytes,
  exeBytes,
  htmlBytes,
  jpegBytes,
  pdfBytes,
  plainZipBytes,
  pngBytes,
  xlsxBytes,
} from './files.fixtures';
import { checkSizes, megabytes } from './limits';
import { detectMediaType, MEDIA_TYPES } from './media-type';
import { countPages, countPdfPagesFromColdWithin } from './pages';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('detectMediaType', () => {
  it('recognises each accepted type by its content', async () => {
    expect(await detectMediaType(await pdfBytes(1))).toBe(MEDIA_TYPES.pdf);
    expect(await detectMediaType(jpegBytes())).toBe(MEDIA_TYPES.jpeg);
    expect(await detectMediaType(pngBytes())).toBe(MEDIA_TYPES.png);
    expect(await detectMediaType(docxBytes())).toBe(MEDIA_TYPES.docx);
    expect(await detectMediaType(xlsxBytes())).toBe(MEDIA_TYPES.xlsx);
  });

  it('refuses an executable renamed to .pdf, naming the file and the accepted types in both languages', async () => {
    const err = await refusal(detectMediaType(exeBytes(), 'to-khai.pdf'));
    expect(err.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const vi = formatErrorMessage(err.code, 'vi', err.params);
    const en = formatErrorMessage(err.code, 'en', err.params);
    expect(vi).toContain('“to-khai.pdf”');
    expect(vi).toContain('EXE');
    expect(vi).toContain('Chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX');
    expect(en).toContain('Only PDF, JPEG, PNG, DOCX or XLSX files are accepted');
  });

  it('refuses a plain ZIP, HTML, and empty input', async () => {
    expect((await refusal(detectMediaType(plainZipBytes(), 'ho-so.docx'))).params.detected).toMatch(/^ZIP/);
    const html = await refusal(detectMediaType(htmlBytes(), 'anh.png'));
    expect(html.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(formatErrorMessage(html.code, 'vi', html.params)).toContain('không xác định');
    expect((await refusal(detectMediaType(Buffer.alloc(0)))).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });
});

describe('checkSizes', () => {
  const limits = { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 25 * 1024 * 1024 };

  it('accepts files within both limits', () => {
    expect(() =>
      checkSizes(
        [
          { name: 'a.pdf', size: 10 * 1024 * 1024 },
          { name: 'b.pdf', size: 15 * 1024 * 1024 - 1 },
        ],
        { ...limits, maxFileBytes: 15 * 1024 * 1024 },
      ),
    ).not.toThrow();
  });

  it('names the file over the per-file limit, with sizes in MB', () => {
    try {
      checkSizes(
        [
          { name: 'ok.pdf', size: 1 },
          { name: 'ban-ve.pdf', size: 12.5 * 1024 * 1024 },
        ],
        limits,
      );
      expect.unreachable();
    } catch (err) {
      const e = err as AppError;
      expect(e.code).toBe('FILE_TOO_LARGE');
      expect(formatErrorMessage(e.code, 'vi', e.params)).toBe(
        'Tệp “ban-ve.pdf” có dung lượng 12,5 MB, vượt quá giới hạn 10 MB cho mỗi tệp.',
      );
      expect(formatErrorMessage(e.code, 'en', e.params)).toBe(
        'File “ban-ve.pdf” is 12.5 MB, over the limit of 10 MB per file.',
      );
    }
  });

  it('refuses a dossier whose files together exceed the per-dossier limit', () => {
    const files = [1, 2, 3].map((i) => ({ name: `${i}.pdf`, size: 9 * 1024 * 1024 }));
    try {
      checkSizes(files, limits);
      expect.unreachable();
    } catch (err) {
      const e = err as AppError;
      expect(e.code).toBe('FILES_TOO_LARGE');
      expect(formatErrorMessage(e.code, 'en', e.params)).toContain('total 27 MB, over the limit of 25 MB');
    }
  });

  it('formats megabytes per locale', () => {
    expect(megabytes(1536 * 1024)).toEqual({ vi: '1,5', en: '1.5' });
    expect(megabytes(20 * 1024 * 1024)).toEqual({ vi: '20', en: '20' });
  });
});

describe('countPages', () => {
  it('counts the pages of a PDF and one page per image', async () => {
    expect(await countPages(await pdfBytes(3), MEDIA_TYPES.pdf)).toBe(3);
    expect(await countPages(await pdfBytes(1), MEDIA_TYPES.pdf)).toBe(1);
    expect(await countPages(jpegBytes(), MEDIA_TYPES.jpeg)).toBe(1);
    expect(await countPages(pngBytes(), MEDIA_TYPES.png)).toBe(1);
    expect(await countPages(docxBytes(), MEDIA_TYPES.docx)).toBe(0);
  });

  it('leaves the caller’s bytes intact', async () => {
    const pdf = await pdfBytes(2);
    const copy = Buffer.from(pdf);
    await countPages(pdf, MEDIA_TYPES.pdf);
    expect(pdf.equals(copy)).toBe(true);
  });

  it('refuses a damaged PDF with a readable message', async () => {
    const damaged = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20)]);
    const err = await refusal(countPages(damaged, MEDIA_TYPES.pdf));
    expect(err.code).toBe('BAD_REQUEST');
    expect(formatErrorMessage(err.code, 'vi', err.params)).toContain('tệp PDF bị hỏng');
  });
});

describe('countPages in its worker thread', () => {
  it('refuses a PDF not counted within the time limit (a cold worker takes longer than 1 ms), and the next PDF starts a new worker', async () => {
    const pdf = await pdfBytes(3);
    const err = await refusal(countPdfPagesFromColdWithin(pdf, 1));
    expect(formatErrorMessage(err.code, 'vi', err.params)).toContain('tệp PDF bị hỏng');
    expect(await countPages(pdf, MEDIA_TYPES.pdf)).toBe(3);
  });

  it('a PDF that runs out of time is refused alone: the PDFs its worker held are counted by the next one', async () => {
    const [slow, other] = await Promise.all([pdfBytes(3), pdfBytes(4)]);
    // Both reach the same fresh worker; the first's 1 ms limit ends it while the second waits its turn.
    const [refused, counted] = await Promise.allSettled([
      countPdfPagesFromColdWithin(slow, 1),
      countPages(other, MEDIA_TYPES.pdf),
    ]);
    expect(refused.status).toBe('rejected');
    expect(counted).toEqual({ status: 'fulfilled', value: 4 });
  });

  it('refuses a password-protected PDF, saying so', async () => {
    const err = await refusal(countPages(await pdfBytes(2, 'mat-khau'), MEDIA_TYPES.pdf));
    expect(formatErrorMessage(err.code, 'vi', err.params)).toContain('tệp PDF có mật khẩu');
    expect(formatErrorMessage(err.code, 'en', err.params)).toContain('password-protected');
  });

  it('counts several PDFs at once, each with its own answer', async () => {
    const counts = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => countPages(await pdfBytes(n), MEDIA_TYPES.pdf)),
    );
    expect(counts).toEqual([1, 2, 3, 4, 5]);
  });
});
