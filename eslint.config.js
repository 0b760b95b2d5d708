import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import path from 'node:path';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Time is a dependency (issue 10): nothing reads the wall clock but the clock modules, so tests fix time and the
 * suite passes at any hour. `new Date(x)` with an argument is fine; `new Date()` and `Date.now()` are not.
 */
const wallClock = [
  {
    selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
    message:
      'Read the time from the clock you were given (deps.clock, ctx.now, requestNow(req)), not new Date().',
  },
  {
    selector: 'CallExpression[callee.object.name="Date"][callee.property.name="now"]',
    message:
      'Read the time from the clock you were given (deps.clock, ctx.now, requestNow(req)), not Date.now().',
  },
];
/**
 * Module boundaries (issue 13): a module uses another only through its `index.ts`. A path that leaves the module's
 * folder for a sibling module's file other than its index is a reach-around. Tests and test helpers may use other
 * modules' test helpers and fixtures.
 */
const moduleBoundaries = {
  rules: {
    'index-only': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const file = context.filename.replaceAll('\\', '/');
        const own = /\/server\/src\/modules\/([^/]+)\//.exec(file)?.[1];
        if (!own) return {};
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source));
          const match = /\/server\/src\/modules\/([^/]+)\/(.+)$/.exec(target);
          if (!match || match[1] === own || match[2] === 'index') return;
          context.report({
            node: node.source,
            message: `Import the ${match[1]} module through '${match[1]}/index', not its file '${match[2]}'. Export what you need from its index.ts.`,
          });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};
const noEnums = { selector: 'TSEnumDeclaration', message: 'Use a string union instead of an enum.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noEnums, ...wallClock],
    },
  },
  {
    // pdf.js's Node build replaces built-ins (JSON.stringify, Array.prototype.push, …) with slower polyfills in the
    // thread that loads it: the server loads it only in its worker thread (server/src/files/pdf-pages.worker.mjs).
    files: ['server/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-helpers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['pdfjs-dist', 'pdfjs-dist/*'],
              message: 'Count or read PDFs through files/pages.ts, which runs pdf.js in a worker thread.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-helpers.ts'],
    plugins: { boundaries: moduleBoundaries },
    rules: { 'boundaries/index-only': 'error' },
  },
  {
    // Hooks called in order, effects that list what they read, and the React Compiler's checks (render purity,
    // no state set synchronously in an effect, refs not read while rendering).
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The clock modules, and tools that measure elapsed real time (benchmarks, dev scripts).
    files: ['server/src/clock.ts', 'web/src/lib/clock.ts', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': ['error', noEnums] },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
