import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../client.ts";
import { startEmbeddedServer } from "../embedded.ts";
import { migrationScripts } from "./migrations.ts";

export { MIGRATIONS_DIR, migrations, migrationScripts } from "./migrations.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL to test against; empty for the in-memory PGlite. */
    testDatabaseUrl: string;
    /** Data directories PGlite test databases start from, made once by global-setup.ts. */
    pgliteTemplates: { empty: string; migrated: string } | undefined;
  }
}

export interface TestDb {
  db: Db;
  url: string;
  /** Which kind of server this is: "pglite" or "postgresql". */
  kind: "pglite" | "postgresql";
  close(): Promise<void>;
}

export const POOL_SIZE = 10;

/**
 * A new, empty database for one test file. `migrate: false` leaves it without tables, for a test
 * of the migration command itself.
 */
export async function createTestDb({
  migrate = true,
}: { migrate?: boolean } = {}): Promise<TestDb> {
  const postgresUrl = inject("testDatabaseUrl");
  return postgresUrl ? postgresTestDb(postgresUrl, migrate) : pgliteTestDb(migrate);
}

async function pgliteTestDb(migrate: boolean): Promise<TestDb> {
  // A copy of the data directory global-setup.ts made once for the run, when there is one.
  const templates = inject("pgliteTemplates");
  const template = templates ? (migrate ? templates.migrated : templates.empty) : undefined;
  const server = await startEmbeddedServer({
    maxConnections: POOL_SIZE + 2,
    ...(template ? { loadDataDir: new Blob([await readFile(template)]) } : {}),
  });
  if (migrate && !template) {
    for (const script of migrationScripts()) await server.db.exec(script);
  }
  const db = createDb({ url: server.url, poolSize: POOL_SIZE });
  return {
    db,
    url: server.url,
    kind: "pglite",
    async close() {
      await db.$disconnect();
      await server.stop();
    },
  };
}

async function postgresTestDb(adminUrl: string, migrate: boolean): Promise<TestDb> {
  const name = `neuronlab_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (migrate) {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const script of migrationScripts()) await client.query(script);
    } finally {
      await client.end();
    }
  }
  const db = createDb({ url: url.toString(), poolSize: POOL_SIZE });
  return {
    db,
    url: url.toString(),
    kind: "postgresql",
    async close() {
      await db.$disconnect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Rows per table, for "this changed nothing" and "this deleted everything of theirs" checks. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT count(*) AS n FROM "${table_name.replaceAll('"', '""')}"`,
    );
    counts[table_name] = Number(row?.n ?? 0);
  }
  return counts;
}
