/**
 * The local database server: one PGlite (PostgreSQL in WebAssembly) over its data directory,
 * served on 127.0.0.1 over PostgreSQL's wire protocol. Run it with `pnpm db:server` (foreground)
 * or let `pnpm db:up` / `with-db` start it. A lock file keeps a second server off the same
 * directory: two processes must never open one PGlite directory at once.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { localDbSettings } from "./local-db.ts";

const settings = localDbSettings();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock file, or exits when a live server holds it. */
function takeLock(): void {
  mkdirSync(dirname(settings.lockFile), { recursive: true });
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(settings.lockFile, `${process.pid}\n${settings.port}\n`, { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const [pid, port] = readFileSync(settings.lockFile, "utf8").split("\n").map(Number);
      if (pid && processAlive(pid)) {
        console.error(
          `${settings.dataDir} is already served by process ${pid} on port ${String(port)}.`,
        );
        process.exit(1);
      }
      rmSync(settings.lockFile, { force: true }); // left by a server that was killed
    }
  }
  throw new Error(`could not take ${settings.lockFile}`);
}

takeLock();
let released = false;
const releaseLock = () => {
  if (released) return;
  released = true;
  rmSync(settings.lockFile, { force: true });
};
process.on("exit", releaseLock);

const db = await PGlite.create({ dataDir: settings.dataDir });
const server = new PGLiteSocketServer({
  db,
  host: settings.host,
  port: settings.port,
  maxConnections: settings.maxConnections,
});
try {
  await server.start();
} catch (error) {
  console.error(`could not listen on ${settings.host}:${settings.port}:`, error);
  await db.close();
  process.exit(1);
}
console.info(
  `PGlite ${settings.dataDir} serving ${settings.url} (${settings.maxConnections} connections), pid ${process.pid}`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`${signal}: stopping the local database`);
  await server.stop();
  await db.close();
  releaseLock();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGHUP", () => void stop("SIGHUP"));
