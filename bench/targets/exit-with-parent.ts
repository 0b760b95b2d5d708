import pg from 'pg';

// Loaded into every bench target (`startTarget`): when the bench that forked it goes away — finished, Ctrl-C or
// killed — the IPC channel closes. The target then cancels its own statements in PostgreSQL (a server-side
// INSERT of a million rows would otherwise run on for hours after its client died) and stops as on SIGTERM (its own
// handler closes the servers and drops its database), so nothing is left running after its bench is gone.
// Its connections carry `application_name` = motcua-bench-<pid> to be found.
const appName = `motcua-bench-${process.pid}`;
process.env.PGAPPNAME = appName;

async function cancelOwnStatements() {
  const admin = new pg.Client({
    connectionString:
      process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    application_name: `${appName}-cancel`,
  });
  await admin.connect();
  await admin.query(
    `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'`,
    [appName],
  );
  await admin.end();
}

process.once('disconnect', () => {
  setTimeout(() => process.exit(1), 30_000).unref();
  cancelOwnStatements()
    .catch(() => undefined)
    .finally(() => process.kill(process.pid, 'SIGTERM'));
});

/**
 * A target's shutdown, run once whichever comes first — SIGTERM (from its bench, or from the handler above when the
 * bench is gone) or a failed step calling the answer — then exit with that code.
 */
export function stopOnce(cleanup: () => Promise<void>): (code: number) => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stop = (code: number) => (stopping ??= cleanup().then(() => process.exit(code)));
  // Every SIGTERM, not only the first: a second one (the handler above sends one after a SIGTERM or Ctrl-C that reached
  // the whole process group) would otherwise end the process by default mid-cleanup, leaving its database behind.
  process.on('SIGTERM', () => void stop(0));
  return stop;
}
