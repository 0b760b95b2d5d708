import { describe, expect, it } from 'vitest';
import { checkFile, detectKind, MAX_FILE_BYTES } from './files-model';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('client-side file checks', () => {
  it('recognises the accepted types by their first bytes, not by their name', () => {
    expect(detectKind(bytes(0x25, 0x50, 0x44, 0x46, 0x2d), 'a.jpg')).toBe('pdf');
    expect(detectKind(bytes(0xff, 0xd8, 0xff, 0xe0), 'scan')).toBe('jpeg');
    expect(detectKind(bytes(0x89, 0x50, 0x4e, 0x47), 'x.pdf')).toBe('png');
    expect(detectKind(bytes(0x50, 0x4b, 0x03, 0x04), 'to-khai.docx')).toBe('docx');
    expect(detectKind(bytes(0x50, 0x4b, 0x03, 0x04), 'bang.xlsx')).toBe('xlsx');
    expect(detectKind(bytes(0x50, 0x4b, 0x03, 0x04), 'archive.zip')).toBeNull();
    expect(detectKind(bytes(0x4d, 0x5a), 'virus.pdf')).toBeNull();
  });

  it('refuses a file over the size limit and one of another type', async () => {
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'lon.pdf');
    expect(await checkFile(big)).toEqual({ kind: 'size', limitMb: 20 });
    expect(await checkFile(new File(['MZ....'], 'chuong-trinh.pdf'))).toEqual({ kind: 'type' });
    expect(await checkFile(new File(['%PDF-1.7\n'], 'don.pdf'))).toBeNull();
  });
});
