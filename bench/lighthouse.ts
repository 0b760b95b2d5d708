import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startTarget, stopTarget } from './lib';

// Lighthouse (its default mobile profile: a mid-range phone, slow 4G, simulated throttling) on the portal's home,
// procedure and lookup pages, against the built web app served by the real server with demo data, in Debian's
// Chromium. Targets (issue 13): performance ≥ 90, accessibility / best practices / SEO ≥ 95. Builds
// the web app first. LIGHTHOUSE_RUNS=n takes the median of n runs per page.
const root = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET: Record<(typeof CATEGORIES)[number], number> = {
  performance: 90,
  accessibility: 95,
  'best-practices': 95,
  seo: 95,
};

/** Lighthouse's own mobile network profile (slow 4G), restated when the CPU factor is overridden. */
const SLOW_4G = {
  rttMs: 150,
  throughputKbps: 1638.4,
  requestLatencyMs: 562.5,
  downloadThroughputKbps: 1474.56,
  uploadThroughputKbps: 675,
};

type Scores = Record<string, number>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// A production build first: a build made inside vitest (NODE_ENV=test, as the browser journeys' setup does) carries
// React's development bundle, twice the size and much slower.
execFileSync(
  process.execPath,
  [path.resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: path.resolve(root, 'web'),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  },
);
// What a first visit's HTML makes the phone download before anything runs: the entry script and its modulepreloads.
const dist = path.resolve(root, 'web/dist');
const firstScripts = [
  ...fs.readFileSync(path.join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g),
].map((m) => m[1]!);
const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const raw = firstScripts.reduce((a, f) => a + size(path.join(dist, f)), 0);
const br = firstScripts.reduce(
  (a, f) => a + (size(path.join(dist, `${f}.br`)) || size(path.join(dist, f))),
  0,
);
console.log(`first-page scripts: ${firstScripts.length} files, ${kB(raw)} raw, ${kB(br)} brotli`);

const target = await startTarget('web.ts', { LOG_LEVEL: 'warn' });
const { app, procedure, dossier } = target.ports as unknown as {
  app: number;
  procedure: string;
  dossier: string;
};
const base = `http://127.0.0.1:${app}`;
const only = process.env.LIGHTHOUSE_PAGES?.split(',');
const allPages = {
  home: `${base}/`,
  procedure: `${base}/thu-tuc/${encodeURIComponent(procedure)}`,
  lookup: `${base}/tra-cuu/${encodeURIComponent(dossier)}`,
};
const pages = Object.fromEntries(Object.entries(allPages).filter(([name]) => !only || only.includes(name)));
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
let failed = false;
try {
  for (const [name, url] of Object.entries(pages)) {
    const runs: Scores[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // Lighthouse slows the CPU 4× to stand for a phone, assuming an idle desktop-class host; on a host already
        // slowed by other work (see the benchmark index printed) LIGHTHOUSE_CPU_SLOWDOWN sets a smaller factor.
        ...(process.env.LIGHTHOUSE_CPU_SLOWDOWN
          ? { throttling: { ...SLOW_4G, cpuSlowdownMultiplier: Number(process.env.LIGHTHOUSE_CPU_SLOWDOWN) } }
          : {}),
      });
      if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
      // LIGHTHOUSE_REPORTS=dir keeps each run's full report (JSON) to read its opportunities and diagnostics.
      if (process.env.LIGHTHOUSE_REPORTS) {
        fs.mkdirSync(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
        fs.writeFileSync(
          path.join(process.env.LIGHTHOUSE_REPORTS, `${name}-${i + 1}.json`),
          JSON.stringify(result.lhr),
        );
      }
      const { categories, audits } = result.lhr;
      const scores: Scores = {};
      for (const c of CATEGORIES) scores[c] = Math.round((categories[c]?.score ?? 0) * 100);
      scores.fcp = audits['first-contentful-paint']?.numericValue ?? NaN;
      scores.lcp = audits['largest-contentful-paint']?.numericValue ?? NaN;
      scores.tbt = audits['total-blocking-time']?.numericValue ?? NaN;
      scores.bi = result.lhr.environment.benchmarkIndex;
      runs.push(scores);
      if (process.env.LIGHTHOUSE_VERBOSE) {
        const work = audits['mainthread-work-breakdown']?.details;
        const boot = audits['bootup-time']?.details;
        const rows = (d: typeof work) => (d && 'items' in d ? (d.items as Record<string, unknown>[]) : []);
        console.log(
          `  ${name} main thread:`,
          rows(work)
            .map((r) => `${r.group} ${Math.round(Number(r.duration))}`)
            .join(', '),
        );
        console.log(
          `  ${name} scripts:`,
          rows(boot)
            .map((r) => `${String(r.url).replace(base, '')} ${Math.round(Number(r.total))}`)
            .join(', '),
        );
      }
      // What costs points outside performance, so a regression names its audit.
      for (const c of CATEGORIES.filter((c) => c !== 'performance' && (categories[c]?.score ?? 0) < 1)) {
        const lost = categories[c]!.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1);
        console.log(`  ${name} ${c}: ${lost.map((r) => r.id).join(', ')}`);
      }
    }
    const m = (k: string) => median(runs.map((r) => r[k]!));
    const line = CATEGORIES.map((c) => `${c} ${m(c)}`).join(', ');
    const metrics = `FCP ${(m('fcp') / 1000).toFixed(1)} s, LCP ${(m('lcp') / 1000).toFixed(1)} s, TBT ${Math.round(m('tbt'))} ms; host benchmark index ${Math.round(m('bi'))}`;
    const below = CATEGORIES.filter((c) => m(c) < TARGET[c]);
    if (below.length) failed = true;
    console.log(
      `lighthouse ${name}: ${line} (${metrics})${below.length ? ` BELOW TARGET: ${below.join(', ')}` : ''}`,
    );
  }
} finally {
  chrome.kill();
  await stopTarget(target);
}
process.exit(failed ? 1 : 0);
