import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Browser journeys run against the production build of the web app, served by the real server. */
export default function setup() {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: path.join(root, 'web'),
      // Inside vitest NODE_ENV is 'test', which would bundle React's development build (twice the size, slower).
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
}
