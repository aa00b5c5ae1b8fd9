import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { pingDatabase } from "./health.ts";
import { createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(() => t.close());

describe("pingDatabase", () => {
  it("answers ok when the database answers", async () => {
    // A generous limit: the first query of a new client opens its connection, which takes seconds
    // when CI's two tracks share two cores; this test is about the answer, not the speed.
    expect(await pingDatabase(t.db, 30_000)).toBe("ok");
  });

  it("answers unreachable when nothing listens at the URL", async () => {
    // Port 9 (discard) on the loopback: nothing listens there.
    const db = createDb({
      url: "postgresql://postgres:postgres@127.0.0.1:9/postgres",
      poolSize: 1,
    });
    try {
      expect(await pingDatabase(db, 5_000)).toBe("unreachable");
    } finally {
      await db.$disconnect();
    }
  });
});
