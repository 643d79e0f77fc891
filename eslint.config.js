// Lint enforces DESIGN.md's package table: each package may import only the packages listed
// for it, and `core` stays pure (no Node APIs, no DOM, none of our other packages).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ours = (except) =>
  ['core', 'pricebook', 'ai', 'sync', 'server', 'web', 'cli']
    .filter((name) => !except.includes(name))
    .map((name) => ({ group: [`@backarch/${name}`, `@backarch/${name}/*`], message: `this package may not import @backarch/${name} (see DESIGN.md's package table)` }));

const NODE_MODULES = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream', 'process', 'buffer', 'events', 'worker_threads'];
const pureMessage = 'core is pure: no Node APIs (do I/O at the edge, in cli or server)';
const corePaths = NODE_MODULES.map((name) => ({ name, message: pureMessage }));
const corePatterns = [
  { group: ['node:*'], message: pureMessage },
  { group: ['yjs', 'react', 'react-dom', '@xyflow/*'], message: 'core is pure: no yjs, no UI' },
];

/** Restrict a package's imports to the packages DESIGN.md allows it. */
const boundary = (pkg, allowed, { paths = [], patterns = [] } = {}) => ({
  files: [`packages/${pkg}/src/**/*.ts`, `packages/${pkg}/src/**/*.tsx`],
  ignores: pkg === 'core' ? ['**/*.test.ts', 'packages/core/src/testing/node/**'] : [],
  rules: {
    'no-restricted-imports': ['error', { paths, patterns: [...ours([pkg, ...allowed]), ...patterns] }],
  },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.backarch-data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests build deliberately broken documents; loose typing there is the point.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  boundary('core', [], { paths: corePaths, patterns: corePatterns }),
  {
    // pricebook may use core's types (the record format) but no core code
    ...boundary('pricebook', []),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@backarch/core', allowTypeImports: true, message: 'pricebook may import core types only (DESIGN.md)' }],
          patterns: ours(['pricebook', 'core']),
        },
      ],
    },
  },
  boundary('sync', ['core']),
  boundary('ai', ['core', 'pricebook']),
  boundary('server', ['core', 'sync', 'pricebook', 'ai']),
  boundary('web', ['core', 'sync', 'pricebook']),
  boundary('cli', ['core', 'pricebook', 'ai', 'server']),
  {
    // core's runtime globals: no `process`, `Buffer`, `window` or `document`.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/core/src/testing/node/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: { 'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'require', '__dirname'] },
  },
);
