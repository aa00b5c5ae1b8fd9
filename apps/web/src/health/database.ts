import "server-only";
import type { Db } from "@neuronlab/db/client";
import { pingDatabase } from "@neuronlab/db/health";
import { maybeDb } from "@/db";
import type { DatabaseState } from "./health";

/**
 * The database's state for the health check, or undefined when no DATABASE_URL is configured.
 * (`with-db`, which the start command runs, sets DATABASE_URL to the local PGlite server when none
 * is given.)
 */
export async function databaseState(
  db: Db | undefined = maybeDb(),
): Promise<DatabaseState | undefined> {
  return db ? pingDatabase(db) : undefined;
}
