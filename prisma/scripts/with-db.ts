/**
 * `with-db <command…>`: runs a command (the web server) with a database.
 *
 * - DATABASE_URL set (production, or any PostgreSQL you chose): the command runs as it is. Nothing
 *   is migrated or seeded here; `pnpm db:deploy` applies migrations as a deploy step.
 * - DATABASE_URL not set (a laptop, the README's start command): the local PGlite server is
 *   started if none is running, migrated and seeded, and the command runs with DATABASE_URL
 *   pointing at it. A server started here stops when the command ends; one that was already
 *   running (`pnpm db:up`) is left running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { localDbSettings, localPoolSize, prepareLocalDb, startLocalServer } from "./local-db.ts";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: with-db <command> [args…]");
  process.exit(2);
}

let server: ChildProcess | undefined;
const env: NodeJS.ProcessEnv = { ...process.env };
if (!env.DATABASE_URL) {
  const settings = localDbSettings();
  try {
    server = await startLocalServer(settings, { detached: false });
    await prepareLocalDb(settings);
  } catch (error) {
    console.error("could not prepare the local database:", error);
    server?.kill("SIGTERM");
    process.exit(1);
  }
  env.DATABASE_URL = settings.url;
  // Tells the app it runs locally (development outbox for mail, a generated secret): only here,
  // where the database is the embedded one, never when DATABASE_URL came from outside.
  env.NEURONLAB_LOCAL ??= "1";
  env.DATABASE_POOL_SIZE ??= String(localPoolSize(settings));
}

const child = spawn(command, args, { stdio: "inherit", env });

function stopServer(): Promise<void> {
  const started = server;
  if (started?.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    started.once("exit", () => {
      resolve();
    });
    started.kill("SIGTERM");
  });
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on("error", (error) => {
  console.error(`could not run ${command}:`, error);
  void stopServer().then(() => process.exit(1));
});
child.on("exit", (code, signal) => {
  void stopServer().then(() => process.exit(code ?? (signal ? 1 : 0)));
});
