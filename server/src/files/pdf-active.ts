import { inflateSync } from 'node:zlib';

/**
 * Active content in a PDF: script, actions that start programs or send data, files carried inside, XFA forms. None of
 * it belongs in a scanned paper or a filled-in form, and a desk computer's PDF reader would run it, so such files are
 * refused (not cleaned: rewriting a PDF would break any signature on it and change what the applicant sent).
 *
 * The keys are looked for in the raw file and inside compressed object streams (PDF 1.5+ keeps dictionaries there),
 * with `#xx` escapes in names decoded (`/J#53` is `/JS`).
 */
const ACTIVE_NAMES = new Map<string, { vi: string; en: string }>([
  ['JS', { vi: 'mã JavaScript', en: 'JavaScript' }],
  ['JavaScript', { vi: 'mã JavaScript', en: 'JavaScript' }],
  ['Launch', { vi: 'lệnh chạy chương trình (/Launch)', en: 'a program launch action (/Launch)' }],
  ['EmbeddedFile', { vi: 'tệp đính kèm bên trong', en: 'embedded files' }],
  ['EmbeddedFiles', { vi: 'tệp đính kèm bên trong', en: 'embedded files' }],
  ['RichMedia', { vi: 'nội dung đa phương tiện chủ động', en: 'rich media' }],
  ['XFA', { vi: 'biểu mẫu XFA', en: 'an XFA form' }],
  ['SubmitForm', { vi: 'lệnh gửi dữ liệu đi (/SubmitForm)', en: 'a submit-form action' }],
  ['ImportData', { vi: 'lệnh nhập dữ liệu (/ImportData)', en: 'an import-data action' }],
  ['GoToE', { vi: 'lệnh mở tệp nhúng (/GoToE)', en: 'an embedded go-to action' }],
]);

/** HTML that would make the file a polyglot: a browser or mail client sniffing it would render a page. */
const HTML_MARKERS = /<(?:!doctype\s+html|html[\s>]|script[\s>]|body[\s>]|iframe[\s>]|svg[\s>])/i;

/** Uncompressed object streams above this are refused rather than inflated further (a PDF is at most 10 MB). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export type PdfProblem = { vi: string; en: string };

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function activeName(text: string): PdfProblem | null {
  for (const m of text.matchAll(/\/([^\s/<>[\](){}%]+)/g)) {
    const found = ACTIVE_NAMES.get(decodeName(m[1]!));
    if (found) return found;
  }
  return null;
}

/** The decoded contents of the file's object streams, or a problem when one cannot be read. */
function objectStreams(bytes: Buffer, text: string): string[] | PdfProblem {
  const out: string[] = [];
  let budget = MAX_INFLATED_BYTES;
  for (const m of text.matchAll(/\bobj\b((?:(?!\bobj\b|endobj)[\s\S]){0,4096}?)\bstream(\r\n|\n|\r)/g)) {
    const dict = decodeName(m[1]!);
    if (!/\/Type\s*\/ObjStm\b/.test(dict)) continue;
    const start = m.index + m[0].length;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const direct = length ? start + Number(length[1]) : -1;
    const end = direct > start && direct <= bytes.length ? direct : text.indexOf('endstream', start);
    if (end < 0) return { vi: 'tệp PDF bị hỏng', en: 'the PDF is damaged' };
    const filter = /\/Filter\s*\[?\s*\/(\w+)/.exec(dict)?.[1];
    const raw = bytes.subarray(start, end);
    if (!filter) {
      out.push(raw.toString('latin1'));
      continue;
    }
    const cannot = {
      vi: 'không kiểm tra được nội dung tệp PDF (mã hóa hoặc nén lạ); hãy lưu lại tệp dưới dạng PDF thông thường',
      en: 'the PDF content cannot be checked (encrypted or unusually compressed); save it again as a plain PDF',
    };
    if (filter !== 'FlateDecode') return cannot;
    try {
      const inflated = inflateSync(raw, { maxOutputLength: budget });
      budget -= inflated.length;
      out.push(inflated.toString('latin1'));
    } catch {
      return cannot;
    }
  }
  return out;
}

/** Null when the PDF holds no active content and nothing after its end; else what was found. */
export function pdfProblem(bytes: Buffer): PdfProblem | null {
  const text = bytes.toString('latin1');
  const eof = text.lastIndexOf('%%EOF');
  if (eof >= 0 && /[^\s\0]/.test(text.slice(eof + 5))) {
    return {
      vi: 'có dữ liệu lạ nối sau phần kết thúc của tệp PDF',
      en: 'there is data appended after the end of the PDF',
    };
  }
  if (HTML_MARKERS.test(text)) return { vi: 'tệp PDF có chứa mã HTML', en: 'the PDF contains HTML' };
  const found = activeName(text);
  if (found) return withPrefix(found);
  const streams = objectStreams(bytes, text);
  if (!Array.isArray(streams)) return streams;
  for (const s of streams) {
    const inner = activeName(s);
    if (inner) return withPrefix(inner);
  }
  return null;
}

const withPrefix = (what: PdfProblem): PdfProblem => ({
  vi: `tệp PDF có nội dung chủ động (${what.vi}); hãy in lại ra PDF hoặc quét lại giấy tờ`,
  en: `the PDF holds active content (${what.en}); print it to PDF again or scan the paper again`,
});

export { HTML_MARKERS };
