import "server-only";
import { sharedDb, type Db } from "@neuronlab/db/client";
import { env } from "./env";

/** The process's database client, or undefined when no database is configured. */
export function maybeDb(): Db | undefined {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  if (!DATABASE_URL) return undefined;
  return sharedDb({
    url: DATABASE_URL,
    ...(DATABASE_POOL_SIZE === undefined ? {} : { poolSize: DATABASE_POOL_SIZE }),
  });
}

/** The process's database client; throws when none is configured. */
export function getDb(): Db {
  const db = maybeDb();
  if (!db) throw new Error("DATABASE_URL is not set: start the platform with `pnpm start`.");
  return db;
}
