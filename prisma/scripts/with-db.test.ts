import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { isReachable, localDbSettings, PACKAGE_DIR } from "./local-db.ts";

/**
 * The README's start command runs the web server through `with-db`: with no DATABASE_URL it must
 * start the local PGlite server, migrate it, seed it, hand the URL to the command and stop the
 * server afterwards. Here the "web server" is a script that reads what the database holds.
 */
const dataDir = mkdtempSync(join(tmpdir(), "neuronlab-pglite-"));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

const READ_DATABASE = `
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(
    'SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "WorkshopFormat")::int AS formats, (SELECT count(*) FROM "CohortMembership")::int AS memberships');
  await client.end();
  console.log("RESULT " + JSON.stringify({ url: process.env.DATABASE_URL, pool: process.env.DATABASE_POOL_SIZE, ...rows[0] }));
`;

async function withDb(env: NodeJS.ProcessEnv) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["with-db.mjs", process.execPath, "--input-type=module", "-e", READ_DATABASE],
    { cwd: PACKAGE_DIR, env: { ...rest, ...env } },
  );
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`no result in:\n${stdout}`);
  return JSON.parse(line.slice("RESULT ".length)) as Record<string, unknown>;
}

describe("with-db", () => {
  it(
    "starts, migrates and seeds the local database for the command, then stops it; a second run finds the same data",
    { timeout: 300_000 },
    async () => {
      const env = { PGLITE_DIR: dataDir, LOCAL_DB_PORT: String(await freePort()) };
      const settings = localDbSettings(env);
      const seeded = { users: 3, formats: 3, memberships: 1 };

      expect(await withDb(env)).toEqual({ url: settings.url, pool: "10", ...seeded });
      expect(await isReachable(settings.url, 1_000)).toBe(false);
      expect(existsSync(settings.lockFile)).toBe(false);

      expect(await withDb(env)).toEqual({ url: settings.url, pool: "10", ...seeded });
    },
  );

  it(
    "leaves DATABASE_URL alone when it is set, and starts nothing",
    { timeout: 60_000 },
    async () => {
      const port = await freePort();
      const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
      await expect(
        withDb({ DATABASE_URL: url, PGLITE_DIR: dataDir, LOCAL_DB_PORT: String(port) }),
      ).rejects.toThrow(/ECONNREFUSED/);
    },
  );
});
