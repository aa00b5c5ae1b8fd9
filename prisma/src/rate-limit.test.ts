import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit, pruneRateLimits } from "./rate-limit.ts";
import { createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const t0 = new Date(Date.UTC(2026, 5, 1, 12));
const later = (ms: number) => new Date(t0.getTime() + ms);

describe("consumeRateLimit", () => {
  const limit = { bucket: "sign-in:email", key: "hash-1", limit: 3, windowMs: 60_000 };

  it("allows `limit` requests in the window, then refuses with the time to wait", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await consumeRateLimit(t.db, limit, later(i * 1000))).toEqual({ allowed: true });
    }
    expect(await consumeRateLimit(t.db, limit, later(10_000))).toEqual({
      allowed: false,
      // At 61 s the request at 1 s has left the window: the ones at 2 s and 10 s and a new one
      // make three.
      retryAfterMs: 51_000,
    });
    // Another key, or another bucket, has its own count.
    expect(await consumeRateLimit(t.db, { ...limit, key: "hash-2" }, later(10_000))).toEqual({
      allowed: true,
    });
    expect(await consumeRateLimit(t.db, { ...limit, bucket: "sign-in:ip" }, later(10_000))).toEqual(
      { allowed: true },
    );
  });

  it("lets exactly `limit` of many concurrent requests through", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        consumeRateLimit(t.db, { ...limit, key: "burst" }, later(0)),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("forgets requests older than asked", async () => {
    await consumeRateLimit(t.db, { ...limit, key: "old" }, later(0));
    expect(await pruneRateLimits(t.db, 60_000, later(10 * 60_000))).toBeGreaterThan(0);
    expect(await t.db.rateLimitHit.count({ where: { key: "old" } })).toBe(0);
  });
});
