import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit`: `*.spec.ts` beside the code (the benchmark's helpers too), pure logic with no server and no database
 * (seconds). The integration tier, `test/**\/*.test.ts`: a real server on port 0, always on
 * embedded PGlite and, with TEST_DATABASE_URL, again on PostgreSQL.
 */
const integration = { include: ['test/**/*.test.ts'], exclude: [] as string[], setupFiles: ['test/setup/openapi.ts'] };
const projects = [
  { extends: true as const, test: { name: 'unit', include: ['src/**/*.spec.ts', 'packages/*/src/**/*.spec.ts', 'bench/**/*.spec.ts'] } },
  {
    extends: true as const,
    // The web client's browser tests (test/web/) run here only, with its build made first when stale (globalSetup).
    test: { ...integration, name: 'pglite', env: { PARLEY_TEST_DB: 'pglite' }, globalSetup: ['test/web/globalSetup.ts'] },
  },
];
if (process.env.TEST_DATABASE_URL) {
  // Run once (PGlite project only): the documents and their tests (OpenAPI, AsyncAPI, docs, a generated client) do not
  // depend on the database, nor do the browser build's tests.
  const databaseFree = [
    'test/openapi.test.ts',
    'test/asyncapi.test.ts',
    'test/docs.test.ts',
    'test/typed-client.test.ts',
    'test/client-types.test.ts',
    'test/config.test.ts',
    // The SDK's browser build in Chromium: it tests the bundle and the browser's storage, not the database.
    'test/client-browser.test.ts',
    // The web client in Chromium, and how the server serves it: the SDK's and the server's behaviour under it is tested on both.
    'test/web/**',
    // The HTTP layer, image decoding memory and the S3 storage backend do not depend on the database either.
    'test/http-hardening.test.ts',
    'test/media-memory.test.ts',
    'test/s3-storage.test.ts',
    // The SDK's fault property runs on PGlite; on PostgreSQL + Redis its counterpart is the 3-node kill -9 one (client-cluster).
    'test/client-property.test.ts',
  ];
  projects.push({
    extends: true as const,
    test: { ...integration, exclude: databaseFree, name: 'postgres', env: { PARLEY_TEST_DB: 'postgres' } },
  });
}

export default defineConfig({
  // Workspace packages (packages/*) are imported as their TypeScript source ("source" export condition).
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Much of a test's time is waiting (sockets, the database, a Retry-After, a restart): three files at once keep two
    // cores busy (CI's suite used ~60 % of them with two). PARLEY_TEST_WORKERS overrides it.
    maxWorkers: Number(process.env.PARLEY_TEST_WORKERS ?? 3),
    // A worker process runs file after file: the modules (the whole server) are imported once per worker, not per file,
    // and PGlite's migrated template (src/db/connect.ts) is made once per worker. Test files must clean up what they start.
    isolate: false,
    projects,
  },
});
