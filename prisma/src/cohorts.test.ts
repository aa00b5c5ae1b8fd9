import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../generated/prisma/client.ts";
import {
  addTeacher,
  becomeEducator,
  cohortForTeacher,
  cohortsOfLearner,
  cohortsTaughtBy,
  createCohort,
  joinCohort,
  leaveCohort,
  newJoinCode,
  normaliseJoinCode,
  removeAssignment,
  removeLearner,
  removeTeacher,
  replaceJoinCode,
  revokeEducator,
  setAssignment,
  setCohortArchived,
  setJoinEnabled,
  updateCohort,
  type CohortSettings,
} from "./cohorts.ts";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** XXXX-XXXX in the unambiguous alphabet: no 0/O, no 1/I. */
const JOIN_CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

const settings = (name: string): CohortSettings => ({
  name,
  description: `About ${name}`,
  locale: "nl",
  timeZone: "Europe/Amsterdam",
});

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour));

const lessonAssignment = (id: string, lessonSlug: string, dueAt: Date | null) => ({
  id,
  kind: "LESSON",
  lessonSlug,
  target: lessonSlug,
  note: null,
  dueAt,
});

let serial = 0;

async function person(name: string, role: Role = "LEARNER", email?: string) {
  const n = ++serial;
  return t.db.user.create({
    data: { email: email ?? `${name}-${n}@example.com`, name, role },
    select: { id: true, email: true, name: true },
  });
}

async function roleOf(userId: string) {
  const user = await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  return user.role;
}

/**
 * A cohort with two teachers (its creator and a co-teacher), one learner and one assignment, plus
 * people who do not teach it: an educator who teaches a cohort of their own, an admin, and a
 * learner who is not in it.
 */
async function classroom() {
  const teacher = await person("teacher", "EDUCATOR");
  const coTeacher = await person("co-teacher", "EDUCATOR");
  const learner = await person("learner");
  const otherEducator = await person("other-educator", "EDUCATOR");
  const admin = await person("admin", "ADMIN");
  const stranger = await person("stranger");
  const cohort = await createCohort(t.db, teacher.id, settings("Class"));
  await t.db.cohortTeacher.create({ data: { cohortId: cohort.id, userId: coTeacher.id } });
  await t.db.cohortMembership.create({ data: { cohortId: cohort.id, userId: learner.id } });
  const assignment = await t.db.assignment.create({
    data: {
      cohortId: cohort.id,
      lessonSlug: "introduction",
      target: "introduction",
      dueAt: at(10),
    },
    select: { id: true },
  });
  const otherCohort = await createCohort(t.db, otherEducator.id, settings("Other class"));
  return {
    teacher,
    coTeacher,
    learner,
    otherEducator,
    admin,
    stranger,
    cohort,
    assignment,
    otherCohort,
  };
}

/** Everything a change to a cohort could touch, to compare before and after. */
async function snapshot(cohortId: string) {
  return {
    cohort: await t.db.cohort.findUnique({ where: { id: cohortId } }),
    teachers: await t.db.cohortTeacher.findMany({
      where: { cohortId },
      orderBy: { userId: "asc" },
    }),
    memberships: await t.db.cohortMembership.findMany({
      where: { cohortId },
      orderBy: { userId: "asc" },
    }),
    assignments: await t.db.assignment.findMany({ where: { cohortId }, orderBy: { id: "asc" } }),
    roles: await t.db.user.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
    rows: await countRows(t.db),
  };
}

type Classroom = Awaited<ReturnType<typeof classroom>>;

/**
 * Every function that changes a cohort, as `actor` would call it on `cohortId`, with what it
 * answers when it refuses. Each would change something if it were allowed.
 */
function changes(c: Classroom) {
  return [
    {
      name: "updateCohort",
      run: (actor: string, cohortId: string) =>
        updateCohort(t.db, actor, cohortId, settings("Renamed")),
      refused: false,
    },
    {
      name: "setCohortArchived(true)",
      run: (actor: string, cohortId: string) => setCohortArchived(t.db, actor, cohortId, true),
      refused: false,
    },
    {
      name: "setJoinEnabled(false)",
      run: (actor: string, cohortId: string) => setJoinEnabled(t.db, actor, cohortId, false),
      refused: false,
    },
    {
      name: "replaceJoinCode",
      run: (actor: string, cohortId: string) => replaceJoinCode(t.db, actor, cohortId),
      refused: null,
    },
    {
      name: "addTeacher",
      run: (actor: string, cohortId: string) =>
        addTeacher(t.db, actor, cohortId, c.stranger.email.toUpperCase()),
      refused: "not_found",
    },
    {
      name: "removeTeacher",
      run: (actor: string, cohortId: string) =>
        removeTeacher(t.db, actor, cohortId, c.coTeacher.id),
      refused: "not_found",
    },
    {
      name: "removeLearner",
      run: (actor: string, cohortId: string) => removeLearner(t.db, actor, cohortId, c.learner.id),
      refused: false,
    },
    {
      name: "setAssignment (new lesson)",
      run: (actor: string, cohortId: string) =>
        setAssignment(t.db, actor, cohortId, "summary", at(20)),
      refused: false,
    },
    {
      name: "setAssignment (moves a due date)",
      run: (actor: string, cohortId: string) =>
        setAssignment(t.db, actor, cohortId, "introduction", null),
      refused: false,
    },
    {
      name: "removeAssignment",
      run: (actor: string, cohortId: string) =>
        removeAssignment(t.db, actor, cohortId, c.assignment.id),
      refused: false,
    },
  ] as const;
}

describe("join codes", () => {
  it("makes XXXX-XXXX codes of unambiguous letters and digits, different each time", () => {
    const codes = Array.from({ length: 500 }, () => newJoinCode());
    for (const code of codes) expect(code).toMatch(JOIN_CODE);
    // 2^40 codes: 500 draws all differ unless the generator is broken.
    expect(new Set(codes).size).toBe(500);
    // Every symbol of the alphabet shows up in 4,000 draws of 32 symbols.
    expect(new Set(codes.join("").replaceAll("-", "")).size).toBe(32);
  });

  it("reads a code whatever its case, spaces and dashes", () => {
    for (const typed of [
      "K7QM-3XPA",
      "k7qm-3xpa",
      "k7qm 3xpa",
      "K7QM3XPA",
      "  k7qm3xpa ",
      "K7-QM-3X-PA",
      "k 7 q m 3 x p a",
      "K7QM--3XPA",
      "K7QM\t3XPA",
    ]) {
      expect(normaliseJoinCode(typed), typed).toBe("K7QM-3XPA");
    }
    const code = newJoinCode();
    expect(normaliseJoinCode(code)).toBe(code);
    expect(normaliseJoinCode(code.toLowerCase().replace("-", " "))).toBe(code);
  });

  it("keeps the demo's legacy code DEMO-2026 as it is", () => {
    expect(normaliseJoinCode("DEMO-2026")).toBe("DEMO-2026");
    expect(normaliseJoinCode("demo-2026")).toBe("DEMO-2026");
    expect(normaliseJoinCode("demo 2026")).toBe("DEMO-2026");
  });

  it("lets a learner join a legacy-code cohort by typing its code loosely", async () => {
    const owner = await person("legacy-owner", "EDUCATOR");
    const learner = await person("legacy-learner");
    const cohort = await t.db.cohort.create({
      data: {
        name: "Demo class",
        joinCode: "DEMO-2026",
        ownerId: owner.id,
        teachers: { create: { userId: owner.id } },
      },
      select: { id: true },
    });
    expect(await joinCohort(t.db, learner.id, "demo 2026")).toEqual({
      status: "joined",
      cohortId: cohort.id,
    });
  });
});

describe("becomeEducator and revokeEducator", () => {
  it("turns a learner into an educator and leaves an educator or admin as they are", async () => {
    const learner = await person("l");
    const educator = await person("e", "EDUCATOR");
    const admin = await person("a", "ADMIN");

    expect(await becomeEducator(t.db, learner.id)).toBe("EDUCATOR");
    expect(await roleOf(learner.id)).toBe("EDUCATOR");
    expect(await becomeEducator(t.db, educator.id)).toBe("EDUCATOR");
    expect(await becomeEducator(t.db, admin.id)).toBe("ADMIN");
    expect(await roleOf(admin.id)).toBe("ADMIN");
    expect(await becomeEducator(t.db, "no-such-user")).toBeNull();
  });

  it("turns an educator back into a learner, never an admin or a learner", async () => {
    const educator = await person("e", "EDUCATOR");
    const admin = await person("a", "ADMIN");
    const learner = await person("l");
    const cohort = await createCohort(t.db, educator.id, settings("Kept"));

    expect(await revokeEducator(t.db, educator.id)).toBe(true);
    expect(await roleOf(educator.id)).toBe("LEARNER");
    expect(await revokeEducator(t.db, educator.id)).toBe(false);
    expect(await revokeEducator(t.db, admin.id)).toBe(false);
    expect(await roleOf(admin.id)).toBe("ADMIN");
    expect(await revokeEducator(t.db, learner.id)).toBe(false);
    expect(await roleOf(learner.id)).toBe("LEARNER");
    // Their cohorts stay.
    expect(await t.db.cohort.count({ where: { id: cohort.id } })).toBe(1);
    expect(await t.db.cohortTeacher.count({ where: { cohortId: cohort.id } })).toBe(1);
  });
});

describe("createCohort", () => {
  it("stores the settings and a fresh code, and makes the creator its only teacher", async () => {
    const educator = await person("creator", "EDUCATOR");
    const created = await createCohort(t.db, educator.id, settings("Spring"));
    expect(created.joinCode).toMatch(JOIN_CODE);

    const row = await t.db.cohort.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      ...settings("Spring"),
      ownerId: educator.id,
      joinCode: created.joinCode,
      joinEnabled: true,
      archivedAt: null,
    });
    expect(
      await t.db.cohortTeacher.findMany({
        where: { cohortId: created.id },
        select: { userId: true },
      }),
    ).toEqual([{ userId: educator.id }]);
    expect(await t.db.cohortMembership.count({ where: { cohortId: created.id } })).toBe(0);

    const second = await createCohort(t.db, educator.id, settings("Summer"));
    expect(second.id).not.toBe(created.id);
    expect(second.joinCode).not.toBe(created.joinCode);
  });
});

describe("cohortsTaughtBy", () => {
  it("lists only the cohorts the user teaches, open ones first, newest first", async () => {
    const teacher = await person("t", "EDUCATOR");
    const other = await person("o", "EDUCATOR");
    const [l1, l2, l3] = await Promise.all([person("l1"), person("l2"), person("l3")]);

    const make = async (name: string, owner: string, createdAt: Date, archived = false) => {
      const { id } = await createCohort(t.db, owner, settings(name));
      await t.db.cohort.update({
        where: { id },
        data: { createdAt, archivedAt: archived ? at(28) : null },
      });
      return id;
    };
    const oldOpen = await make("old open", teacher.id, at(1));
    const newArchived = await make("new archived", teacher.id, at(9), true);
    const newestOpen = await make("newest open", teacher.id, at(5));
    const oldArchived = await make("old archived", teacher.id, at(2), true);
    const notTheirs = await make("not theirs", other.id, at(7));
    // Co-taught (added as a teacher, not the owner): listed too.
    const coTaught = await make("co-taught", other.id, at(3));
    await t.db.cohortTeacher.create({ data: { cohortId: coTaught, userId: teacher.id } });
    // Being a learner in a cohort is not teaching it.
    const learnerIn = await make("learner in", other.id, at(8));
    await t.db.cohortMembership.create({ data: { cohortId: learnerIn, userId: teacher.id } });

    await t.db.cohortMembership.createMany({
      data: [
        ...[l1, l2, l3].map((l) => ({ cohortId: newestOpen, userId: l.id })),
        { cohortId: oldArchived, userId: l1.id },
        { cohortId: notTheirs, userId: l2.id },
      ],
    });

    const list = await cohortsTaughtBy(t.db, teacher.id);
    expect(list.map((c) => c.id)).toEqual([
      newestOpen,
      coTaught,
      oldOpen,
      newArchived,
      oldArchived,
    ]);
    expect(list.map((c) => [c.name, c.learners, c.archivedAt !== null])).toEqual([
      ["newest open", 3, false],
      ["co-taught", 0, false],
      ["old open", 0, false],
      ["new archived", 0, true],
      ["old archived", 1, true],
    ]);
    expect(list[0]).toEqual({
      id: newestOpen,
      name: "newest open",
      description: "About newest open",
      archivedAt: null,
      createdAt: at(5),
      learners: 3,
    });
    expect(await cohortsTaughtBy(t.db, l1.id)).toEqual([]);
  });
});

describe("cohortForTeacher", () => {
  it("shows nothing to someone who does not teach the cohort", async () => {
    const c = await classroom();
    for (const outsider of [c.otherEducator, c.learner, c.admin, c.stranger]) {
      expect(await cohortForTeacher(t.db, outsider.id, c.cohort.id)).toBeNull();
    }
    // The other educator's own cohort is no key to this one.
    expect(await cohortForTeacher(t.db, c.otherEducator.id, c.otherCohort.id)).not.toBeNull();
    expect(await cohortForTeacher(t.db, c.teacher.id, c.otherCohort.id)).toBeNull();
    expect(await cohortForTeacher(t.db, c.teacher.id, "no-such-cohort")).toBeNull();
  });

  it("shows a teacher everything about it, in order", async () => {
    const c = await classroom();
    const late = await person("late");
    await t.db.cohortTeacher.update({
      where: { cohortId_userId: { cohortId: c.cohort.id, userId: c.teacher.id } },
      data: { addedAt: at(1) },
    });
    await t.db.cohortTeacher.update({
      where: { cohortId_userId: { cohortId: c.cohort.id, userId: c.coTeacher.id } },
      data: { addedAt: at(2) },
    });
    await t.db.cohortMembership.update({
      where: { cohortId_userId: { cohortId: c.cohort.id, userId: c.learner.id } },
      data: { joinedAt: at(4) },
    });
    await t.db.cohortMembership.create({
      data: { cohortId: c.cohort.id, userId: late.id, joinedAt: at(3) },
    });
    await t.db.assignment.createMany({
      data: [
        { cohortId: c.cohort.id, lessonSlug: "summary", target: "summary", dueAt: null },
        {
          cohortId: c.cohort.id,
          lessonSlug: "backpropagation-and-gradient-descent",
          target: "backpropagation-and-gradient-descent",
          dueAt: at(9),
        },
        {
          cohortId: c.cohort.id,
          lessonSlug: "activation-functions",
          target: "activation-functions",
          dueAt: null,
        },
      ],
    });

    const detail = await cohortForTeacher(t.db, c.coTeacher.id, c.cohort.id);
    expect(detail).toMatchObject({
      id: c.cohort.id,
      name: "Class",
      description: "About Class",
      locale: "nl",
      timeZone: "Europe/Amsterdam",
      joinCode: c.cohort.joinCode,
      joinEnabled: true,
      archivedAt: null,
    });
    expect(detail?.teachers).toEqual([
      { id: c.teacher.id, name: "teacher", email: c.teacher.email, addedAt: at(1) },
      { id: c.coTeacher.id, name: "co-teacher", email: c.coTeacher.email, addedAt: at(2) },
    ]);
    expect(detail?.learners).toEqual([
      { id: late.id, name: "late", email: late.email, joinedAt: at(3) },
      { id: c.learner.id, name: "learner", email: c.learner.email, joinedAt: at(4) },
    ]);
    expect(detail?.assignments.map((a) => [a.lessonSlug, a.dueAt])).toEqual([
      ["backpropagation-and-gradient-descent", at(9)],
      ["introduction", at(10)],
      ["activation-functions", null],
      ["summary", null],
    ]);
    expect(detail?.assignments.find((a) => a.lessonSlug === "introduction")?.id).toBe(
      c.assignment.id,
    );
  });
});

describe("changing a cohort", () => {
  it("lets a teacher make each change", async () => {
    const c = await classroom();
    const code = c.cohort.joinCode;
    const id = c.cohort.id;

    expect(await updateCohort(t.db, c.coTeacher.id, id, settings("Renamed"))).toBe(true);
    expect(await t.db.cohort.findUnique({ where: { id } })).toMatchObject(settings("Renamed"));

    expect(await setJoinEnabled(t.db, c.teacher.id, id, false)).toBe(true);
    expect((await t.db.cohort.findUniqueOrThrow({ where: { id } })).joinEnabled).toBe(false);
    expect(await setJoinEnabled(t.db, c.teacher.id, id, true)).toBe(true);
    expect((await t.db.cohort.findUniqueOrThrow({ where: { id } })).joinEnabled).toBe(true);

    const fresh = await replaceJoinCode(t.db, c.teacher.id, id);
    expect(fresh).toMatch(JOIN_CODE);
    expect(fresh).not.toBe(code);
    expect((await t.db.cohort.findUniqueOrThrow({ where: { id } })).joinCode).toBe(fresh);

    expect(await setAssignment(t.db, c.teacher.id, id, "summary", at(20))).toBe(true);
    expect(await setAssignment(t.db, c.teacher.id, id, "introduction", null)).toBe(true);
    expect(
      await t.db.assignment.findMany({
        where: { cohortId: id },
        select: { id: true, lessonSlug: true, dueAt: true },
        orderBy: { lessonSlug: "asc" },
      }),
    ).toEqual([
      // Moving a due date keeps the assignment (same id).
      { id: c.assignment.id, lessonSlug: "introduction", dueAt: null },
      { id: expect.any(String) as string, lessonSlug: "summary", dueAt: at(20) },
    ]);
    expect(await removeAssignment(t.db, c.teacher.id, id, c.assignment.id)).toBe(true);
    expect(await removeAssignment(t.db, c.teacher.id, id, c.assignment.id)).toBe(false);
    expect(await t.db.assignment.count({ where: { cohortId: id } })).toBe(1);

    expect(await removeLearner(t.db, c.teacher.id, id, c.learner.id)).toBe(true);
    expect(await removeLearner(t.db, c.teacher.id, id, c.learner.id)).toBe(false);
    expect(await t.db.cohortMembership.count({ where: { cohortId: id } })).toBe(0);

    expect(await setCohortArchived(t.db, c.teacher.id, id, true)).toBe(true);
    const archivedAt = (await t.db.cohort.findUniqueOrThrow({ where: { id } })).archivedAt;
    expect(archivedAt).toBeInstanceOf(Date);
    expect(Math.abs((archivedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  describe.each([
    ["an educator who teaches another cohort", (c: Classroom) => c.otherEducator.id],
    ["a learner in the cohort", (c: Classroom) => c.learner.id],
    ["an admin who does not teach it", (c: Classroom) => c.admin.id],
    ["a learner outside it", (c: Classroom) => c.stranger.id],
  ])("by %s", (_, actorOf) => {
    it("is refused, and changes nothing", async () => {
      const c = await classroom();
      const actor = actorOf(c);
      const before = await snapshot(c.cohort.id);
      const otherBefore = await snapshot(c.otherCohort.id);
      for (const change of changes(c)) {
        expect(await change.run(actor, c.cohort.id), change.name).toEqual(change.refused);
      }
      expect(await snapshot(c.cohort.id)).toEqual(before);
      expect(await snapshot(c.otherCohort.id)).toEqual(otherBefore);
      // The cohort still works as before: its code still lets people in.
      expect((await joinCohort(t.db, c.stranger.id, c.cohort.joinCode)).status).toBe("joined");
    });
  });

  it("refuses to unarchive a cohort for someone who does not teach it", async () => {
    const c = await classroom();
    expect(await setCohortArchived(t.db, c.teacher.id, c.cohort.id, true)).toBe(true);
    const before = await snapshot(c.cohort.id);
    for (const outsider of [c.otherEducator, c.learner, c.admin]) {
      expect(await setCohortArchived(t.db, outsider.id, c.cohort.id, false)).toBe(false);
    }
    expect(await snapshot(c.cohort.id)).toEqual(before);
  });

  it("refuses another cohort's assignment, learner or teacher through the teacher's own cohort", async () => {
    const c = await classroom();
    // The other educator names their own cohort and this cohort's rows.
    const before = await snapshot(c.cohort.id);
    expect(
      await removeAssignment(t.db, c.otherEducator.id, c.otherCohort.id, c.assignment.id),
    ).toBe(false);
    expect(await removeLearner(t.db, c.otherEducator.id, c.otherCohort.id, c.learner.id)).toBe(
      false,
    );
    expect(await removeTeacher(t.db, c.otherEducator.id, c.otherCohort.id, c.coTeacher.id)).toBe(
      "not_found",
    );
    expect(await snapshot(c.cohort.id)).toEqual(before);
  });

  it("refuses every change to an archived cohort, even by its teachers, except unarchiving it", async () => {
    const c = await classroom();
    expect(await setCohortArchived(t.db, c.teacher.id, c.cohort.id, true)).toBe(true);
    const before = await snapshot(c.cohort.id);
    for (const change of changes(c)) {
      if (change.name === "setCohortArchived(true)") continue;
      for (const teacher of [c.teacher, c.coTeacher]) {
        expect(await change.run(teacher.id, c.cohort.id), change.name).toEqual(change.refused);
      }
    }
    expect(await snapshot(c.cohort.id)).toEqual(before);

    expect(await setCohortArchived(t.db, c.coTeacher.id, c.cohort.id, false)).toBe(true);
    expect(
      (await t.db.cohort.findUniqueOrThrow({ where: { id: c.cohort.id } })).archivedAt,
    ).toBeNull();
    // Open again: changes go through.
    expect(await updateCohort(t.db, c.teacher.id, c.cohort.id, settings("Again"))).toBe(true);
    expect(await removeLearner(t.db, c.teacher.id, c.cohort.id, c.learner.id)).toBe(true);
  });
});

describe("replaceJoinCode", () => {
  it("makes the old code stop working and the new one work", async () => {
    const c = await classroom();
    const [early, late] = await Promise.all([person("early"), person("late")]);
    const old = c.cohort.joinCode;
    expect(await joinCohort(t.db, early.id, old)).toEqual({
      status: "joined",
      cohortId: c.cohort.id,
    });

    const fresh = await replaceJoinCode(t.db, c.teacher.id, c.cohort.id);
    if (!fresh) throw new Error("no new code");
    expect(fresh).not.toBe(old);
    expect(await joinCohort(t.db, late.id, old)).toEqual({ status: "not_found" });
    expect(await joinCohort(t.db, late.id, fresh.toLowerCase())).toEqual({
      status: "joined",
      cohortId: c.cohort.id,
    });
    // Whoever joined by the old code stays.
    expect(
      await t.db.cohortMembership.count({
        where: { cohortId: c.cohort.id, userId: { in: [early.id, late.id] } },
      }),
    ).toBe(2);
  });
});

describe("addTeacher", () => {
  it("adds a colleague by e-mail address, whatever its case, and makes a learner an educator", async () => {
    const c = await classroom();
    const colleague = await person("colleague", "LEARNER", "colleague.mixed@example.com");

    expect(
      await addTeacher(t.db, c.teacher.id, c.cohort.id, "  COLLEAGUE.mixed@Example.COM "),
    ).toBe("added");
    expect(await roleOf(colleague.id)).toBe("EDUCATOR");
    expect(
      await t.db.cohortTeacher.count({ where: { cohortId: c.cohort.id, userId: colleague.id } }),
    ).toBe(1);
    expect(await cohortForTeacher(t.db, colleague.id, c.cohort.id)).not.toBeNull();

    expect(await addTeacher(t.db, c.teacher.id, c.cohort.id, "colleague.mixed@example.com")).toBe(
      "already",
    );
    expect(await addTeacher(t.db, c.teacher.id, c.cohort.id, c.coTeacher.email)).toBe("already");
    expect(await t.db.cohortTeacher.count({ where: { cohortId: c.cohort.id } })).toBe(3);
  });

  it("says when there is no account for the address, and adds nobody", async () => {
    const c = await classroom();
    const before = await snapshot(c.cohort.id);
    expect(await addTeacher(t.db, c.teacher.id, c.cohort.id, "nobody-here@example.com")).toBe(
      "no_account",
    );
    expect(await snapshot(c.cohort.id)).toEqual(before);
  });

  it("leaves an admin an admin", async () => {
    const c = await classroom();
    expect(await addTeacher(t.db, c.teacher.id, c.cohort.id, c.admin.email)).toBe("added");
    expect(await roleOf(c.admin.id)).toBe("ADMIN");
  });
});

describe("removeTeacher", () => {
  it("removes a co-teacher, or oneself, but never the last teacher", async () => {
    const c = await classroom();
    expect(await removeTeacher(t.db, c.teacher.id, c.cohort.id, c.stranger.id)).toBe("not_found");
    expect(await removeTeacher(t.db, c.teacher.id, c.cohort.id, c.teacher.id)).toBe("removed");
    expect(await cohortForTeacher(t.db, c.teacher.id, c.cohort.id)).toBeNull();
    // No longer a teacher: cannot act on it any more.
    expect(await removeTeacher(t.db, c.teacher.id, c.cohort.id, c.coTeacher.id)).toBe("not_found");

    expect(await removeTeacher(t.db, c.coTeacher.id, c.cohort.id, c.coTeacher.id)).toBe("last");
    expect(
      await t.db.cohortTeacher.findMany({
        where: { cohortId: c.cohort.id },
        select: { userId: true },
      }),
    ).toEqual([{ userId: c.coTeacher.id }]);
  });
});

describe("joinCohort", () => {
  it("answers joined, then already, for a learner", async () => {
    const c = await classroom();
    const newcomer = await person("newcomer");
    const typed = c.cohort.joinCode.toLowerCase().replace("-", " ");
    expect(await joinCohort(t.db, newcomer.id, typed)).toEqual({
      status: "joined",
      cohortId: c.cohort.id,
    });
    expect(await joinCohort(t.db, newcomer.id, c.cohort.joinCode)).toEqual({
      status: "already",
      cohortId: c.cohort.id,
    });
    expect(
      await t.db.cohortMembership.count({ where: { cohortId: c.cohort.id, userId: newcomer.id } }),
    ).toBe(1);
  });

  it("answers not_found for a code nobody has", async () => {
    const learner = await person("lost");
    const before = await countRows(t.db);
    expect(await joinCohort(t.db, learner.id, "ZZZZ-ZZZZ")).toEqual({ status: "not_found" });
    expect(await joinCohort(t.db, learner.id, "")).toEqual({ status: "not_found" });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("answers closed when the code is turned off or the cohort is archived", async () => {
    const c = await classroom();
    const newcomer = await person("newcomer");
    const before = await t.db.cohortMembership.count({ where: { cohortId: c.cohort.id } });

    expect(await setJoinEnabled(t.db, c.teacher.id, c.cohort.id, false)).toBe(true);
    expect(await joinCohort(t.db, newcomer.id, c.cohort.joinCode)).toEqual({ status: "closed" });

    expect(await setJoinEnabled(t.db, c.teacher.id, c.cohort.id, true)).toBe(true);
    expect(await setCohortArchived(t.db, c.teacher.id, c.cohort.id, true)).toBe(true);
    expect(await joinCohort(t.db, newcomer.id, c.cohort.joinCode)).toEqual({ status: "closed" });

    expect(await t.db.cohortMembership.count({ where: { cohortId: c.cohort.id } })).toBe(before);

    expect(await setCohortArchived(t.db, c.teacher.id, c.cohort.id, false)).toBe(true);
    expect((await joinCohort(t.db, newcomer.id, c.cohort.joinCode)).status).toBe("joined");
  });

  it("answers teacher for one of its teachers, who does not become a learner", async () => {
    const c = await classroom();
    for (const teacher of [c.teacher, c.coTeacher]) {
      expect(await joinCohort(t.db, teacher.id, c.cohort.joinCode)).toEqual({ status: "teacher" });
    }
    expect(
      await t.db.cohortMembership.count({
        where: { cohortId: c.cohort.id, userId: { in: [c.teacher.id, c.coTeacher.id] } },
      }),
    ).toBe(0);
    // Teaching another cohort is no obstacle to learning in this one.
    expect((await joinCohort(t.db, c.otherEducator.id, c.cohort.joinCode)).status).toBe("joined");
  });
});

describe("leaveCohort", () => {
  it("takes the learner out, so its teachers no longer see them", async () => {
    const c = await classroom();
    expect(await leaveCohort(t.db, c.learner.id, c.cohort.id)).toBe(true);
    expect(await leaveCohort(t.db, c.learner.id, c.cohort.id)).toBe(false);
    expect(await leaveCohort(t.db, c.stranger.id, c.cohort.id)).toBe(false);
    const detail = await cohortForTeacher(t.db, c.teacher.id, c.cohort.id);
    expect(detail?.learners).toEqual([]);
    expect(await cohortsOfLearner(t.db, c.learner.id)).toEqual([]);
  });

  it("leaves the learner's other cohorts alone", async () => {
    const c = await classroom();
    await t.db.cohortMembership.create({
      data: { cohortId: c.otherCohort.id, userId: c.learner.id },
    });
    expect(await leaveCohort(t.db, c.learner.id, c.otherCohort.id)).toBe(true);
    expect(
      await t.db.cohortMembership.findMany({
        where: { userId: c.learner.id },
        select: { cohortId: true },
      }),
    ).toEqual([{ cohortId: c.cohort.id }]);
  });
});

describe("cohortsOfLearner", () => {
  it("lists the open cohorts the learner is in, with teachers' names and assignments", async () => {
    const c = await classroom();
    const nameless = await person("nameless", "EDUCATOR");
    await t.db.user.update({ where: { id: nameless.id }, data: { name: null } });
    await t.db.cohortTeacher.create({ data: { cohortId: c.cohort.id, userId: nameless.id } });
    await t.db.cohortTeacher.update({
      where: { cohortId_userId: { cohortId: c.cohort.id, userId: c.coTeacher.id } },
      data: { addedAt: new Date(Date.now() + 60_000) },
    });
    await t.db.assignment.createMany({
      data: [
        { cohortId: c.cohort.id, lessonSlug: "summary", target: "summary", dueAt: null },
        {
          cohortId: c.cohort.id,
          lessonSlug: "a-single-neuron",
          target: "a-single-neuron",
          dueAt: at(2),
        },
      ],
    });
    // Closed to joining is still open to its members.
    expect(await setJoinEnabled(t.db, c.teacher.id, c.cohort.id, false)).toBe(true);

    const archived = await createCohort(t.db, c.otherEducator.id, settings("Archived"));
    await t.db.cohortMembership.create({ data: { cohortId: archived.id, userId: c.learner.id } });
    expect(await setCohortArchived(t.db, c.otherEducator.id, archived.id, true)).toBe(true);
    // A cohort the learner is not in: not listed.
    await t.db.assignment.create({
      data: { cohortId: c.otherCohort.id, lessonSlug: "summary", target: "summary", dueAt: at(3) },
    });

    expect(await cohortsOfLearner(t.db, c.learner.id)).toEqual([
      {
        id: c.cohort.id,
        name: "Class",
        timeZone: "Europe/Amsterdam",
        teachers: ["teacher", "co-teacher"],
        assignments: [
          lessonAssignment(expect.any(String) as string, "a-single-neuron", at(2)),
          lessonAssignment(c.assignment.id, "introduction", at(10)),
          lessonAssignment(expect.any(String) as string, "summary", null),
        ],
      },
    ]);
    expect(await cohortsOfLearner(t.db, c.stranger.id)).toEqual([]);
  });

  it("lists several cohorts by name", async () => {
    const c = await classroom();
    const zed = await createCohort(t.db, c.otherEducator.id, settings("Zed"));
    const abc = await createCohort(t.db, c.otherEducator.id, settings("Abc"));
    await t.db.cohortMembership.createMany({
      data: [zed, abc].map((cohort) => ({ cohortId: cohort.id, userId: c.learner.id })),
    });
    expect((await cohortsOfLearner(t.db, c.learner.id)).map((x) => x.name)).toEqual([
      "Abc",
      "Class",
      "Zed",
    ]);
  });
});

describe("deleting a learner", () => {
  it("removes their memberships with them, and nothing else of the cohort", async () => {
    const c = await classroom();
    await t.db.cohortMembership.create({
      data: { cohortId: c.otherCohort.id, userId: c.learner.id },
    });
    const before = await countRows(t.db);
    await t.db.user.delete({ where: { id: c.learner.id } });

    expect(await t.db.cohortMembership.count({ where: { userId: c.learner.id } })).toBe(0);
    const after = await countRows(t.db);
    expect(after).toEqual({
      ...before,
      User: (before.User ?? 0) - 1,
      CohortMembership: (before.CohortMembership ?? 0) - 2,
    });
    const detail = await cohortForTeacher(t.db, c.teacher.id, c.cohort.id);
    expect(detail?.learners).toEqual([]);
    expect(detail?.assignments).toHaveLength(1);
  });
});

/*
 * Races between two requests at once. PGlite serves one transaction at a time, so these show
 * their worth on PostgreSQL (TEST_DATABASE_URL, as on CI).
 */
describe("at the same moment", () => {
  it("removeTeacher: two teachers removing each other at once leave the cohort without a teacher", async () => {
    let orphaned = 0;
    for (let i = 0; i < 20; i++) {
      const c = await classroom();
      // The check for "last" reads the teachers, then deletes: under READ COMMITTED both
      // transactions see two teachers and each deletes the other.
      await Promise.all([
        removeTeacher(t.db, c.teacher.id, c.cohort.id, c.coTeacher.id),
        removeTeacher(t.db, c.coTeacher.id, c.cohort.id, c.teacher.id),
      ]);
      if ((await t.db.cohortTeacher.count({ where: { cohortId: c.cohort.id } })) === 0) orphaned++;
    }
    expect(orphaned, "cohorts left with no teacher, of 20").toBe(0);
  });

  it("addTeacher: the same colleague added twice at once is added once, the other call answers already", async () => {
    const c = await classroom();
    const results = await Promise.allSettled([
      addTeacher(t.db, c.teacher.id, c.cohort.id, c.stranger.email),
      addTeacher(t.db, c.coTeacher.id, c.cohort.id, c.stranger.email),
    ]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "threw")).sort()).toEqual([
      "added",
      "already",
    ]);
  });
});
