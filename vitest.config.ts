import { defineConfig } from 'vitest/config';

// The suite always runs on embedded PGlite; with TEST_DATABASE_URL it runs again on PostgreSQL.
const projects = [{ extends: true as const, test: { name: 'pglite', env: { PARLEY_TEST_DB: 'pglite' } } }];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ extends: true as const, test: { name: 'postgres', env: { PARLEY_TEST_DB: 'postgres' } } });
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most of a test's time is waiting on sockets and the database: two files at once on two cores.
    maxWorkers: 2,
    projects,
  },
});
