import { defineVitestConfig } from "@neuronlab/config/vitest";

/**
 * Integration tests against a real database. Each test file gets a fresh one with the migrations
 * applied: an in-memory PGlite served on a free port by default, and, when TEST_DATABASE_URL
 * names a PostgreSQL server, a second project runs every file again against its own new database
 * on that server (created, then dropped). One run, one report: CI counts both.
 */
const postgresUrl = process.env.TEST_DATABASE_URL ?? "";

const project = (name: string, testDatabaseUrl: string, exclude: string[] = []) => ({
  extends: true as const,
  test: {
    name,
    provide: { testDatabaseUrl },
    exclude,
    // PGlite's initdb and the migrations, once for the run (src/testing/global-setup.ts).
    ...(testDatabaseUrl ? {} : { globalSetup: ["src/testing/global-setup.ts"] }),
  },
});

export default defineVitestConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    // Each file starts a database and applies the migrations: seconds on a busy two-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: postgresUrl
      ? [
          project("pglite", ""),
          // What only concerns the embedded server runs once, in the PGlite project.
          project("postgresql", postgresUrl, ["src/embedded.test.ts", "scripts/**"]),
        ]
      : [project("pglite", "")],
  },
});
