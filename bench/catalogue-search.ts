import { compare, report, startTarget, stopTarget, variedRater } from './lib';
import { searchQueries } from './lib-search-queries';

// Catalogue search with 5,000 procedures loaded (PGlite, or PostgreSQL when DATABASE_URL is set). Target ratio ≥ 0.5.
// 1. One typical query repeated (diacritic-free, misspelt) against GET /api/health of the same process: what the
//    per-process result cache gives.
// 2. Varied: every request a different query drawn from the procedure names (typos, missing diacritics), more
//    distinct queries than the cache holds, against a bare Fastify route running the same search statement with
//    plain pg / PGlite on the same database: what an uncached search costs through the whole app.
const target = await startTarget('catalogue-search.ts');
try {
  const base = `http://127.0.0.1:${target.ports.app}`;
  const r = await compare(
    `${base}/api/procedures?q=giay%20pep%20xay%20dung&pageSize=20`,
    `${base}/api/health`,
  );
  report('catalogue-search (one query, cached)', r.candidate, 'req/s', r.candidate / r.baseline);

  const names = (target.ports as unknown as { names: string[] }).names;
  const queries = searchQueries(names, 3000);
  const app = variedRater(
    base,
    queries.map((q) => `/api/procedures?q=${encodeURIComponent(q)}&pageSize=20`),
  );
  const bare = variedRater(
    `http://127.0.0.1:${target.ports.bare}`,
    queries.map((q) => `/search?q=${encodeURIComponent(q)}`),
  );
  // Uncached searches are slow (a trigram scan each); 4 connections keep the queue short on one PGlite session.
  await bare(3, 4);
  await app(3, 4);
  let a = 0;
  let b = 0;
  for (let i = 0; i < 3; i++) {
    b += await bare(8, 4);
    a += await app(8, 4);
  }
  if (b === 0)
    console.log('catalogue-search (varied): no search finished in the time given (machine too loaded)');
  else report(`catalogue-search (varied, ${queries.length} queries)`, a / 3, 'req/s', a / b);
} finally {
  await stopTarget(target);
}
