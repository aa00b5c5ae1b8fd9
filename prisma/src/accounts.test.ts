import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import {
  consumeVerificationToken,
  createSession,
  createVerificationToken,
  deleteExpiredVerificationTokens,
  deleteSession,
  findSessionUser,
  hashSessionToken,
  peekVerificationToken,
} from "./accounts.ts";
import { createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const t0 = new Date(Date.UTC(2026, 5, 1, 12));
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const TEN_MINUTES = 10;

async function issue(identifier: string, token: string, expiresInMinutes = TEN_MINUTES) {
  await createVerificationToken(t.db, { identifier, token, expires: at(expiresInMinutes) });
  return { identifier, token };
}

describe("magic-link tokens", () => {
  it("work once: the first spend returns the token, every later one gets nothing", async () => {
    const key = await issue("once@example.com", "hash-once");
    const spent = await consumeVerificationToken(t.db, key, at(1));
    expect(spent).toEqual({ ...key, expires: at(TEN_MINUTES) });
    expect(spent?.expires).toBeInstanceOf(Date);
    expect(await consumeVerificationToken(t.db, key, at(1))).toBeNull();
    expect(await peekVerificationToken(t.db, key, at(1))).toBeNull();
  });

  it("expire: a token spent after its time is refused, and deleted all the same", async () => {
    const key = await issue("late@example.com", "hash-late");
    expect(await consumeVerificationToken(t.db, key, at(TEN_MINUTES))).toBeNull();
    expect(await t.db.verificationToken.count({ where: key })).toBe(0);
  });

  it("are not spent by looking at them (the confirm page's GET), however often", async () => {
    const key = await issue("look@example.com", "hash-look");
    for (let i = 0; i < 3; i++) {
      expect(await peekVerificationToken(t.db, key, at(2))).toEqual({
        identifier: key.identifier,
        expires: at(TEN_MINUTES),
      });
    }
    expect(await peekVerificationToken(t.db, key, at(TEN_MINUTES + 1))).toBeNull();
    expect(await consumeVerificationToken(t.db, key, at(3))).not.toBeNull();
  });

  it("belong to one address: the right token with another address spends nothing", async () => {
    const key = await issue("owner@example.com", "hash-owner");
    const wrong = { identifier: "thief@example.com", token: key.token };
    expect(await peekVerificationToken(t.db, wrong, at(1))).toBeNull();
    expect(await consumeVerificationToken(t.db, wrong, at(1))).toBeNull();
    expect(await consumeVerificationToken(t.db, { identifier: "", token: "" }, at(1))).toBeNull();
    expect(await consumeVerificationToken(t.db, key, at(1))).not.toBeNull();
  });

  it("are spent once when many requests race with the same link", async () => {
    const key = await issue("race@example.com", "hash-race");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => consumeVerificationToken(t.db, key, at(1))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("that have expired can be swept away, leaving live ones", async () => {
    await issue("sweep-old@example.com", "hash-old", 1);
    const live = await issue("sweep-new@example.com", "hash-new", 30);
    expect(await deleteExpiredVerificationTokens(t.db, at(5))).toBeGreaterThanOrEqual(1);
    expect(
      await t.db.verificationToken.count({ where: { identifier: "sweep-old@example.com" } }),
    ).toBe(0);
    expect(await peekVerificationToken(t.db, live, at(5))).not.toBeNull();
  });
});

/** The stored `sessionToken` column of every session of one user. */
async function storedTokens(userId: string): Promise<string[]> {
  const rows = await t.db.session.findMany({ where: { userId }, select: { sessionToken: true } });
  return rows.map((row) => row.sessionToken);
}

describe("sessions", () => {
  it("find the session's user until it expires, and nothing once it is deleted", async () => {
    const user = await t.db.user.create({
      data: { email: "session@example.com", name: "Sam", role: "EDUCATOR" },
      select: { id: true },
    });
    await createSession(t.db, { sessionToken: "session-1", userId: user.id, expires: at(60) });
    expect(await findSessionUser(t.db, "session-1", at(0))).toEqual({
      id: user.id,
      email: "session@example.com",
      name: "Sam",
      role: "EDUCATOR",
    });
    expect(await findSessionUser(t.db, "session-1", at(60))).toBeNull();
    expect(await findSessionUser(t.db, "unknown", at(0))).toBeNull();
    expect(await findSessionUser(t.db, "", at(0))).toBeNull();

    expect(await deleteSession(t.db, "session-1")).toBe(true);
    expect(await deleteSession(t.db, "session-1")).toBe(false);
    expect(await findSessionUser(t.db, "session-1", at(0))).toBeNull();
    expect(await storedTokens(user.id)).toEqual([]);
  });

  it("see a role change at once (the role is read from the user, not kept in the session)", async () => {
    const user = await t.db.user.create({
      data: { email: "promoted@example.com" },
      select: { id: true },
    });
    await createSession(t.db, { sessionToken: "session-2", userId: user.id, expires: at(60) });
    expect((await findSessionUser(t.db, "session-2", at(0)))?.role).toBe("LEARNER");
    await t.db.user.update({
      where: { id: user.id },
      data: { role: "ADMIN" },
      select: { id: true },
    });
    expect((await findSessionUser(t.db, "session-2", at(0)))?.role).toBe("ADMIN");
  });

  it("are stored as the SHA-256 of the cookie's token, which is given back in clear", async () => {
    const user = await t.db.user.create({
      data: { email: "hashed@example.com" },
      select: { id: true },
    });
    const cookie = randomBytes(32).toString("hex");
    const created = await createSession(t.db, {
      sessionToken: cookie,
      userId: user.id,
      expires: at(60),
    });
    expect(created).toEqual({ sessionToken: cookie, userId: user.id, expires: at(60) });

    const sha256 = createHash("sha256").update(cookie).digest("hex");
    expect(hashSessionToken(cookie)).toBe(sha256);
    expect(await storedTokens(user.id)).toEqual([sha256]);
    const everything = JSON.stringify(await t.db.session.findMany());
    expect(everything).not.toContain(cookie);
  });

  it("cannot be replayed from a copy of the table: the stored hash finds and deletes nothing", async () => {
    const user = await t.db.user.create({
      data: { email: "dumped@example.com" },
      select: { id: true },
    });
    const cookie = "7f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"; // next-auth's shape: a random UUID
    await createSession(t.db, { sessionToken: cookie, userId: user.id, expires: at(60) });
    const [stored] = await storedTokens(user.id);
    if (!stored) throw new Error("no session stored");
    expect(stored).not.toBe(cookie);

    expect(await findSessionUser(t.db, stored, at(0))).toBeNull();
    expect(await deleteSession(t.db, stored)).toBe(false);
    expect((await findSessionUser(t.db, cookie, at(0)))?.id).toBe(user.id);

    expect(await deleteSession(t.db, cookie)).toBe(true);
    expect(await storedTokens(user.id)).toEqual([]);
  });

  it("end one at a time: signing out in one browser leaves the user's other sessions", async () => {
    const user = await t.db.user.create({
      data: { email: "two-browsers@example.com" },
      select: { id: true },
    });
    await createSession(t.db, { sessionToken: "laptop", userId: user.id, expires: at(60) });
    await createSession(t.db, { sessionToken: "phone", userId: user.id, expires: at(60) });
    expect(await deleteSession(t.db, "laptop")).toBe(true);
    expect(await findSessionUser(t.db, "laptop", at(0))).toBeNull();
    expect((await findSessionUser(t.db, "phone", at(0)))?.id).toBe(user.id);
  });
});
