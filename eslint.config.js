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
      parserOptions: { project: './tsconfig.lint.json', tsconfigRootDir: import.meta.dirname },
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
    // Only these two of the plugin: its recommended set adds the React Compiler's analyses, which cost more lint
    // time than all the rest of the web client.
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
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
    // Type-aware rules are for the server, the SDK and the protocol. Tests (specs too), the benchmark, the example and
    // the web client are type-checked by `npm run typecheck` (the web client with its own strict tsconfig); linting them
    // type-aware as well made `npm run lint` take over a minute on two cores (a second TypeScript program for React).
    files: [
      '**/*.{js,mjs}',
      'test/**/*.ts',
      'src/**/*.spec.ts',
      'packages/*/src/**/*.spec.ts',
      'bench/**/*.ts',
      'examples/**/*.ts',
      'packages/web/**/*.{ts,tsx}',
    ],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
