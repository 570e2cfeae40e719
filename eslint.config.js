// `npm run lint` runs this (type-aware typescript-eslint), then Prettier, then madge for import cycles.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'bench/results/',
      'src/db/migrations/meta/',
      'packages/client/src/openapi.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Long functions are a smell to look at, not a build failure.
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
      // Async functions without an await are how this code implements Promise-returning contracts
      // (Fastify's async plugins and handlers, the memory RateLimiter and Presence beside their Redis twins).
      '@typescript-eslint/require-await': 'off',
      // The validators refuse control characters by listing them in a character class (lib/validation, media/names).
      'no-control-regex': 'off',
      // A leading underscore names a parameter a signature requires but the body does not use (Fastify's reply).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests and the benchmark read JSON bodies, socket payloads and worker messages off the wire untyped;
    // the tests' assertions are the type check.
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'packages/*/src/**/*.spec.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The SDK runs in browsers and React Native too: no Node globals (its Node-only part is src/node.ts).
    files: ['packages/client/src/**/*.ts'],
    ignores: ['packages/client/src/node.ts', 'packages/client/src/**/*.spec.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'not in browsers: the SDK must run there (Node-only code goes in packages/client/src/node.ts)',
        })),
      ],
    },
  },
  {
    // The web client (packages/web) runs in browsers: their globals, and React's rules of hooks.
    files: ['packages/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // A describe block is a list of cases, not a function to split.
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'packages/*/src/**/*.spec.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // The benchmark scenarios are linear scripts (set up, measure, report): splitting them would only scatter one procedure.
    files: ['bench/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // Type-aware rules are for the code that ships (src/, packages/); tests and the benchmark are type-checked by
    // `npm run typecheck`, and linting them type-aware doubled the lint time. The web client's vite.config.ts is in no
    // tsconfig: Vite's Node-side types would add a third to that package's program.
    files: ['**/*.{js,mjs}', 'test/**/*.ts', 'bench/**/*.ts', 'packages/web/vite.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
