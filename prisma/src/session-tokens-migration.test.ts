import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSession, findSessionUser, hashSessionToken } from "./accounts.ts";
import { createTestDb, migrations, type TestDb } from "./testing/test-db.ts";

/**
 * The migration that hashes the session tokens stored in clear before it: a browser signed in
 * before the deploy keeps its session after it, with the same cookie.
 */
const HASH_MIGRATION = "_hash_session_tokens";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(() => t.close());

/** Runs migration scripts as `prisma migrate deploy` does: each one whole, in one session. */
async function apply(scripts: string[]) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    for (const script of scripts) await client.query(script);
  } finally {
    await client.end();
  }
}

/** One statement with parameters, outside Prisma's client. */
async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

const inAnHour = () => new Date(Date.now() + 3_600_000);

describe("the session-token hashing migration", () => {
  it("hashes the rows stored in clear in place, so the same cookies still sign in", async () => {
    const all = migrations();
    const index = all.findIndex((migration) => migration.name.endsWith(HASH_MIGRATION));
    expect(index).toBeGreaterThan(0);
    await apply(all.slice(0, index).map((migration) => migration.sql));

    // Sessions as next-auth stored them until now: the cookie's value itself. Written in SQL
    // against the tables of that time (today's client would name columns they did not have yet).
    const user = { id: "user-before-deploy" };
    const other = { id: "other-before-deploy" };
    const cookies = {
      uuid: "0b7e4c1e-52f8-4b5e-9d61-6a3f0f1d2c3b", // next-auth's usual token
      hex: "a".repeat(64), // its fallback, 32 random bytes in hex (the shape of a hash, too)
      other: "c9d2f1e0-1234-4abc-8def-0123456789ab",
      unicode: "sésame-ключ-🔑", // not next-auth's, but SQL and Node must agree byte for byte
    };
    const expires = inAnHour().toISOString();
    await sql(
      `INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES
         ($1, 'before-deploy@example.com', 'Early', now()),
         ($2, 'other-before-deploy@example.com', NULL, now())`,
      [user.id, other.id],
    );
    await sql(
      `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES
         ('s1', $1, $5, $7), ('s2', $2, $5, $7), ('s3', $3, $6, $7), ('s4', $4, $6, $7)`,
      [cookies.uuid, cookies.hex, cookies.other, cookies.unicode, user.id, other.id, expires],
    );
    // Before the migration, today's lookups do not find a clear row: they look for its hash.
    expect(await findSessionUser(t.db, cookies.uuid)).toBeNull();

    await apply(all.slice(index).map((migration) => migration.sql));

    const stored = await t.db.session.findMany({ select: { sessionToken: true, userId: true } });
    expect(stored.map((row) => row.sessionToken).sort()).toEqual(
      Object.values(cookies).map(hashSessionToken).sort(),
    );
    for (const cookie of Object.values(cookies)) {
      expect(stored.map((row) => row.sessionToken)).not.toContain(cookie);
    }

    expect(await findSessionUser(t.db, cookies.uuid)).toMatchObject({ id: user.id, name: "Early" });
    expect((await findSessionUser(t.db, cookies.hex))?.id).toBe(user.id);
    expect((await findSessionUser(t.db, cookies.other))?.id).toBe(other.id);
    expect((await findSessionUser(t.db, cookies.unicode))?.id).toBe(other.id);
    expect(await findSessionUser(t.db, hashSessionToken(cookies.uuid))).toBeNull();

    expect(await deleteSession(t.db, cookies.uuid)).toBe(true);
    expect(await findSessionUser(t.db, cookies.uuid)).toBeNull();
    expect((await findSessionUser(t.db, cookies.hex))?.id).toBe(user.id);
  });
});
