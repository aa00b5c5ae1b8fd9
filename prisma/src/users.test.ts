import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, hashSessionToken } from "./accounts.ts";
import type { Db } from "./client.ts";
import { recordAttempt, upsertLessonProgress } from "./progress.ts";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";
import {
  deleteUser,
  exportUserData,
  findUserByEmail,
  normaliseEmail,
  setUserLocale,
} from "./users.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

let serial = 0;

/** A learner with something in every table that can hold their data. */
async function learnerWithEverything(db: Db, name: string, organisationId: string) {
  const n = ++serial;
  const email = `${name}-${n}@example.com`;
  const user = await db.user.create({
    data: { email, name, organisationId },
    select: { id: true, email: true },
  });
  await db.account.create({
    data: {
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: `gh-${n}`,
      access_token: `secret-access-${n}`,
    },
    select: { id: true },
  });
  const sessionToken = `secret-session-${n}`;
  await createSession(db, { sessionToken, userId: user.id, expires: new Date(Date.now() + 1e9) });
  const attemptIds = [randomUUID(), randomUUID()];
  for (const id of attemptIds) {
    await recordAttempt(db, {
      id,
      userId: user.id,
      exerciseId: `ex-${name}`,
      lessonSlug: "the-neuron",
      answer: { from: name },
      correct: true,
    });
  }
  await upsertLessonProgress(db, user.id, "the-neuron", {
    completedAt: new Date(),
    position: { anchor: `anchor-${name}`, at: new Date() },
  });
  return { ...user, attemptIds, sessionToken };
}

async function world(db: Db) {
  const n = ++serial;
  const org = await db.organisation.create({ data: { name: `SME ${n}` }, select: { id: true } });
  const admin = await db.user.create({
    data: { email: `admin-${n}@example.com`, role: "ADMIN" },
    select: { id: true },
  });
  const educator = await db.user.create({
    data: { email: `educator-${n}@example.com`, role: "EDUCATOR" },
    select: { id: true },
  });
  const ana = await learnerWithEverything(db, "ana", org.id);
  const ben = await learnerWithEverything(db, "ben", org.id);

  const cohort = await db.cohort.create({
    data: { name: `Class ${n}`, joinCode: `CODE-${n}`, ownerId: educator.id },
    select: { id: true },
  });
  await db.cohortMembership.createMany({
    data: [ana, ben].map((u) => ({ cohortId: cohort.id, userId: u.id })),
  });
  await db.cohortInvitation.createMany({
    data: [ana, ben].map((u) => ({
      cohortId: cohort.id,
      email: u.email,
      codeHash: `${u.email}-invite-hash`,
      expiresAt: new Date(Date.now() + 1e9),
    })),
  });
  const format = await db.workshopFormat.create({
    data: {
      slug: `format-${n}`,
      title: "Half day",
      description: "…",
      durationHours: 3.5,
      maxSeats: 20,
    },
    select: { id: true },
  });
  const booking = await db.workshopBooking.create({
    data: {
      organisationId: org.id,
      formatId: format.id,
      requestedById: ana.id,
      requestedDates: [new Date("2026-12-01"), new Date("2026-12-08")],
      seats: 12,
      language: "en",
      mode: "ONSITE",
      questions: "Can we bring laptops?",
      assignedEducatorId: educator.id,
      cohortId: cohort.id,
      statusChanges: {
        create: [
          { toStatus: "REQUESTED", changedById: ana.id },
          { fromStatus: "REQUESTED", toStatus: "CONFIRMED", changedById: admin.id, note: "ok" },
        ],
      },
    },
    select: { id: true },
  });
  return { org, admin, educator, ana, ben, cohort, format, booking };
}

describe("findUserByEmail", () => {
  it("finds a user whatever the case and spacing of the address", async () => {
    const user = await t.db.user.create({
      data: { email: normaliseEmail("  Case@Example.COM ") },
      select: { id: true },
    });
    expect(await findUserByEmail(t.db, "CASE@example.com")).toMatchObject({
      id: user.id,
      email: "case@example.com",
      role: "LEARNER",
    });
    expect(await findUserByEmail(t.db, "nobody@example.com")).toBeNull();
  });
});

describe("exportUserData", () => {
  it("returns all of the user's data and nothing of anyone else's, as JSON", async () => {
    const w = await world(t.db);
    const data = await exportUserData(t.db, w.ana.id);
    if (!data) throw new Error("no export");

    expect(data.email).toBe(w.ana.email);
    expect(data.attempts.map((a) => a.id).sort()).toEqual([...w.ana.attemptIds].sort());
    expect(data.attempts[0]).toMatchObject({ answer: { from: "ana" }, correct: true });
    expect(data.lessonProgress).toMatchObject([
      { lessonSlug: "the-neuron", positionAnchor: "anchor-ana" },
    ]);
    expect(typeof data.lessonProgress[0]?.completedAt).toBe("string");
    expect(data.accounts).toEqual([
      { provider: "github", providerAccountId: expect.any(String) as string, type: "oauth" },
    ]);
    expect(data.sessions).toHaveLength(1);
    expect(data.memberships).toMatchObject([{ cohort: { id: w.cohort.id } }]);
    expect(data.invitations).toMatchObject([{ email: w.ana.email }]);
    expect(data.requestedBookings).toMatchObject([
      {
        id: w.booking.id,
        seats: 12,
        requestedDates: ["2026-12-01T00:00:00.000Z", "2026-12-08T00:00:00.000Z"],
      },
    ]);
    expect(data.bookingChanges).toMatchObject([{ bookingId: w.booking.id, toStatus: "REQUESTED" }]);
    expect(data.organisation).toEqual({ id: w.org.id, name: expect.any(String) as string });

    // Nothing of Ben's, and no secrets, anywhere in the download.
    const text = JSON.stringify(data);
    for (const foreign of [w.ben.id, w.ben.email, ...w.ben.attemptIds, "anchor-ben", "secret-"]) {
      expect(text).not.toContain(foreign);
    }
    // Nor the session's stored hash: it is a secret too, only less directly.
    for (const { sessionToken } of [w.ana, w.ben]) {
      expect(text).not.toContain(hashSessionToken(sessionToken));
    }
    expect(JSON.parse(text)).toEqual(data);
  });

  it("lists the members of a cohort the user owns as a count, not as people", async () => {
    const w = await world(t.db);
    const data = await exportUserData(t.db, w.educator.id);
    expect(data?.ownedCohorts).toMatchObject([{ id: w.cohort.id, memberCount: 2 }]);
    const text = JSON.stringify(data);
    expect(text).not.toContain(w.ana.email);
    expect(text).not.toContain(w.ana.id);
  });

  it("returns null for an unknown user", async () => {
    expect(await exportUserData(t.db, "nobody")).toBeNull();
  });
});

describe("deleteUser", () => {
  it("removes every row of the learner's and nothing of anyone else's", async () => {
    const w = await world(t.db);
    const before = await countRows(t.db);
    const benBefore = await exportUserData(t.db, w.ben.id);

    expect(await deleteUser(t.db, w.ana.id)).toBe(true);

    const after = await countRows(t.db);
    // Ana had: the user row, an account, a session, 2 attempts, 1 lesson, 1 membership and
    // 1 invitation to her address.
    expect(diff(before, after)).toEqual({
      User: -1,
      Account: -1,
      Session: -1,
      ExerciseAttempt: -2,
      LessonProgress: -1,
      CohortMembership: -1,
      CohortInvitation: -1,
    });
    const rowsWithHer = await Promise.all([
      t.db.exerciseAttempt.count({ where: { userId: w.ana.id } }),
      t.db.lessonProgress.count({ where: { userId: w.ana.id } }),
      t.db.cohortInvitation.count({ where: { email: w.ana.email } }),
      t.db.workshopBooking.count({ where: { requestedById: w.ana.id } }),
      t.db.bookingStatusChange.count({ where: { changedById: w.ana.id } }),
    ]);
    expect(rowsWithHer).toEqual([0, 0, 0, 0, 0]);
    // The organisation's booking and its history stay, without her name on them.
    expect(
      await t.db.workshopBooking.findUniqueOrThrow({
        where: { id: w.booking.id },
        select: { requestedById: true, _count: { select: { statusChanges: true } } },
      }),
    ).toEqual({ requestedById: null, _count: { statusChanges: 2 } });
    // Ben's data is exactly as it was.
    const benAfter = await exportUserData(t.db, w.ben.id);
    expect({ ...benAfter, exportedAt: null }).toEqual({ ...benBefore, exportedAt: null });
  });

  it("takes an educator's cohorts with them, but not their learners or the learners' progress", async () => {
    const w = await world(t.db);
    const before = await countRows(t.db);
    expect(await deleteUser(t.db, w.educator.id)).toBe(true);
    expect(diff(before, await countRows(t.db))).toEqual({
      User: -1,
      Cohort: -1,
      CohortMembership: -2,
      CohortInvitation: -2,
    });
    expect(
      await t.db.workshopBooking.findUniqueOrThrow({
        where: { id: w.booking.id },
        select: { assignedEducatorId: true, cohortId: true },
      }),
    ).toEqual({ assignedEducatorId: null, cohortId: null });
    expect(await t.db.exerciseAttempt.count({ where: { userId: w.ana.id } })).toBe(2);
  });

  it("answers false, and deletes nothing, for an unknown user", async () => {
    const before = await countRows(t.db);
    expect(await deleteUser(t.db, "nobody")).toBe(false);
    expect(await countRows(t.db)).toEqual(before);
  });
});

/** Per table, how many rows `after` has more (or fewer) than `before`; unchanged tables left out. */
function diff(before: Record<string, number>, after: Record<string, number>) {
  const changes: Record<string, number> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[table] ?? 0) - (before[table] ?? 0);
    if (d !== 0) changes[table] = d;
  }
  return changes;
}

describe("a user's language", () => {
  it("is unset until chosen, then kept on the account and in the export", async () => {
    const email = `lang-${++serial}@example.com`;
    const user = await t.db.user.create({ data: { email }, select: { id: true } });
    expect((await findUserByEmail(t.db, email))?.locale).toBeNull();
    expect(await setUserLocale(t.db, user.id, "de")).toBe(true);
    expect((await findUserByEmail(t.db, email))?.locale).toBe("de");
    expect((await exportUserData(t.db, user.id))?.locale).toBe("de");
    expect(await setUserLocale(t.db, "no-such-user", "de")).toBe(false);
  });
});
