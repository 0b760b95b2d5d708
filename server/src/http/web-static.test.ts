import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { ResolvedConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../web/precompress';
import { createTestApp } from '../test/harness';
import { buildApp } from './app';

// A built web app in miniature, compressed by the same Vite plugin the real build uses.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-dist-'));
const html = `<!doctype html><html lang="vi"><head><title>Một Cửa</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;
const script = `export const portal = ${JSON.stringify('cổng dịch vụ công '.repeat(200))};`;
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), html);
fs.writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), script);
fs.writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js.map'), '{"version":3}'.padEnd(2000, ' '));
fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
// Prerendered public pages and the list of paths they answer, as web/prerender.ts writes them.
const prerendered = (name: string) => html.replace('<div id="root"></div>', `<div id="root">${name}</div>`);
fs.mkdirSync(path.join(dist, 'pages'));
for (const name of ['home', 'procedure', 'portal'])
  fs.writeFileSync(path.join(dist, 'pages', `${name}.html`), prerendered(name));
fs.writeFileSync(
  path.join(dist, 'pages', 'pages.json'),
  JSON.stringify([
    { path: '^/$', file: 'pages/home.html' },
    { path: '^/thu-tuc/[^/]+$', file: 'pages/procedure.html' },
    { path: '^/(?!(office|admin|kiosk)(/|$))', file: 'pages/portal.html' },
  ]),
);
const plugin = precompress();
(plugin.configResolved as (c: ResolvedConfig) => void)({
  root: dist,
  build: { outDir: '.' },
} as ResolvedConfig);
await (plugin.closeBundle as () => Promise<void>)();

const { app: base, deps } = await createTestApp();
const app = await buildApp(deps, { logger: false, webDist: dist });
await app.ready();
afterAll(async () => {
  await app.close();
  await base.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('writes brotli and gzip copies of text assets at build time, not of source maps or tiny files', () => {
    const js = path.join(dist, 'assets', 'index-Ab12Cd34.js');
    expect(brotliDecompressSync(fs.readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(fs.readFileSync(`${js}.gz`)).toString()).toBe(script);
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(`${js}.map.br`)).toBe(false);
    expect(fs.existsSync(path.join(dist, 'favicon.svg.br'))).toBe(false);
  });

  it('GET / answers the portal to any client, not only to browsers asking for HTML', async () => {
    for (const headers of [{}, { accept: '*/*', 'user-agent': 'curl/8.5.0' }, { accept: 'text/html' }]) {
      const res = await app.inject({ method: 'GET', url: '/', headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(prerendered('home'));
    }
    const head = await app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
  });

  it('serves the precompressed copy the client accepts, brotli first, and says it varies on it', async () => {
    const url = '/assets/index-Ab12Cd34.js';
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('lets browsers keep hashed assets for a year; index.html is revalidated, the icon kept an hour', async () => {
    const asset = await app.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await app.inject({
      method: 'GET',
      url: '/thu-tuc/1.000105',
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(prerendered('procedure'));
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers each page with the HTML prerendered for it, and the office with the plain app', async () => {
    const bodyOf = async (url: string) =>
      (await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).body;
    expect(await bodyOf('/?utm=qr')).toBe(prerendered('home'));
    expect(await bodyOf('/thu-tuc/1.000105?tab=2')).toBe(prerendered('procedure'));
    expect(await bodyOf('/thu-tuc')).toBe(prerendered('portal'));
    expect(await bodyOf('/tra-cuu/000.00.00.H00-260101-0001')).toBe(prerendered('portal'));
    expect(await bodyOf('/office/xu-ly')).toBe(html);
    expect(await bodyOf('/office')).toBe(html);
    expect(await bodyOf('/admin/staff')).toBe(html);
    expect(await bodyOf('/kiosk')).toBe(html);
    expect(await bodyOf('/officer')).toBe(prerendered('portal'));
  });

  it('keeps JSON 404s for the API and for non-browser requests to unknown paths', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/khong-co', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    const probe = await app.inject({ method: 'GET', url: '/khong-co' });
    expect(probe.statusCode).toBe(404);
    expect(probe.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
