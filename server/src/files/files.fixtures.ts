import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';

/** Real files of every type, made in the test (JPEG: a scan at 10 dpi, committed as fixtures/scan.jpg). */
export function pdfBytes(pages: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 1; i <= pages; i++) {
      if (i > 1) doc.addPage();
      doc.text(`Page ${i}`);
    }
    doc.end();
  });
}

export function pngBytes(): Buffer {
  const png = new PNG({ width: 4, height: 3 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

export function jpegBytes(): Buffer {
  return readFileSync(new URL('./fixtures/scan.jpg', import.meta.url));
}

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="MAIN"/>
</Relationships>`;

function contentTypes(part: string, type: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/${part}" ContentType="${type}"/>
</Types>`;
}

/** A minimal but valid Word document: content types, package relationship, one paragraph. */
export function docxBytes(): Buffer {
  const part = 'word/document.xml';
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        contentTypes(
          part,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ),
      ),
      '_rels/.rels': strToU8(RELS.replace('MAIN', part)),
      [part]: strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
          '<w:body><w:p><w:r><w:t>Tờ khai</w:t></w:r></w:p></w:body></w:document>',
      ),
    }),
  );
}

/** A minimal but valid workbook: one empty sheet. */
export function xlsxBytes(): Buffer {
  const part = 'xl/workbook.xml';
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        contentTypes(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
      ),
      '_rels/.rels': strToU8(RELS.replace('MAIN', part)),
      [part]: strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
      ),
    }),
  );
}

export function plainZipBytes(): Buffer {
  return Buffer.from(zipSync({ 'readme.txt': strToU8('not an office document') }));
}

/** The start of a Windows executable (DOS stub + PE header), as a renamed .exe would arrive. */
export function exeBytes(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export function htmlBytes(): Buffer {
  return Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
}
