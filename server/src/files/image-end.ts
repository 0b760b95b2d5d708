/**
 * Where an image's own data ends. Bytes after the end marker are not part of the picture: a phone may append a video
 * (motion photos), an attacker appends HTML or a ZIP to make a polyglot. The store keeps the image only, so what is
 * downloaded is exactly what the picture shows.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Offset just after the IEND chunk (with its CRC), or null when the chunks do not reach one. */
export function pngEnd(b: Buffer): number | null {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let p = 8;
  while (p + 12 <= b.length) {
    const len = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    const next = p + 12 + len;
    if (next > b.length) return null;
    if (type === 'IEND') return next;
    p = next;
  }
  return null;
}

/**
 * Offset just after the EOI marker that closes the image, found by walking the marker segments (not by searching for
 * FF D9, which an EXIF thumbnail inside APP1 also contains); null when the walk does not reach EOI.
 */
export function jpegEnd(b: Buffer): number | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let p = 2;
  while (p < b.length) {
    if (b[p] !== 0xff) return null;
    while (p < b.length && b[p] === 0xff) p++; // fill bytes
    if (p >= b.length) return null;
    const marker = b[p]!;
    p++;
    if (marker === 0xd9) return p;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (p + 2 > b.length) return null;
    p += b.readUInt16BE(p);
    if (marker !== 0xda) continue;
    // Entropy-coded data runs until a marker other than a stuffed zero or a restart marker.
    while (p + 1 < b.length) {
      if (
        b[p] === 0xff &&
        b[p + 1] !== 0x00 &&
        !(b[p + 1]! >= 0xd0 && b[p + 1]! <= 0xd7) &&
        b[p + 1] !== 0xff
      )
        break;
      p++;
    }
    if (p + 1 >= b.length) return null;
  }
  return null;
}
