#!/usr/bin/env node
// Container health check: the API answers /api/health on its port (the worker has no port; its unit disables this).
const port = process.env.PORT || 3000;
globalThis.fetch(`http://127.0.0.1:${port}/api/health`).then(
  (r) => process.exit(r.ok ? 0 : 1),
  () => process.exit(1),
);
