import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export interface DbOptions {
  /** postgresql://user:password@host:port/database — PostgreSQL, or the local PGlite server. */
  url: string;
  /**
   * Connections this client may hold at once. Against the local PGlite server keep it at or below
   * the server's connection limit (scripts/local-db.ts).
   */
  poolSize?: number;
}

export type Db = PrismaClient;

/**
 * A Prisma client on the pg driver adapter. Prisma's query compiler runs in WebAssembly, so no
 * native engine is involved. The session's time zone is UTC, the zone Prisma writes timestamps in,
 * so SQL's `now()` and Prisma's dates agree on any server.
 */
export function createDb({ url, poolSize = 10 }: DbOptions): Db {
  const adapter = new PrismaPg({
    connectionString: url,
    max: poolSize,
    options: "-c TimeZone=UTC",
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}

const shared = globalThis as typeof globalThis & { __neuronlabDbs?: Map<string, Db> };

/**
 * One client per URL for the whole process, for servers: every module that asks shares one pool,
 * and Next.js's development reloads, which re-evaluate modules, do not open a new pool each time.
 */
export function sharedDb(options: DbOptions): Db {
  shared.__neuronlabDbs ??= new Map();
  const key = `${options.url}#${String(options.poolSize ?? "")}`;
  let db = shared.__neuronlabDbs.get(key);
  if (!db) {
    db = createDb(options);
    shared.__neuronlabDbs.set(key, db);
  }
  return db;
}
