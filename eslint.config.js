import js from '@eslint/js';
import tseslint from 'typescript-eslint';
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
