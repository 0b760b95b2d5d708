import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { createFont } from 'fonteditor-core';

/**
 * Tinos (metric-compatible with Times New Roman, the face ND 30/2020 Phụ lục I asks for) from the `@fontsource/tinos`
 * npm package. Fontsource ships it split by Unicode range (latin, latin-ext, vietnamese), so the three subsets are
 * merged into one TrueType font per style with fonteditor-core: composite glyphs (the precomposed Vietnamese letters)
 * are flattened first so their outlines survive the merge; a code point in two subsets keeps its first glyph.
 * Merging takes about two seconds per style, so the result is cached on disk per package version.
 */
const require = createRequire(import.meta.url);
const SUBSETS = ['latin', 'latin-ext', 'vietnamese'] as const;
const STYLES = {
  regular: '400-normal',
  bold: '700-normal',
  italic: '400-italic',
  boldItalic: '700-italic',
} as const;
export type TinosStyle = keyof typeof STYLES;

function subsetFile(subset: string, style: string): string {
  return require.resolve(`@fontsource/tinos/files/tinos-${subset}-${style}.woff`);
}

function load(file: string) {
  const font = createFont(fs.readFileSync(file), {
    type: 'woff',
    inflate: (data: number[]) => Array.from(inflateSync(Buffer.from(data))),
    compound2simple: true,
  });
  return font.compound2simple();
}

/** One TrueType font of a style from the three subsets. */
export function mergeTinos(style: TinosStyle): Buffer {
  const [first, ...rest] = SUBSETS.map((s) => load(subsetFile(s, STYLES[style])));
  for (const f of rest) first!.merge(f, { scale: 1 });
  const seen = new Set<number>();
  for (const g of first!.get().glyf) {
    if (g.unicode) g.unicode = g.unicode.filter((u) => !seen.has(u) && Boolean(seen.add(u)));
  }
  return first!.write({ type: 'ttf', toBuffer: true }) as Buffer;
}

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(require.resolve('@fontsource/tinos/package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The merged font of a style, from the cache (made once per machine and package version). */
export function tinos(style: TinosStyle): Buffer {
  const dir = path.join(os.tmpdir(), `motcua-tinos-${version()}`);
  const file = path.join(dir, `tinos-${style}.ttf`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const bytes = mergeTinos(style);
  fs.mkdirSync(dir, { recursive: true });
  // Another process may be merging the same style: write aside, then rename (atomic; either copy is the same).
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return bytes;
}
