// `npm test`: the unit and API files and the browser journeys, as two Vitest runs side by side.
//
// In one Vitest run, a project without file parallelism (the journeys: one at a time, or they miss their poll
// timeouts on 2 cores) goes into a group of its own that starts only when every other file has finished, so one core
// idled through all the journeys. Here the journeys run one at a time from the start while the unit and API files use
// every core at a lower CPU priority: the journey's server and browser get the CPU first, the unit files the rest.
// Arguments (file filters, -t …) go to both runs; a run that finds none of the named files passes.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const children = [];
const vitest = path.resolve(import.meta.dirname, '../node_modules/vitest/vitest.mjs');
const args = process.argv.slice(2);
// Each run names its own test databases and template (server/src/test/global-setup.ts).
const { MOTCUA_TEST_RUN: _shared, ...env } = process.env;

function run(project, priority) {
  const child = spawn(process.execPath, [vitest, 'run', '--project', project, '--passWithNoTests', ...args], {
    // Piped, Vitest would drop its colours on a terminal.
    env: process.stdout.isTTY ? { ...env, FORCE_COLOR: '1' } : env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  // Set before Vitest starts its workers, which inherit it. Lowering a priority needs no privilege.
  if (priority) os.setPriority(child.pid, priority);
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ])
    readline.createInterface({ input: from }).on('line', (line) => to.write(`[${project}] ${line}\n`));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const codes = await Promise.all([run('e2e', 0), run('unit', 10)]);
const failed = codes.some((c) => c !== 0);
console.log(
  `npm test: unit ${codes[1] === 0 ? 'passed' : 'FAILED'}, e2e ${codes[0] === 0 ? 'passed' : 'FAILED'}`,
);
process.exit(failed ? 1 : 0);
