import { fileURLToPath } from "node:url";
import { defineVitestConfig } from "@neuronlab/config/vitest";

/**
 * Unit tests, and integration tests against a real database (`*.db.test.ts`): each such file gets
 * a fresh in-memory PGlite by default and, when TEST_DATABASE_URL names a PostgreSQL server, runs
 * a second time on its own new database there (prisma/src/testing/test-db.ts).
 */
const postgresUrl = process.env.TEST_DATABASE_URL ?? "";

const project = (name: string, testDatabaseUrl: string, include?: string[]) => ({
  extends: true as const,
  test: { name, provide: { testDatabaseUrl }, ...(include ? { include } : {}) },
});

export default defineVitestConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    // A database test starts a server and applies the migrations: seconds on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: postgresUrl
      ? [project("web", ""), project("web-postgresql", postgresUrl, ["src/**/*.db.test.ts"])]
      : [project("web", "")],
  },
});
