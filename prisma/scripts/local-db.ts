/**
 * The embedded database for a laptop: one PGlite process (scripts/db-server.ts) serving
 * `.data/pglite` over PostgreSQL's wire protocol, so the app, `prisma migrate deploy` and the seed
 * all connect to it by URL and never open the data directory twice.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDb } from "../src/client.ts";
import { DEMO_SEED_SUMMARY, seedDemo } from "./demo-seed.ts";

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(PACKAGE_DIR, "..");

export interface LocalDbSettings {
  dataDir: string;
  host: string;
  port: number;
  /** Connections the server accepts; every client's pool must stay at or below it. */
  maxConnections: number;
  url: string;
  logFile: string;
  lockFile: string;
}

/** Local-mode settings: the defaults, or PGLITE_DIR / LOCAL_DB_PORT / LOCAL_DB_MAX_CONNECTIONS. */
export function localDbSettings(env: NodeJS.ProcessEnv = process.env): LocalDbSettings {
  const dataDir = resolve(REPO_ROOT, env.PGLITE_DIR ?? ".data/pglite");
  const port = Number(env.LOCAL_DB_PORT ?? 54329);
  const maxConnections = Number(env.LOCAL_DB_MAX_CONNECTIONS ?? 20);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`LOCAL_DB_PORT must be a TCP port, not ${String(env.LOCAL_DB_PORT)}`);
  }
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new Error("LOCAL_DB_MAX_CONNECTIONS must be a positive integer");
  }
  const host = "127.0.0.1";
  return {
    dataDir,
    host,
    port,
    maxConnections,
    url: `postgresql://postgres:postgres@${host}:${port}/postgres`,
    logFile: `${dataDir}.log`,
    lockFile: `${dataDir}.lock`,
  };
}

/** The pool size for clients of the local server: half its connections, so two can share it. */
export function localPoolSize(settings: LocalDbSettings): number {
  return Math.max(1, Math.floor(settings.maxConnections / 2));
}

/** True when a PostgreSQL server answers `SELECT 1` at `url`. */
export async function isReachable(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function waitUntilReachable(
  url: string,
  { timeoutMs = 120_000, server }: { timeoutMs?: number; server?: ChildProcess } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) {
      throw new Error(`the database server exited with status ${String(server.exitCode)}`);
    }
    if (await isReachable(url)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no database answered at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts scripts/db-server.ts. `detached`: it outlives this process (`pnpm db:up`); otherwise it
 * is this process's child and goes when it goes (`with-db`). Its output goes to the log file.
 */
export function spawnServer(settings: LocalDbSettings, { detached }: { detached: boolean }) {
  mkdirSync(dirname(settings.logFile), { recursive: true });
  const log = openSync(settings.logFile, "a");
  try {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(PACKAGE_DIR, "scripts/db-server.ts")],
      {
        cwd: PACKAGE_DIR,
        detached,
        stdio: ["ignore", log, log],
        env: {
          ...process.env,
          PGLITE_DIR: settings.dataDir,
          LOCAL_DB_PORT: String(settings.port),
          LOCAL_DB_MAX_CONNECTIONS: String(settings.maxConnections),
        },
      },
    );
    if (detached) child.unref();
    return child;
  } finally {
    closeSync(log);
  }
}

/** Runs a command in this package and resolves when it exits 0. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: PACKAGE_DIR, stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? String(code)})`));
    });
  });
}

/** `prisma migrate deploy` against `url`: applies the migrations not yet applied. */
export function migrateDeploy(url: string): Promise<void> {
  return run(
    process.execPath,
    [join(PACKAGE_DIR, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
    { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  );
}

/** Names of the migrations in migrations/, oldest first. */
export function migrationNames(): string[] {
  return readdirSync(join(PACKAGE_DIR, "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Migrations that `url` has not applied yet (all of them on a new database). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.name));
    return migrationNames().filter((name) => !applied.has(name));
  } catch {
    return migrationNames(); // no _prisma_migrations table yet
  } finally {
    await client.end();
  }
}

/** Starts the local server unless one answers already; returns the one it started, if any. */
export async function startLocalServer(
  settings: LocalDbSettings,
  { detached }: { detached: boolean },
): Promise<ChildProcess | undefined> {
  if (await isReachable(settings.url)) {
    console.info(`==> local database already running at ${settings.url}`);
    return undefined;
  }
  console.info(`==> starting the local database (PGlite, ${settings.dataDir})`);
  const server = spawnServer(settings, { detached });
  try {
    await waitUntilReachable(settings.url, { server });
  } catch (error) {
    server.kill("SIGTERM");
    throw new Error(`the local database did not start (see ${settings.logFile})`, {
      cause: error,
    });
  }
  return server;
}

/**
 * Brings the local database's schema up to date (`prisma migrate deploy`, skipped when nothing is
 * pending, which saves seconds on every start) and loads the demo seed.
 */
export async function prepareLocalDb(settings: LocalDbSettings): Promise<void> {
  const pending = await pendingMigrations(settings.url);
  if (pending.length > 0) {
    console.info(`==> applying ${pending.length} migration(s)`);
    await migrateDeploy(settings.url);
  }
  const db = createDb({ url: settings.url, poolSize: 2 });
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
  console.info(`==> local database ready; demo accounts: ${DEMO_SEED_SUMMARY}`);
}
