import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Test helpers: read back what a rendered PDF says and shows, with the same engine browsers use. */
async function open(pdf: Buffer) {
  return getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** All text of all pages, items joined by spaces and whitespace collapsed. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await open(pdf);
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return parts.join('').replace(/[ \t]+/g, ' ');
}

export type RgbaImage = { width: number; height: number; data: Uint8ClampedArray };

/** The raster images painted on page 1, decoded to RGBA. */
export async function pdfImages(pdf: Buffer): Promise<RgbaImage[]> {
  const doc = await open(pdf);
  const page = await doc.getPage(1);
  const ops = await page.getOperatorList();
  const images: RgbaImage[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const name = (ops.argsArray[i] as [string])[0];
    const img = (await new Promise((resolve) => page.objs.get(name, resolve))) as {
      width: number;
      height: number;
      data: Uint8ClampedArray;
      kind: number;
    };
    images.push({ width: img.width, height: img.height, data: toRgba(img) });
  }
  await doc.destroy();
  return images;
}

// pdf.js ImageKind: 1 = 1 bpp grayscale, 2 = RGB 24 bpp, 3 = RGBA 32 bpp.
function toRgba(img: {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  kind: number;
}): Uint8ClampedArray {
  const n = img.width * img.height;
  if (img.kind === 3) return img.data;
  const out = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    let v: [number, number, number];
    if (img.kind === 2) v = [img.data[p * 3] ?? 0, img.data[p * 3 + 1] ?? 0, img.data[p * 3 + 2] ?? 0];
    else {
      const rowBytes = Math.ceil(img.width / 8);
      const x = p % img.width;
      const y = Math.floor(p / img.width);
      const bit = ((img.data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      v = bit ? [255, 255, 255] : [0, 0, 0];
    }
    out.set([...v, 255], p * 4);
  }
  return out;
}
