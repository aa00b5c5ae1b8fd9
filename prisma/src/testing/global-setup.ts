import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrationScripts } from "./migrations.ts";
import type {} from "./test-db.ts";

/**
 * Starting PGlite runs initdb, which takes seconds (tens of seconds on a busy two-core machine),
 * and every test file wants its own database. So initdb and the migrations run once, here, and
 * each file's database is loaded from a copy of the result.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "neuronlab-pglite-"));
  const db = await PGlite.create();
  try {
    const empty = join(dir, "empty.tar");
    await writeFile(empty, Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer()));
    for (const script of migrationScripts()) await db.exec(script);
    const migrated = join(dir, "migrated.tar");
    await writeFile(migrated, Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer()));
    project.provide("pgliteTemplates", { empty, migrated });
  } finally {
    await db.close();
  }
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
