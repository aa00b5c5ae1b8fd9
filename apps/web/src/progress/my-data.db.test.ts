import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, findSessionUser, hashSessionToken } from "@neuronlab/db/accounts";
import type { Db } from "@neuronlab/db/client";
import { countRows, createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import { refusal } from "@/http/testing";

vi.mock("server-only", () => ({}));

const { postAttempt, postMerge, putLessonProgress } = await import("./progress-api");
const { deleteMyAccount, downloadResponse, expiredSessionCookies, exportMyData, setMyLocale } =
  await import("./my-data");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

let serial = 0;

const post = (body: unknown) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** A learner with a row in every table that holds a learner's data, made through the API. */
async function learner(db: Db, name: string) {
  const n = ++serial;
  const user = await db.user.create({
    data: { email: `${name}-${n}@example.com`, name },
    select: { id: true, email: true, name: true },
  });
  await db.account.create({
    data: { userId: user.id, type: "email", provider: "email", providerAccountId: user.email },
    select: { id: true },
  });
  const sessionToken = `token-${name}-${n}`;
  await createSession(db, { sessionToken, userId: user.id, expires: new Date(Date.now() + 1e9) });
  const attemptId = randomUUID();
  await postAttempt(
    "neuron-compute-z",
    post({ attemptId, answer: { kind: "numeric", value: n } }),
    user,
    db,
  );
  await putLessonProgress(
    "introduction",
    post({ position: { anchor: "a-function-with-knobs", at: "2026-03-01T09:00:00.000Z" } }),
    user,
    db,
  );
  await postMerge(
    post({
      attempts: [
        {
          id: randomUUID(),
          exerciseId: "intro-find-weight",
          at: "2026-03-01T08:00:00.000Z",
          answer: { kind: "numeric", value: n },
        },
      ],
      lessons: { "a-single-neuron": { completedAt: "2026-03-01T08:30:00.000Z" } },
    }),
    user,
    db,
  );
  const cohort = await db.cohort.create({
    data: { name: `${name}'s class`, joinCode: `JOIN-${n}`, ownerId: user.id },
    select: { id: true },
  });
  await db.cohortMembership.create({
    data: { cohortId: cohort.id, userId: user.id },
    select: { userId: true },
  });
  await db.cohortInvitation.create({
    data: {
      cohortId: cohort.id,
      email: `friend-of-${name}-${n}@example.com`,
      codeHash: `inv-hash-${n}`,
      expiresAt: new Date(Date.now() + 1e9),
    },
    select: { id: true },
  });
  return { ...user, attemptId, sessionToken };
}

describe("GET /api/me/export", () => {
  it("holds all of the learner's data, and nothing of anyone else's or any secret", async () => {
    const ana = await learner(t.db, "ana");
    const ben = await learner(t.db, "ben");
    const now = new Date("2026-03-02T12:00:00.000Z");
    const download = await exportMyData(ana, t.db, now);
    expect(download.filename).toBe("neuronlab-data-2026-03-02.json");
    const { data } = download;
    expect(data).toMatchObject({ id: ana.id, email: ana.email, name: "ana" });
    expect(data.attempts.map((a) => a.exerciseId).sort()).toEqual([
      "intro-find-weight",
      "neuron-compute-z",
    ]);
    expect(data.attempts.map((a) => a.id)).toContain(ana.attemptId);
    expect(data.lessonProgress.map((l) => l.lessonSlug)).toEqual([
      "a-single-neuron",
      "introduction",
    ]);
    expect(data.accounts).toEqual([
      { provider: "email", providerAccountId: ana.email, type: "email" },
    ]);
    expect(data.sessions).toHaveLength(1);
    expect(data.memberships).toHaveLength(1);
    expect(data.ownedCohorts).toEqual([
      expect.objectContaining({ name: "ana's class", memberCount: 1 }),
    ]);

    const text = JSON.stringify(data);
    for (const other of [ben.id, ben.email, ben.attemptId, "ben's class"])
      expect(text).not.toContain(other);
    expect(text).not.toMatch(/token-ana/);
    expect(text).not.toContain(hashSessionToken(ana.sessionToken));

    const response = downloadResponse(download);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="neuronlab-data-2026-03-02.json"',
    );
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual(data);
  });

  it("needs a signed-in learner", async () => {
    expect(await refusal(exportMyData(null, t.db))).toMatchObject({ status: 401 });
  });
});

describe("POST /api/me/delete", () => {
  it("refuses without the account's own address as confirmation, deleting nothing", async () => {
    const ana = await learner(t.db, "ana");
    const ben = await learner(t.db, "ben");
    const before = await countRows(t.db);
    for (const body of [
      {},
      { confirmEmail: "" },
      { confirmEmail: ben.email },
      { confirm: true },
      "yes",
    ]) {
      const error = await refusal(deleteMyAccount(post(body), ana, t.db));
      expect(error.status).toBe(400);
    }
    expect(
      await refusal(deleteMyAccount(post({ confirmEmail: ana.email }), null, t.db)),
    ).toMatchObject({
      status: 401,
    });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("deletes every row of the learner's, sessions included, and nothing of anyone else's", async () => {
    const ana = await learner(t.db, "ana");
    const ben = await learner(t.db, "ben");
    const mine = (db: Db, userId: string) =>
      Promise.all([
        db.user.count({ where: { id: userId } }),
        db.account.count({ where: { userId } }),
        db.session.count({ where: { userId } }),
        db.exerciseAttempt.count({ where: { userId } }),
        db.lessonProgress.count({ where: { userId } }),
        db.cohort.count({ where: { ownerId: userId } }),
        db.cohortMembership.count({ where: { userId } }),
        db.cohortInvitation.count({ where: { cohort: { ownerId: userId } } }),
      ]);
    expect(await mine(t.db, ana.id)).toEqual([1, 1, 1, 2, 2, 1, 1, 1]);
    const bensBefore = await mine(t.db, ben.id);
    const before = await countRows(t.db);

    // The address as typed: other case and spaces around it.
    const result = await deleteMyAccount(
      post({ confirmEmail: ` ${ana.email.toUpperCase()} ` }),
      ana,
      t.db,
    );
    expect(result).toEqual({ deleted: true });

    expect(await mine(t.db, ana.id)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await findSessionUser(t.db, ana.sessionToken)).toBeNull();
    expect((await findSessionUser(t.db, ben.sessionToken))?.id).toBe(ben.id);
    expect(await mine(t.db, ben.id)).toEqual(bensBefore);
    // Every table by name: exactly Ana's rows are gone from each, and nothing else anywhere.
    const gone: Record<string, number> = {
      User: 1,
      Account: 1,
      Session: 1,
      ExerciseAttempt: 2,
      LessonProgress: 2,
      Cohort: 1,
      CohortMembership: 1,
      CohortInvitation: 1,
    };
    const after = await countRows(t.db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, n] of Object.entries(before)) {
      expect(after[table], table).toBe(n - (gone[table] ?? 0));
    }
  });

  it("expires the session cookies in the browser", () => {
    const cookies = expiredSessionCookies();
    expect(cookies).toHaveLength(2);
    for (const cookie of cookies) expect(cookie).toMatch(/=; Path=\/; Expires=Thu, 01 Jan 1970/);
  });
});

describe("the account's language", () => {
  const put = (body: unknown) =>
    new Request("http://localhost/api/me/locale", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const stored = async (id: string) =>
    (await t.db.user.findUnique({ where: { id }, select: { locale: true } }))?.locale;

  it("keeps the language a learner chose, on their account only", async () => {
    const ana = await learner(t.db, "ana");
    const ben = await learner(t.db, "ben");
    expect(await setMyLocale(put({ locale: "de" }), ana, t.db)).toEqual({ locale: "de" });
    expect(await stored(ana.id)).toBe("de");
    expect(await stored(ben.id)).toBeNull();
  });

  it("refuses a language the platform does not have, bad shapes and the signed-out, changing nothing", async () => {
    const ana = await learner(t.db, "ana");
    for (const body of [{ locale: "fr" }, { locale: "__proto__" }, { locale: 1 }, {}, []]) {
      const error = await refusal(setMyLocale(put(body), ana, t.db));
      expect(error.status, JSON.stringify(body)).toBe(400);
      expect(error.code).toBe("invalid_locale");
    }
    expect((await refusal(setMyLocale(put({ locale: "de" }), null, t.db))).status).toBe(401);
    expect(await stored(ana.id)).toBeNull();
  });
});
