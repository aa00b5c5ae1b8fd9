/**
 * `pnpm db:migration <name>`: writes migrations/<timestamp>_<name>/migration.sql with the SQL that
 * takes the database from what the existing migrations build to what schema.prisma says.
 *
 * `prisma migrate dev` does not work with the WebAssembly schema engine (P1014), and
 * `migrate diff --from-migrations` replays the migrations into the database it is pointed at, so
 * this points it at a throw-away in-memory PGlite, never at a real database.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmbeddedServer } from "../src/embedded.ts";
import { PACKAGE_DIR } from "./local-db.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm db:migration <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const shadow = await startEmbeddedServer({ maxConnections: 4 });
let sql: string;
try {
  // Async on purpose: the shadow server runs in this process and must keep answering.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      join(PACKAGE_DIR, "node_modules/prisma/build/index.js"),
      "migrate",
      "diff",
      "--from-migrations",
      "migrations",
      "--to-schema-datamodel",
      "schema.prisma",
      "--script",
    ],
    {
      cwd: PACKAGE_DIR,
      env: { ...process.env, DATABASE_URL: shadow.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    },
  );
  sql = stdout;
} finally {
  await shadow.stop();
}

if (sql.includes("This is an empty migration")) {
  console.info("schema.prisma and the migrations agree: no migration to write.");
} else {
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = join(PACKAGE_DIR, "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  console.info(`wrote ${join(dir, "migration.sql")}`);
  console.info(
    "Read it, add by hand what Prisma cannot say (CHECK constraints, data changes), then apply it: `pnpm db:up` locally, `pnpm db:deploy` in production.",
  );
}
