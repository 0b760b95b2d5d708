/**
 * The name a file is shown and downloaded under. What the client sent is hostile: a path (`../../etc/passwd`),
 * CR/LF that would split a header or a log line, a right-to-left override (U+202E) that makes `hóa-đơn‮fdp.exe`
 * read as `hóa-đơnexe.pdf`, zero-width characters that hide a second extension. Vietnamese letters stay as they are
 * (composed to NFC, so a name typed on macOS and one typed on Windows compare equal).
 */

/** The extension a stored file is downloaded with, by the type detected from its bytes. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/msword': ['doc'],
  'application/rtf': ['rtf'],
};

export const MAX_FILE_NAME_CHARS = 120;
const FALLBACK = 'tep-dinh-kem';

/**
 * Control characters (C0, DEL, C1), format characters (bidi embeddings, overrides and isolates, zero-width joiners,
 * BOM, soft hyphen; Unicode category Cf), line and paragraph separators, and characters no file system accepts.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"/\\|?*]/gu;
/** Names Windows reserves for devices: a download saved as `CON.pdf` fails or talks to the console. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

function extensionOf(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext: name.slice(dot + 1).toLowerCase() };
}

/** Cuts at a code point boundary, never inside a surrogate pair. */
function cut(s: string, max: number): string {
  const points = [...s];
  return points.length <= max ? s : points.slice(0, max).join('');
}

/**
 * A safe display name: the last path part only, unsafe characters removed, whitespace runs collapsed, at most
 * {@link MAX_FILE_NAME_CHARS} characters, and an extension that matches `mediaType` (a wrong one is kept as part of
 * the stem, so `anh.exe` holding a PNG becomes `anh.exe.png`: what the name says is what opens).
 */
export function safeFileName(raw: string, mediaType: string): string {
  const exts = EXTENSIONS[mediaType] ?? [];
  // The last path part, whichever separator the client's system used.
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(UNSAFE, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  const { stem, ext } = extensionOf(cleaned);
  const keepExt = exts.includes(ext);
  let body = (keepExt ? stem : cleaned).replace(/[\s.]+$/u, '');
  if (!body || RESERVED.test(body)) body = body ? `${body}_` : FALLBACK;
  const finalExt = keepExt ? ext : (exts[0] ?? '');
  const suffix = finalExt ? `.${finalExt}` : '';
  return `${cut(body, MAX_FILE_NAME_CHARS - [...suffix].length).replace(/[\s.]+$/u, '') || FALLBACK}${suffix}`;
}

/**
 * `Content-Disposition: attachment` with the name twice: an ASCII fallback (`filename=`, quotes and anything outside
 * printable ASCII replaced) for old clients, and the exact UTF-8 name as RFC 5987/6266 `filename*`.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987 attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
