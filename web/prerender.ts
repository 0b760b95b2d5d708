import path from 'node:path';
import { createServer, type Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';

/**
 * The public pages a phone opens first, prerendered at build time: `path` (a RegExp source, first match wins) is
 * what the server answers with `file`; `page` names the route's lazy chunk, whose scripts the HTML then
 * modulepreloads beside the entry so they download at once instead of one after another.
 * Everything else (office, administration, kiosk) gets the plain index.html.
 */
export const PAGES = [
  { path: '^/$', file: 'pages/home.html', render: 'home' },
  {
    path: '^/thu-tuc/[^/]+$',
    file: 'pages/procedure.html',
    render: 'shell',
    page: 'routes/portal/ProcedurePage',
  },
  {
    path: '^/tra-cuu(/[^/]+)?$',
    file: 'pages/lookup.html',
    render: 'shell',
    page: 'routes/portal/LookupPage',
  },
  { path: '^/(?!(office|admin|kiosk)(/|$))', file: 'pages/portal.html', render: 'shell' },
] as const;

/** Where the server finds the list above (path → file), written next to the pages. */
export const PAGES_MANIFEST = 'pages/pages.json';

/** A chunk's static imports, transitively, with the stylesheets they bring. */
function closure(bundle: OutputBundle, start: OutputChunk) {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (c: OutputChunk) => {
    if (js.has(c.fileName)) return;
    js.add(c.fileName);
    for (const f of (c as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])
      css.add(f);
    for (const i of c.imports) if (bundle[i]?.type === 'chunk') visit(bundle[i] as OutputChunk);
  };
  visit(start);
  return { js, css };
}

/**
 * Renders the portal's home page and shell with React on Node (src/prerender.tsx through a Vite SSR loader) into
 * copies of the built index.html, so the first paint needs no script (ADR 0021). The app renders over it with
 * createRoot: no hydration to keep in step, and a visitor who chose English sees the same frame, then English.
 */
export function prerender(): Plugin {
  let root = '';
  return {
    name: 'motcua-prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') return;
        const html = String(index.source);
        const ssr = await createServer({
          root,
          configFile: false,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
        });
        try {
          const { renderPortal } = (await ssr.ssrLoadModule(path.join(root, 'src/prerender.tsx'))) as {
            renderPortal(page: 'home' | 'shell'): string;
          };
          const rendered = { home: renderPortal('home'), shell: renderPortal('shell') };
          const entry = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.isEntry);
          const already = entry ? closure(bundle, entry).js : new Set<string>();
          for (const p of PAGES) {
            let head = '';
            if ('page' in p) {
              const chunk = Object.values(bundle).find(
                (c): c is OutputChunk =>
                  c.type === 'chunk' && !!c.facadeModuleId?.includes(`src/${p.page}.tsx`),
              );
              if (!chunk) throw new Error(`prerender: no chunk for ${p.page}`);
              const { js, css } = closure(bundle, chunk);
              for (const f of js)
                if (!already.has(f)) head += `\n    <link rel="modulepreload" crossorigin href="/${f}">`;
              for (const f of css) head += `\n    <link rel="preload" as="style" crossorigin href="/${f}">`;
            }
            this.emitFile({
              type: 'asset',
              fileName: p.file,
              source: html
                .replace('</head>', `${head}\n  </head>`)
                // inert until the app renders over it: a tap on a button the app has not wired yet would be lost.
                .replace(
                  '<div id="root"></div>',
                  `<div id="root"><div inert>${rendered[p.render]}</div></div>`,
                ),
            });
          }
          this.emitFile({
            type: 'asset',
            fileName: PAGES_MANIFEST,
            source: JSON.stringify(PAGES.map(({ path, file }) => ({ path, file }))),
          });
        } finally {
          await ssr.close();
        }
      },
    },
  };
}
