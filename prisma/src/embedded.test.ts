import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded.ts";

/**
 * The local server shares one PGlite session among all its connections. These check the patched
 * pglite-socket (patches/): queries from a full pool of connections never mix, a transaction is
 * seen only by its own connection, and an error does not stall the others.
 */
let server: EmbeddedServer;
let pool: pg.Pool;
beforeAll(async () => {
  server = await startEmbeddedServer({ maxConnections: 10 });
  pool = new pg.Pool({ connectionString: server.url, max: 10 });
});
afterAll(async () => {
  await pool.end();
  await server.stop();
});

describe("the embedded PGlite server", () => {
  it("answers 300 parallel parameterised queries from 10 connections, each with its own answer", async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        pool.query<{ n: number; s: string }>("SELECT $1::int AS n, $2::text AS s", [i, `q${i}`]),
      ),
    );
    answers.forEach((result, i) => {
      expect(result.rows).toEqual([{ n: i, s: `q${i}` }]);
    });
  });

  it("keeps a transaction's writes to its own connection until it commits", async () => {
    await pool.query("CREATE TABLE t (v int)");
    const a = await pool.connect();
    try {
      await a.query("BEGIN");
      await a.query("INSERT INTO t VALUES (1)");
      const outside = pool.query<{ n: string }>("SELECT count(*)::text AS n FROM t");
      await a.query("COMMIT");
      // The other connection waited for the commit rather than reading inside the transaction.
      expect((await outside).rows[0]?.n).toBe("1");
    } finally {
      a.release();
    }
  });

  it("goes on serving every connection after a query fails", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        pool.query(i % 4 === 0 ? "SELECT * FROM no_such_table" : "SELECT 1 AS one"),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(10);
    expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
  });
});
