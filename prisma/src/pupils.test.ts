import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeLearner, setCohortArchived } from "./cohorts.ts";
import { deleteUser } from "./users.ts";
import {
  addPupils,
  cardByCode,
  CARD_ALPHABET,
  hashCardCode,
  isPupil,
  isPupilEmail,
  isPupilOfArchivedCohort,
  nameKey,
  newCardCode,
  normaliseCardCode,
  pupilByCardCode,
  pupilsOfCohort,
  replacePupilCard,
} from "./pupils.ts";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** XXXXX-XXXXX in the unambiguous alphabet: no 0/O, no 1/I. */
const CARD_CODE = /^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/;

let serial = 0;

async function world() {
  const n = ++serial;
  const teacher = await t.db.user.create({
    data: { email: `teacher-${String(n)}@example.com`, name: "Tea", role: "EDUCATOR" },
  });
  const other = await t.db.user.create({
    data: { email: `other-${String(n)}@example.com`, name: "Oth", role: "EDUCATOR" },
  });
  const cohort = await t.db.cohort.create({
    data: {
      name: "Class",
      ownerId: teacher.id,
      joinCode: `PUPL-${String(1000 + n)}`,
      teachers: { create: { userId: teacher.id } },
    },
  });
  return { teacher: teacher.id, other: other.id, cohort: cohort.id };
}

describe("card codes", () => {
  it("are 10 symbols of the unambiguous alphabet, shown as XXXXX-XXXXX", () => {
    expect(CARD_ALPHABET).toHaveLength(32);
    const codes = new Set(Array.from({ length: 200 }, () => newCardCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(CARD_CODE);
  });

  it("are read whatever the case, spaces and dashes", () => {
    expect(normaliseCardCode("abcde fghjk")).toBe("ABCDE-FGHJK");
    expect(normaliseCardCode(" ab-cde-fg hjk ")).toBe("ABCDE-FGHJK");
    expect(normaliseCardCode("ABCDEFGHJK")).toBe("ABCDE-FGHJK");
    expect(normaliseCardCode("ABCDE-FGHJ")).toBeNull();
    expect(normaliseCardCode("ABCDE-FGHJ0")).toBeNull();
    expect(normaliseCardCode("ABCDE-FGHJKL")).toBeNull();
    expect(normaliseCardCode("x".repeat(1000))).toBeNull();
  });

  it("are stored as their SHA-256", () => {
    expect(hashCardCode("ABCDE-FGHJK")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("compare names by what a reader sees", () => {
    expect(nameKey("  Anna   Maria ")).toBe(nameKey("anna maria"));
  });
});

describe("adding pupils", () => {
  it("makes an account, a membership and a card per name, storing only the name", async () => {
    const w = await world();
    const result = await addPupils(t.db, w.teacher, w.cohort, ["Ada", "Ben"]);
    expect(result.status).toBe("added");
    if (result.status !== "added") return;
    expect(result.cards.map((c) => c.name)).toEqual(["Ada", "Ben"]);
    for (const card of result.cards) {
      expect(card.code).toMatch(CARD_CODE);
      const user = await t.db.user.findUniqueOrThrow({
        where: { id: card.pupilId },
        include: { pupilCard: true, memberships: true, accounts: true },
      });
      expect(user.name).toBe(card.name);
      expect(user.role).toBe("LEARNER");
      expect(user.email).toMatch(/^pupil-[0-9a-f]{24}@pupils\.neuronlab\.invalid$/);
      expect(user.emailVerified).toBeNull();
      expect(user.image).toBeNull();
      expect(user.accounts).toEqual([]);
      expect(user.memberships.map((m) => m.cohortId)).toEqual([w.cohort]);
      expect(user.pupilCard?.codeHash).toBe(hashCardCode(card.code));
      expect(user.pupilCard?.cohortId).toBe(w.cohort);
      expect(await isPupil(t.db, card.pupilId)).toBe(true);
      expect(await pupilByCardCode(t.db, card.code.toLowerCase())).toEqual({
        userId: card.pupilId,
      });
    }
    expect(await isPupil(t.db, w.teacher)).toBe(false);
    const list = await pupilsOfCohort(t.db, w.teacher, w.cohort);
    expect(list?.map((p) => [p.name, p.member, p.replacedAt])).toEqual([
      ["Ada", true, null],
      ["Ben", true, null],
    ]);
  });

  it("refuses a cohort the teacher does not teach, or an archived one, writing nothing", async () => {
    const w = await world();
    const users = await t.db.user.count();
    expect(await addPupils(t.db, w.other, w.cohort, ["Ada"])).toEqual({ status: "not_found" });
    expect(await pupilsOfCohort(t.db, w.other, w.cohort)).toBeNull();
    await t.db.cohort.update({ where: { id: w.cohort }, data: { archivedAt: new Date() } });
    expect(await addPupils(t.db, w.teacher, w.cohort, ["Ada"])).toEqual({ status: "not_found" });
    expect(await t.db.user.count()).toBe(users);
    expect(await pupilsOfCohort(t.db, w.teacher, w.cohort)).toEqual([]);
  });

  it("refuses the whole list when one name is already a pupil's in this cohort", async () => {
    const w = await world();
    await addPupils(t.db, w.teacher, w.cohort, ["Ada"]);
    const users = await t.db.user.count();
    expect(await addPupils(t.db, w.teacher, w.cohort, ["Ben", " ADA"])).toEqual({
      status: "taken",
      name: " ADA",
    });
    expect(await t.db.user.count()).toBe(users);
  });

  it("writes nothing when the transaction fails part-way", async () => {
    const w = await world();
    const users = await t.db.user.count();
    // A name the column cannot hold (a NUL byte) fails the second insert: the first is undone.
    await expect(addPupils(t.db, w.teacher, w.cohort, ["Ada", "B\u0000n"])).rejects.toThrow();
    expect(await t.db.user.count()).toBe(users);
    expect(await t.db.pupilCard.count({ where: { cohortId: w.cohort } })).toBe(0);
  });
});

describe("replacing a card", () => {
  it("makes a new code; the old one stops working and the pupil's sessions end", async () => {
    const w = await world();
    const added = await addPupils(t.db, w.teacher, w.cohort, ["Ada"]);
    if (added.status !== "added") throw new Error("not added");
    const [card] = added.cards;
    if (!card) throw new Error("no card");
    await t.db.session.create({
      data: { sessionToken: `s-${card.pupilId}`, userId: card.pupilId, expires: new Date(2099, 0) },
    });
    const now = new Date(Date.UTC(2026, 4, 1));
    const fresh = await replacePupilCard(t.db, w.teacher, w.cohort, card.pupilId, now);
    expect(fresh?.name).toBe("Ada");
    expect(fresh?.code).toMatch(CARD_CODE);
    expect(fresh?.code).not.toBe(card.code);
    expect(await pupilByCardCode(t.db, card.code)).toBeNull();
    expect(await pupilByCardCode(t.db, fresh?.code ?? "")).toEqual({ userId: card.pupilId });
    expect(await t.db.session.count({ where: { userId: card.pupilId } })).toBe(0);
    const [row] = (await pupilsOfCohort(t.db, w.teacher, w.cohort)) ?? [];
    expect(row?.replacedAt?.toISOString()).toBe(now.toISOString());
  });

  it("refuses another teacher, another cohort's pupil and an archived cohort", async () => {
    const w = await world();
    const v = await world();
    const added = await addPupils(t.db, w.teacher, w.cohort, ["Ada"]);
    if (added.status !== "added") throw new Error("not added");
    const pupilId = added.cards[0]?.pupilId ?? "";
    const before = await t.db.pupilCard.findUniqueOrThrow({ where: { userId: pupilId } });
    expect(await replacePupilCard(t.db, w.other, w.cohort, pupilId)).toBeNull();
    expect(await replacePupilCard(t.db, v.teacher, v.cohort, pupilId)).toBeNull();
    expect(await replacePupilCard(t.db, w.teacher, w.cohort, w.teacher)).toBeNull();
    await t.db.cohort.update({ where: { id: w.cohort }, data: { archivedAt: new Date() } });
    expect(await replacePupilCard(t.db, w.teacher, w.cohort, pupilId)).toBeNull();
    expect(await t.db.pupilCard.findUniqueOrThrow({ where: { userId: pupilId } })).toEqual(before);
  });

  it("finds no pupil by a malformed or unknown code", async () => {
    expect(await pupilByCardCode(t.db, "")).toBeNull();
    expect(await pupilByCardCode(t.db, "ZZZZZ-ZZZZZ")).toBeNull();
    expect(await pupilByCardCode(t.db, "not a code at all")).toBeNull();
  });
});

/** Adds one pupil to the world's cohort and gives them a session, progress, an attempt, a certificate. */
async function pupilWithData(w: Awaited<ReturnType<typeof world>>, name: string) {
  const added = await addPupils(t.db, w.teacher, w.cohort, [name]);
  if (added.status !== "added") throw new Error("not added");
  const [card] = added.cards;
  if (!card) throw new Error("no card");
  await learnerData(card.pupilId);
  return card;
}

async function learnerData(userId: string) {
  await t.db.session.create({
    data: { sessionToken: `s-${userId}`, userId, expires: new Date(2099, 0) },
  });
  await t.db.lessonProgress.create({
    data: { userId, lessonSlug: "introduction", completedAt: new Date() },
  });
  await t.db.exerciseAttempt.create({
    data: {
      id: crypto.randomUUID(),
      userId,
      exerciseId: "intro-1",
      lessonSlug: "introduction",
      answer: { choice: 1 },
      correct: true,
    },
  });
  await t.db.certificate.create({ data: { code: `cert-${userId}`, userId, name: "Someone" } });
}

/** The rows of one person, table by table. */
async function rowsOf(userId: string) {
  return {
    users: await t.db.user.count({ where: { id: userId } }),
    cards: await t.db.pupilCard.count({ where: { userId } }),
    memberships: await t.db.cohortMembership.count({ where: { userId } }),
    sessions: await t.db.session.count({ where: { userId } }),
    progress: await t.db.lessonProgress.count({ where: { userId } }),
    attempts: await t.db.exerciseAttempt.count({ where: { userId } }),
    certificates: await t.db.certificate.count({ where: { userId } }),
  };
}

const NONE = {
  users: 0,
  cards: 0,
  memberships: 0,
  sessions: 0,
  progress: 0,
  attempts: 0,
  certificates: 0,
};

describe("removing a pupil from their cohort", () => {
  it("deletes their account and everything of theirs, so the card stops working", async () => {
    const w = await world();
    const card = await pupilWithData(w, "Ada");
    const classmate = await pupilWithData(w, "Ben");
    expect(await rowsOf(card.pupilId)).toEqual({
      users: 1,
      cards: 1,
      memberships: 1,
      sessions: 1,
      progress: 1,
      attempts: 1,
      certificates: 1,
    });
    const before = await countRows(t.db);

    expect(await removeLearner(t.db, w.teacher, w.cohort, card.pupilId)).toBe(true);

    expect(await rowsOf(card.pupilId)).toEqual(NONE);
    expect(await pupilByCardCode(t.db, card.code)).toBeNull();
    expect(await cardByCode(t.db, card.code)).toBeNull();
    // Exactly one row fewer in each of the pupil's tables, nothing else touched.
    const after = await countRows(t.db);
    const fewer = Object.fromEntries(
      Object.entries(before)
        .filter(([table, n]) => after[table] !== n)
        .map(([table, n]) => [table, n - (after[table] ?? 0)]),
    );
    expect(fewer).toEqual({
      User: 1,
      PupilCard: 1,
      CohortMembership: 1,
      Session: 1,
      LessonProgress: 1,
      ExerciseAttempt: 1,
      Certificate: 1,
    });
    // The classmate keeps everything, and the cohort is still there.
    expect((await rowsOf(classmate.pupilId)).users).toBe(1);
    expect(await pupilByCardCode(t.db, classmate.code)).toEqual({ userId: classmate.pupilId });
    expect((await pupilsOfCohort(t.db, w.teacher, w.cohort))?.map((p) => p.name)).toEqual(["Ben"]);
    // Removing them again finds nobody.
    expect(await removeLearner(t.db, w.teacher, w.cohort, card.pupilId)).toBe(false);
  });

  it("deletes a pupil of this cohort who had left it", async () => {
    const w = await world();
    const card = await pupilWithData(w, "Ada");
    await t.db.cohortMembership.deleteMany({ where: { userId: card.pupilId } });
    expect((await pupilsOfCohort(t.db, w.teacher, w.cohort))?.map((p) => p.member)).toEqual([
      false,
    ]);
    expect(await removeLearner(t.db, w.teacher, w.cohort, card.pupilId)).toBe(true);
    expect(await rowsOf(card.pupilId)).toEqual(NONE);
  });

  it("keeps an ordinary learner's account: only the membership goes", async () => {
    const w = await world();
    const learner = await t.db.user.create({
      data: { email: `learner-${String(++serial)}@example.com`, name: "Lea" },
    });
    await t.db.cohortMembership.create({ data: { cohortId: w.cohort, userId: learner.id } });
    await learnerData(learner.id);
    expect(await removeLearner(t.db, w.teacher, w.cohort, learner.id)).toBe(true);
    expect(await rowsOf(learner.id)).toEqual({
      users: 1,
      cards: 0,
      memberships: 0,
      sessions: 1,
      progress: 1,
      attempts: 1,
      certificates: 1,
    });
  });

  it("only takes another cohort's pupil out of this one", async () => {
    const w = await world();
    const v = await world();
    const card = await pupilWithData(v, "Ada");
    await t.db.cohortMembership.create({ data: { cohortId: w.cohort, userId: card.pupilId } });
    expect(await removeLearner(t.db, w.teacher, w.cohort, card.pupilId)).toBe(true);
    expect(await rowsOf(card.pupilId)).toEqual({
      users: 1,
      cards: 1,
      memberships: 1,
      sessions: 1,
      progress: 1,
      attempts: 1,
      certificates: 1,
    });
    expect(
      (await t.db.cohortMembership.findMany({ where: { userId: card.pupilId } })).map(
        (m) => m.cohortId,
      ),
    ).toEqual([v.cohort]);
    expect(await pupilByCardCode(t.db, card.code)).toEqual({ userId: card.pupilId });
  });

  it("is refused to another teacher and in an archived cohort, deleting nothing", async () => {
    const w = await world();
    const v = await world();
    const card = await pupilWithData(w, "Ada");
    const all = await rowsOf(card.pupilId);
    expect(await removeLearner(t.db, w.other, w.cohort, card.pupilId)).toBe(false);
    // Another teacher naming their own cohort and this pupil.
    expect(await removeLearner(t.db, v.teacher, v.cohort, card.pupilId)).toBe(false);
    expect(await setCohortArchived(t.db, w.teacher, w.cohort, true)).toBe(true);
    expect(await removeLearner(t.db, w.teacher, w.cohort, card.pupilId)).toBe(false);
    // Archiving signed the pupil out; nothing else of theirs went.
    expect(await rowsOf(card.pupilId)).toEqual({ ...all, sessions: 0 });
  });
});

describe("an archived cohort's cards", () => {
  it("do not sign in until the cohort is restored; their sessions end, nothing else is deleted", async () => {
    const w = await world();
    const card = await pupilWithData(w, "Ada");
    const other = await world();
    const elsewhere = await pupilWithData(other, "Ben");
    const all = await rowsOf(card.pupilId);
    expect(
      isPupilEmail((await t.db.user.findUniqueOrThrow({ where: { id: card.pupilId } })).email),
    ).toBe(true);
    expect(isPupilEmail("ada@example.com")).toBe(false);
    expect(isPupilEmail("ada@pupils.neuronlab.invalid.example.com")).toBe(false);
    expect(await isPupilOfArchivedCohort(t.db, card.pupilId)).toBe(false);

    expect(await setCohortArchived(t.db, w.teacher, w.cohort, true)).toBe(true);
    expect(await pupilByCardCode(t.db, card.code)).toBeNull();
    expect(await cardByCode(t.db, card.code)).toEqual({
      userId: card.pupilId,
      cohortArchived: true,
    });
    expect(await isPupilOfArchivedCohort(t.db, card.pupilId)).toBe(true);
    // Signed out everywhere (the header, too, asks next-auth's own session route).
    expect(await rowsOf(card.pupilId)).toEqual({ ...all, sessions: 0 });
    expect(await rowsOf(elsewhere.pupilId)).toMatchObject({ sessions: 1 });
    // Another cohort's cards still work.
    expect(await pupilByCardCode(t.db, elsewhere.code)).toEqual({ userId: elsewhere.pupilId });
    expect(await isPupilOfArchivedCohort(t.db, elsewhere.pupilId)).toBe(false);
    expect(await isPupilOfArchivedCohort(t.db, w.teacher)).toBe(false);

    expect(await setCohortArchived(t.db, w.teacher, w.cohort, false)).toBe(true);
    expect(await pupilByCardCode(t.db, card.code)).toEqual({ userId: card.pupilId });
    expect(await cardByCode(t.db, card.code)).toEqual({
      userId: card.pupilId,
      cohortArchived: false,
    });
    expect(await isPupilOfArchivedCohort(t.db, card.pupilId)).toBe(false);
  });
});

describe("a teacher who deletes their account", () => {
  it("takes the pupils of the cohorts they own with them; other accounts stay", async () => {
    const w = await world();
    const card = await pupilWithData(w, "Cy");
    const other = await world();
    const elsewhere = await pupilWithData(other, "Di");
    expect(await deleteUser(t.db, w.teacher)).toBe(true);
    expect(await t.db.user.count({ where: { id: { in: [w.teacher, card.pupilId] } } })).toBe(0);
    expect(await t.db.user.count({ where: { id: { in: [w.other, elsewhere.pupilId] } } })).toBe(2);
  });
});
