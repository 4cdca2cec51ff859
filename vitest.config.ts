import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure unit tests once, and the integration suite twice — on SQLite and on a
 * real PostgreSQL server (UPKEEP_TEST_DATABASE_URL, default the local one on 127.0.0.1:5432).
 */
const integration = ['test/**/*.test.ts'];
/** Integration tests that use no database (real peers only): run once, in the sqlite project. */
const databaseFree = ['test/notifications/channels/**', 'test/monitoring/probes/**', 'test/desk/report-pdf.test.ts', 'test/billing/invoice-pdf.test.ts', 'test/billing/stripe-gateway.test.ts', 'test/billing/paypal-gateway.test.ts'];

export default defineConfig({
  test: {
    // Two files at a time even on two cores: most of a file's time is spent waiting on the
    // database, the browser or a peer on loopback, not on the CPU (the default would be one).
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'sqlite',
          include: integration,
          env: { UPKEEP_TEST_DB: 'sqlite' },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: integration,
          exclude: databaseFree,
          env: { UPKEEP_TEST_DB: 'postgres' },
          globalSetup: ['test/support/postgres-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
