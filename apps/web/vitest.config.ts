import { fileURLToPath } from "node:url";
import { defineVitestConfig } from "@neuronlab/config/vitest";

/**
 * Unit tests, and integration tests against a real database (`*.db.test.ts`): each such file gets
 * a fresh in-memory PGlite by default and, when TEST_DATABASE_URL names a PostgreSQL server, runs
 * a second time on its own new database there (prisma/src/testing/test-db.ts).
 */
const postgresUrl = process.env.TEST_DATABASE_URL ?? "";

const project = (name: string, testDatabaseUrl: string, exclude?: string[]) => ({
  extends: true as const,
  test: {
    name,
    provide: { testDatabaseUrl },
    ...(exclude ? { exclude } : {}),
    // PGlite's initdb and the migrations, once for the run; each database file loads a copy.
    ...(testDatabaseUrl ? {} : { globalSetup: ["../../prisma/src/testing/global-setup.ts"] }),
  },
});

export default defineVitestConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    // A database test starts a server and applies the migrations: seconds on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // next-intl's middleware imports "next/server" without a file extension, which Node's own
    // ES module loader cannot resolve: let Vite load it (proxy.test.ts runs the proxy).
    server: { deps: { inline: ["next-intl"] } },
    projects: postgresUrl
      ? [
          project("web", ""),
          // Only the database tests again (the project's include adds to the shared one, so the
          // other tests are excluded instead).
          project("web-postgresql", postgresUrl, [
            "**/node_modules/**",
            "{src,app,scripts}/**/!(*.db).test.{ts,tsx}",
          ]),
        ]
      : [project("web", "")],
  },
});
