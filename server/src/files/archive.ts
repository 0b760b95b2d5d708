import { inflateRawSync } from 'node:zlib';

/**
 * ZIP containers (DOCX, XLSX, ODT and friends) checked before they are stored: a desk computer that opens an
 * attachment, an indexer or a preview must not be handed a zip bomb. The central directory's declared sizes are
 * checked first (cheap, no decompression), then every member is inflated with a ceiling of its declared size, so an
 * archive that lies about its sizes is caught too, and the work is bounded by {@link ZIP_LIMITS}.
 */
export const ZIP_LIMITS = {
  maxEntries: 5_000,
  /** Declared uncompressed size of all members together. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Uncompressed : compressed, per member and for the whole archive, above {@link ZIP_LIMITS.ratioFloorBytes}. */
  maxRatio: 100,
  /** Small members may compress very well (an empty sheet); the ratio only counts above this size. */
  ratioFloorBytes: 1024 * 1024,
} as const;

export type ZipProblem = { vi: string; en: string };

type Entry = {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const damaged = (en: string, vi: string): ZipProblem => ({
  vi: `tệp nén bị hỏng (${vi})`,
  en: `the archive is damaged (${en})`,
});

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

function findEnd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The central directory's entries (ZIP64 included), or the reason it cannot be read. */
function readCentralDirectory(b: Buffer): Entry[] | ZipProblem {
  const end = findEnd(b);
  if (end < 0) return damaged('no end of central directory', 'không có mục lục');
  let count = b.readUInt16LE(end + 10);
  let offset = b.readUInt32LE(end + 16);
  if ((count === 0xffff || offset === MAX32) && end >= 20 && b.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const at = u64(b, end - 20 + 8);
    if (at + 56 > b.length || b.readUInt32LE(at) !== ZIP64_EOCD)
      return damaged('bad ZIP64 record', 'bản ghi ZIP64 sai');
    count = u64(b, at + 32);
    offset = u64(b, at + 48);
  }
  if (count > ZIP_LIMITS.maxEntries) {
    return {
      vi: `tệp nén có ${count} thành phần, quá ${ZIP_LIMITS.maxEntries}`,
      en: `the archive has ${count} members, over ${ZIP_LIMITS.maxEntries}`,
    };
  }
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL)
      return damaged('bad central directory', 'mục lục sai');
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const e: Entry = {
      name: b.toString('utf8', p + 46, Math.min(b.length, p + 46 + nameLen)),
      flags: b.readUInt16LE(p + 8),
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      uncompressed: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
    };
    // ZIP64 extended information: the 64-bit values, in this order, for the fields that hold 0xFFFFFFFF.
    let x = p + 46 + nameLen;
    const extraEnd = Math.min(b.length, x + extraLen);
    while (x + 4 <= extraEnd) {
      const id = b.readUInt16LE(x);
      const size = b.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const next = () => {
          if (f + 8 > x + 4 + size || f + 8 > b.length) return null;
          const v = u64(b, f);
          f += 8;
          return v;
        };
        if (e.uncompressed === MAX32) e.uncompressed = next() ?? MAX32;
        if (e.compressed === MAX32) e.compressed = next() ?? MAX32;
        if (e.localOffset === MAX32) e.localOffset = next() ?? MAX32;
      }
      x += 4 + size;
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

function declaredProblem(entries: readonly Entry[], archiveBytes: number): ZipProblem | null {
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    if (e.flags & 0x1) return { vi: 'tệp nén có mật khẩu', en: 'the archive is encrypted' };
    if (e.method !== 0 && e.method !== 8) {
      return {
        vi: `thành phần “${e.name}” nén theo cách không hỗ trợ (${e.method})`,
        en: `member “${e.name}” uses an unsupported compression method (${e.method})`,
      };
    }
    const ratio = e.uncompressed / Math.max(1, e.compressed);
    if (e.uncompressed > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio) {
      return {
        vi: `thành phần “${e.name}” bung ra ${mb(e.uncompressed)} MB, gấp ${Math.round(ratio)} lần khi nén`,
        en: `member “${e.name}” expands to ${mb(e.uncompressed)} MB, ${Math.round(ratio)} times its compressed size`,
      };
    }
    total += e.uncompressed;
    compressed += e.compressed;
  }
  if (total > ZIP_LIMITS.maxTotalBytes) {
    return {
      vi: `nội dung giải nén ${mb(total)} MB, vượt quá ${mb(ZIP_LIMITS.maxTotalBytes)} MB`,
      en: `the content expands to ${mb(total)} MB, over ${mb(ZIP_LIMITS.maxTotalBytes)} MB`,
    };
  }
  if (total > ZIP_LIMITS.ratioFloorBytes && total / Math.max(1, compressed) > ZIP_LIMITS.maxRatio) {
    return {
      vi: `tệp nén bung ra gấp ${Math.round(total / Math.max(1, compressed))} lần`,
      en: `the archive expands ${Math.round(total / Math.max(1, compressed))} times`,
    };
  }
  // Members that share their bytes (overlapping entries) are how the smallest zip bombs are built.
  if (compressed > archiveBytes) return damaged('overlapping members', 'các thành phần chồng lên nhau');
  return null;
}

/** Inflates each member with a ceiling of its declared size: more output than declared is a lie. */
function actualProblem(b: Buffer, entries: readonly Entry[]): ZipProblem | null {
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > b.length || b.readUInt32LE(p) !== LOCAL) return damaged('bad local header', 'đầu mục sai');
    const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
    if (start + e.compressed > b.length)
      return damaged('member past the end', 'thành phần vượt quá cuối tệp');
    const data = b.subarray(start, start + e.compressed);
    let size: number;
    if (e.method === 0) size = data.length;
    else {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) }).length;
      } catch (err) {
        const tooBig =
          err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        return tooBig
          ? {
              vi: `thành phần “${e.name}” bung ra lớn hơn kích thước khai báo`,
              en: `member “${e.name}” expands beyond its declared size`,
            }
          : damaged(`member “${e.name}” does not inflate`, `không giải nén được “${e.name}”`);
      }
    }
    if (size !== e.uncompressed) {
      return {
        vi: `thành phần “${e.name}” khác kích thước khai báo`,
        en: `member “${e.name}” differs from its declared size`,
      };
    }
  }
  return null;
}

/** Null when the ZIP archive is safe to keep; else why not (for FILE_CONTENT_REFUSED). */
export function zipProblem(bytes: Buffer): ZipProblem | null {
  const entries = readCentralDirectory(bytes);
  if (!Array.isArray(entries)) return entries;
  return declaredProblem(entries, bytes.length) ?? actualProblem(bytes, entries);
}
