import { compare, report, startTarget, stopTarget } from './lib';

// A typical catalogue search (diacritic-free, misspelt, first page) against GET /api/health of the same process,
// with 5,000 procedures loaded. Target ratio ≥ 0.5.
const target = await startTarget('catalogue-search.ts');
try {
  const base = `http://127.0.0.1:${target.ports.app}`;
  const r = await compare(
    `${base}/api/procedures?q=giay%20pep%20xay%20dung&pageSize=20`,
    `${base}/api/health`,
  );
  report('catalogue-search', r.candidate, 'req/s', r.candidate / r.baseline);
} finally {
  await stopTarget(target);
}
