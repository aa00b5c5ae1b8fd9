/** `pnpm db:down`: stops the local PGlite server that `pnpm db:up` left running, if any. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { isReachable, localDbSettings } from "./local-db.ts";

const settings = localDbSettings();
const pid = existsSync(settings.lockFile)
  ? Number(readFileSync(settings.lockFile, "utf8").split("\n")[0])
  : NaN;

if (!Number.isInteger(pid) || pid <= 0) {
  console.info("no local database server is running");
} else {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    console.info(`no process ${pid}: the lock file was stale`);
    rmSync(settings.lockFile, { force: true });
  }
  const deadline = Date.now() + 15_000;
  while (existsSync(settings.lockFile) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  if (await isReachable(settings.url, 1_000)) {
    console.error(`something still answers at ${settings.url}`);
    process.exitCode = 1;
  } else {
    console.info("local database stopped");
  }
}
