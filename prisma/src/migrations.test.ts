import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, migrations, type TestDb } from "./testing/test-db.ts";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const PRISMA_CLI = fileURLToPath(new URL("../node_modules/prisma/build/index.js", import.meta.url));

/** The Prisma CLI, as `pnpm db:deploy` runs it; async, since the server may be in this process. */
async function prisma(args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [PRISMA_CLI, ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

let empty: TestDb;
let shadow: TestDb;
beforeAll(async () => {
  [empty, shadow] = await Promise.all([
    createTestDb({ migrate: false }),
    createTestDb({ migrate: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([empty.close(), shadow.close()]);
});

describe("migrations", () => {
  it("`prisma migrate deploy` builds the schema on an empty database, and a second run does nothing", async () => {
    const first = await prisma(["migrate", "deploy"], empty.url);
    expect(first.output).toContain("All migrations have been successfully applied");
    expect(first.code).toBe(0);

    const applied = await empty.db.$queryRaw<{ migration_name: string; finished: boolean }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations
      ORDER BY started_at, migration_name`;
    const names = migrations().map((migration) => migration.name);
    expect(names[0]).toMatch(/_init$/);
    expect(names).toContainEqual(expect.stringMatching(/_hash_session_tokens$/));
    expect(applied).toEqual(names.map((name) => ({ migration_name: name, finished: true })));
    expect(await empty.db.user.count()).toBe(0);

    const second = await prisma(["migrate", "deploy"], empty.url);
    expect(second.code).toBe(0);
    expect(second.output).toContain("No pending migrations to apply");
  });

  it("match schema.prisma: replaying them leaves nothing for a new migration to do", async () => {
    // The shadow database must be empty: migrate diff replays the migrations into it.
    const result = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "migrations",
        "--to-schema-datamodel",
        "schema.prisma",
        "--exit-code",
      ],
      shadow.url,
    );
    expect(result.output).toContain("No difference detected");
    expect(result.code).toBe(0);
  });
});
