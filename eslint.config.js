// ESLint for Scrawl's JavaScript: the page (browser modules and the service worker), the JS
// API beside the engine (browser, worker and Node), the build scripts and the tests (Node,
// with the browser tests' page functions run in the page). Formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // wasm/bench/ is copied into an outside benchmark harness and written in its style.
  { ignores: ['build/', 'dist/', 'test-results/', 'wasm/bench/'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  { files: ['web/**/*.js'], ignores: ['web/sw.js'], languageOptions: { globals: globals.browser } },
  { files: ['web/sw.js'], languageOptions: { globals: globals.serviceworker } },
  // The JS API runs on a page, in a Web Worker and in Node.
  { files: ['wasm/*.mjs'], languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } } },
  { files: ['scripts/**/*.mjs', 'tests/node/**/*.mjs', 'eslint.config.js'], languageOptions: { globals: globals.node } },
  // The browser tests and benchmarks run in Node, and hand functions to the page (page.evaluate) that run there.
  {
    files: [
      'tests/web/**/*.mjs',
      'scripts/bench-photo.mjs',
      'scripts/bench-reading.mjs',
      'scripts/bench-web.mjs',
      'scripts/screenshots.mjs',
      'scripts/soak.mjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
