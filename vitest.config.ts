import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: fast unit + API tests (each file gets its own database), and browser journeys.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, so every file ran in turn
    // while the test files mostly wait on PostgreSQL, the server and the browser. One per core (at least two) instead.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'server/src/**/*.test.ts',
            'contracts/src/**/*.test.ts',
            'web/src/**/*.test.ts',
            'bench/soak/*.test.ts',
          ],
          globalSetup: ['server/src/test/global-setup.ts'],
          environment: 'node',
          // Files share each worker's module graph (they share no state: each has its own database and app), so the
          // server's modules load once per worker instead of once per file.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['server/src/test/global-setup.ts', 'e2e/global-setup.ts'],
          // A busy 2-core CI machine runs the server, the browser and the tests at once.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One journey file at a time (its server, browser and database use a core): two journeys at once on 2 cores
          // missed their poll timeouts. E2E_PARALLEL=1 runs them side by side on a bigger machine. Vitest runs such a
          // project after every other file; running it beside the unit files instead (a second Vitest run) measured
          // slower on 2 cores (1,148 s against 809 s for the whole CI): the machine is busy either way.
          // The journey files share the worker's module graph, as the unit files do (each has its own server,
          // browser and database), so the server's modules load once rather than once per file.
          fileParallelism: Boolean(process.env.E2E_PARALLEL),
          isolate: false,
          // A single worker that does not isolate files needs a group of its own (Vitest refuses two worker counts
          // in one group); it runs after the unit files, as it would anyway.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
