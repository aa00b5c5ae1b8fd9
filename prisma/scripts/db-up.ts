/**
 * `pnpm db:up`: the local database, ready. Starts the PGlite server in the background when none
 * answers on its port (it keeps running; `pnpm db:down` stops it), applies the migrations and
 * loads the demo seed, then prints the URL to use.
 */
import { localDbSettings, prepareLocalDb, startLocalServer } from "./local-db.ts";

const settings = localDbSettings();
await startLocalServer(settings, { detached: true });
await prepareLocalDb(settings);
console.info(`\nlocal database ready: DATABASE_URL=${settings.url}`);
console.info(`server log: ${settings.logFile}; stop it with \`pnpm db:down\``);
