import fs from 'node:fs';
import path from 'node:path';

type PageEntry = { path: string; file: string };

/**
 * Which built HTML file answers a browser's page request: the portal's public pages are prerendered at build time
 * (web/prerender.ts lists them, with the path each answers, in pages/pages.json); any other path, or a build
 * without that list, gets index.html. Read once at boot: a build replaces the files and the server restarts.
 */
export function webPageFile(webDist: string): (url: string) => string {
  const manifest = path.join(webDist, 'pages', 'pages.json');
  const pages = fs.existsSync(manifest)
    ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as PageEntry[]).map((p) => ({
        pattern: new RegExp(p.path),
        file: p.file,
      }))
    : [];
  return (url) => {
    const pathname = url.split(/[?#]/, 1)[0]!;
    return pages.find((p) => p.pattern.test(pathname))?.file ?? 'index.html';
  };
}
