import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';

/** Shared bench plumbing: targets run in a child process, load comes from this one over loopback. */
export type Target = { child: ChildProcess; ports: Record<string, number> };

export async function startTarget(
  script: string,
  env: Record<string, string> = {},
  execArgv: string[] = [],
): Promise<Target> {
  const child = fork(path.resolve(import.meta.dirname, 'targets', script), [], {
    execArgv: [
      '--import',
      'tsx',
      '--import',
      path.resolve(import.meta.dirname, 'targets', 'exit-with-parent.ts'),
      ...execArgv,
    ],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ports = await new Promise<Record<string, number>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Record<string, number>));
    child.once('exit', (code) => reject(new Error(`bench target ${script} exited with ${code}`)));
  });
  return { child, ports };
}

export async function stopTarget(t: Target): Promise<void> {
  const exited = new Promise((r) => t.child.once('exit', r));
  t.child.kill('SIGTERM');
  await exited;
}

export async function rate(url: string, seconds: number, connections = 16): Promise<number> {
  const result = await autocannon({ url, duration: seconds, connections, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/**
 * Measures a candidate against a baseline in the same run, alternating rounds so drift on a noisy machine
 * hits both alike; returns the mean rates.
 */
export async function compare(candidate: string, baseline: string, rounds = 3, seconds = 4) {
  await rate(baseline, 2);
  await rate(candidate, 2);
  let c = 0;
  let b = 0;
  for (let i = 0; i < rounds; i++) {
    b += await rate(baseline, seconds);
    c += await rate(candidate, seconds);
  }
  return { candidate: c / rounds, baseline: b / rounds };
}

export function report(name: string, value: number, unit: string, ratio: number): void {
  console.log(`${name}: ${value.toFixed(0)} ${unit} (ratio ${ratio.toFixed(2)} vs baseline)`);
}

/** Like `rate`, but each request takes the next path of `paths` (in turn, from where the last call stopped). */
export function variedRater(origin: string, paths: readonly string[]) {
  let i = 0;
  return async (seconds: number, connections = 16): Promise<number> => {
    const result = await autocannon({
      url: origin,
      duration: seconds,
      connections,
      pipelining: 1,
      requests: [
        {
          setupRequest: (req) => {
            req.path = paths[i++ % paths.length]!;
            return req;
          },
        },
      ],
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${origin}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    // Completed requests over the run (the per-second average rounds slow targets down to 0).
    return result.requests.total / result.duration;
  };
}
