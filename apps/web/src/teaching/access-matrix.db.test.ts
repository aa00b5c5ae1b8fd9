import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@neuronlab/db/client";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import {
  actionsIn,
  routesUnder,
  rowTitle,
  runRow,
  type MatrixRow,
  type Outcome,
} from "@/testing/access-matrix";
import type { Actor, CohortPage } from "./teaching";

vi.mock("server-only", () => ({}));

const teaching = await import("./teaching");

/**
 * Who may do what with cohorts, as a matrix: every rule behind a teaching page, route handler
 * and server action, run by every kind of user against a fresh world, with the outcome each must
 * get. A refused call must change nothing in the database. The server actions are found by
 * reading actions.ts, so an action added without a row here fails this test.
 */

const ACTORS = ["anonymous", "learnerOut", "learnerIn", "educatorA", "educatorB", "admin"] as const;
type ActorName = (typeof ACTORS)[number];

interface World {
  db: Db;
  actors: Record<ActorName, Actor>;
  ids: Record<ActorName, string>;
  cohortA: string;
  cohortB: string;
  codeA: string;
  assignmentA: string;
}

type Row = MatrixRow<World, ActorName>;

const TEACHER_ONLY: Record<ActorName, Outcome> = {
  anonymous: 401,
  learnerOut: 403,
  learnerIn: 403,
  educatorA: "ok",
  educatorB: 404,
  admin: 404,
};

const EN = {
  learner: "L",
  joined: "J",
  lessonsDone: "D",
  exercisesSolved: "S",
  lastActivity: "A",
  lessonName: "Lesson",
  lesson: (title: string) => title,
  state: { done: "done", in_progress: "in progress", not_started: "not started" },
  exercise: "E",
  answer: "Ans",
  correct: "C",
  time: "T",
  yes: "y",
  no: "n",
};

const ROWS: Row[] = [
  {
    rule: "becomeEducatorFor",
    usedBy: ["becomeEducatorAction"],
    run: (w, a) => teaching.becomeEducatorFor(w.actors[a], w.db),
    expect: {
      anonymous: 401,
      learnerOut: "ok",
      learnerIn: "ok",
      educatorA: "ok",
      educatorB: "ok",
      admin: "ok",
    },
    check: async (w, a) => {
      const { role } = await w.db.user.findUniqueOrThrow({ where: { id: w.ids[a] } });
      expect(role).toBe(a === "admin" ? "ADMIN" : "EDUCATOR");
    },
  },
  {
    rule: "createCohortFor",
    usedBy: ["createCohortAction"],
    run: (w, a) =>
      teaching.createCohortFor(w.actors[a], w.db, {
        name: "New",
        description: "",
        locale: "de",
        timeZone: "Europe/Berlin",
      }),
    expect: { ...TEACHER_ONLY, educatorB: "ok", admin: "ok" },
    check: async (w, a, result) => {
      const { id } = result as { id: string };
      const teachers = await w.db.cohortTeacher.findMany({ where: { cohortId: id } });
      expect(teachers.map((t) => t.userId)).toEqual([w.ids[a]]);
    },
  },
  {
    rule: "updateCohortFor",
    usedBy: ["updateCohortAction"],
    run: (w, a) =>
      teaching.updateCohortFor(w.actors[a], w.db, {
        cohortId: w.cohortA,
        name: "Renamed",
        description: "d",
        locale: "en",
        timeZone: "UTC",
      }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      expect((await w.db.cohort.findUniqueOrThrow({ where: { id: w.cohortA } })).name).toBe(
        "Renamed",
      );
    },
  },
  {
    rule: "archiveCohortFor",
    usedBy: ["archiveCohortAction"],
    run: (w, a) =>
      teaching.archiveCohortFor(w.actors[a], w.db, { cohortId: w.cohortA, archived: "true" }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      const cohort = await w.db.cohort.findUniqueOrThrow({ where: { id: w.cohortA } });
      expect(cohort.archivedAt).not.toBeNull();
    },
  },
  {
    rule: "setJoinEnabledFor",
    usedBy: ["setJoinEnabledAction"],
    run: (w, a) =>
      teaching.setJoinEnabledFor(w.actors[a], w.db, { cohortId: w.cohortA, enabled: "false" }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      const cohort = await w.db.cohort.findUniqueOrThrow({ where: { id: w.cohortA } });
      expect(cohort.joinEnabled).toBe(false);
    },
  },
  {
    rule: "replaceJoinCodeFor",
    usedBy: ["replaceJoinCodeAction"],
    run: (w, a) => teaching.replaceJoinCodeFor(w.actors[a], w.db, { cohortId: w.cohortA }),
    expect: TEACHER_ONLY,
    check: async (w, _a, code) => {
      const cohort = await w.db.cohort.findUniqueOrThrow({ where: { id: w.cohortA } });
      expect(cohort.joinCode).toBe(code);
      expect(code).not.toBe(w.codeA);
    },
  },
  {
    rule: "addTeacherFor",
    usedBy: ["addTeacherAction"],
    run: (w, a) =>
      teaching.addTeacherFor(w.actors[a], w.db, {
        cohortId: w.cohortA,
        email: "LEARNER-OUT@example.com",
      }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      const row = await w.db.cohortTeacher.findUnique({
        where: { cohortId_userId: { cohortId: w.cohortA, userId: w.ids.learnerOut } },
      });
      expect(row).not.toBeNull();
    },
  },
  {
    rule: "removeTeacherFor",
    usedBy: ["removeTeacherAction"],
    // Educator A is the only teacher: removing themself is refused as the last one.
    run: (w, a) =>
      teaching.removeTeacherFor(w.actors[a], w.db, {
        cohortId: w.cohortA,
        teacherId: w.ids.educatorA,
      }),
    expect: { ...TEACHER_ONLY, educatorA: 409 },
  },
  {
    rule: "removeLearnerFor",
    usedBy: ["removeLearnerAction"],
    run: (w, a) =>
      teaching.removeLearnerFor(w.actors[a], w.db, {
        cohortId: w.cohortA,
        learnerId: w.ids.learnerIn,
      }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      expect(await w.db.cohortMembership.count({ where: { cohortId: w.cohortA } })).toBe(0);
    },
  },
  {
    rule: "setAssignmentFor",
    usedBy: ["setAssignmentAction"],
    run: (w, a) =>
      teaching.setAssignmentFor(w.actors[a], w.db, {
        cohortId: w.cohortA,
        lessonSlug: "summary",
        due: "2030-01-15",
      }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      const row = await w.db.assignment.findUniqueOrThrow({
        where: { cohortId_kind_target: { cohortId: w.cohortA, kind: "LESSON", target: "summary" } },
      });
      // Cohort A is in Europe/Berlin: the end of 15 January there is 22:59:59.999 UTC.
      expect(row.dueAt?.toISOString()).toBe("2030-01-15T22:59:59.999Z");
    },
  },
  {
    rule: "removeAssignmentFor",
    usedBy: ["removeAssignmentAction"],
    run: (w, a) =>
      teaching.removeAssignmentFor(w.actors[a], w.db, {
        cohortId: w.cohortA,
        assignmentId: w.assignmentA,
      }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      expect(await w.db.assignment.count({ where: { cohortId: w.cohortA } })).toBe(0);
    },
  },
  {
    rule: "joinCohortFor",
    usedBy: ["joinCohortAction", "/[locale]/join", "/[locale]/join/[code]"],
    run: (w, a) => teaching.joinCohortFor(w.actors[a], w.db, { code: w.codeA.toLowerCase() }),
    expect: {
      anonymous: 401,
      learnerOut: "ok",
      learnerIn: "ok",
      educatorA: 409,
      educatorB: "ok",
      admin: "ok",
    },
    check: async (w, a, result) => {
      expect(result).toEqual({ cohortId: w.cohortA, already: a === "learnerIn" });
      const row = await w.db.cohortMembership.findUnique({
        where: { cohortId_userId: { cohortId: w.cohortA, userId: w.ids[a] } },
      });
      expect(row).not.toBeNull();
    },
  },
  {
    rule: "leaveCohortFor",
    usedBy: ["leaveCohortAction"],
    run: (w, a) => teaching.leaveCohortFor(w.actors[a], w.db, { cohortId: w.cohortA }),
    expect: {
      anonymous: 401,
      learnerOut: 404,
      learnerIn: "ok",
      educatorA: 404,
      educatorB: 404,
      admin: 404,
    },
    check: async (w) => {
      expect(await w.db.cohortMembership.count({ where: { cohortId: w.cohortA } })).toBe(0);
    },
  },
  {
    rule: "saveMailChoicesFor",
    usedBy: ["saveMailChoicesAction", "/[locale]/account"],
    // Both boxes left unticked: everything the form offers this person is turned off.
    run: (w, a) => teaching.saveMailChoicesFor(w.actors[a], w.db, {}),
    expect: {
      anonymous: 401,
      learnerOut: "ok",
      learnerIn: "ok",
      educatorA: "ok",
      educatorB: "ok",
      admin: "ok",
    },
    check: async (w, a) => {
      const user = await w.db.user.findUniqueOrThrow({
        where: { id: w.ids[a] },
        select: { role: true, mailReminders: true, mailSummary: true },
      });
      expect(user.mailReminders).toBe(false);
      // A learner's form has no summary box: their stored choice stays.
      expect(user.mailSummary).toBe(user.role === "LEARNER");
    },
  },
  {
    rule: "loadTeacherHome",
    usedBy: ["/[locale]/educator"],
    run: (w, a) => teaching.loadTeacherHome(w.actors[a], w.db),
    expect: { ...TEACHER_ONLY, educatorB: "ok", admin: "ok" },
    check: (w, a, result) => {
      const ids = (result as { id: string }[]).map((c) => c.id);
      expect(ids).toEqual(a === "educatorA" ? [w.cohortA] : a === "educatorB" ? [w.cohortB] : []);
    },
  },
  {
    rule: "loadCohortPage",
    usedBy: ["/[locale]/educator/cohorts/[cohortId]"],
    run: (w, a) => teaching.loadCohortPage(w.actors[a], w.db, w.cohortA, "en"),
    expect: TEACHER_ONLY,
    check: (w, _a, result) => {
      const page = result as CohortPage;
      expect(page.view.learners.map((l) => l.id)).toEqual([w.ids.learnerIn]);
    },
  },
  {
    rule: "loadLearnerPage",
    usedBy: ["/[locale]/educator/cohorts/[cohortId]/learners/[learnerId]"],
    run: (w, a) => teaching.loadLearnerPage(w.actors[a], w.db, w.cohortA, w.ids.learnerIn),
    expect: TEACHER_ONLY,
    check: (w, _a, result) => {
      expect((result as { learner: { id: string } }).learner.id).toBe(w.ids.learnerIn);
    },
  },
  {
    rule: "exportCohortCsv",
    usedBy: ["/api/educator/cohorts/[cohortId]/export"],
    run: (w, a) => teaching.exportCohortCsv(w.actors[a], w.db, w.cohortA, "dashboard", "en", EN),
    expect: TEACHER_ONLY,
    check: (_w, _a, result) => {
      const { csv } = result as { csv: string };
      expect(csv).toContain("Lea In");
      expect(csv).not.toContain("Otto Out");
    },
  },
  {
    rule: "loadMyCohorts",
    usedBy: ["/[locale]/dashboard"],
    run: (w, a) => teaching.loadMyCohorts(w.actors[a], w.db),
    expect: {
      anonymous: "ok",
      learnerOut: "ok",
      learnerIn: "ok",
      educatorA: "ok",
      educatorB: "ok",
      admin: "ok",
    },
    check: (w, a, result) => {
      const ids = (result as { id: string }[]).map((c) => c.id);
      expect(ids).toEqual(a === "learnerIn" ? [w.cohortA] : []);
    },
  },
];

let t: TestDb;
let serial = 0;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

/** A fresh world per row: cohort A (educator A, learner in it, an assignment), cohort B. */
async function world(): Promise<World> {
  const db = t.db;
  const n = ++serial;
  const make = (name: string, role: "LEARNER" | "EDUCATOR" | "ADMIN", email: string) =>
    db.user.create({
      data: { email: email.replace("@", `-${String(n)}@`), name, role },
      select: { id: true, role: true },
    });
  const users = {
    learnerOut: await make("Otto Out", "LEARNER", "learner-out@example.com"),
    learnerIn: await make("Lea In", "LEARNER", "learner-in@example.com"),
    educatorA: await make("Ada Teacher", "EDUCATOR", "educator-a@example.com"),
    educatorB: await make("Bea Teacher", "EDUCATOR", "educator-b@example.com"),
    admin: await make("Root", "ADMIN", "admin@example.com"),
  };
  // addTeacherFor's row names learner-out by address: give this world's the plain address.
  await db.user.deleteMany({ where: { email: "learner-out@example.com" } });
  await db.user.update({
    where: { id: users.learnerOut.id },
    data: { email: "learner-out@example.com" },
  });
  const a = await db.cohort.create({
    data: {
      name: "Cohort A",
      ownerId: users.educatorA.id,
      joinCode: `AAAA-${String(1000 + n)}`,
      timeZone: "Europe/Berlin",
      teachers: { create: { userId: users.educatorA.id } },
      memberships: { create: { userId: users.learnerIn.id } },
      assignments: { create: { lessonSlug: "introduction", target: "introduction" } },
    },
    select: { id: true, joinCode: true, assignments: { select: { id: true } } },
  });
  const b = await db.cohort.create({
    data: {
      name: "Cohort B",
      ownerId: users.educatorB.id,
      joinCode: `BBBB-${String(1000 + n)}`,
      teachers: { create: { userId: users.educatorB.id } },
    },
    select: { id: true },
  });
  const actors = { anonymous: null, ...users } as Record<ActorName, Actor>;
  const ids = Object.fromEntries(ACTORS.map((name) => [name, actors[name]?.id ?? ""])) as Record<
    ActorName,
    string
  >;
  return {
    db,
    actors,
    ids,
    cohortA: a.id,
    cohortB: b.id,
    codeA: a.joinCode,
    assignmentA: a.assignments[0]?.id ?? "",
  };
}

/** Everything a teaching rule could change, as text to compare before and after. */
async function snapshot(db: Db): Promise<string> {
  const [cohorts, teachers, memberships, assignments, roles] = await Promise.all([
    db.cohort.findMany({ orderBy: { id: "asc" } }),
    db.cohortTeacher.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
    db.cohortMembership.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
    db.assignment.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ cohorts, teachers, memberships, assignments, roles });
}

describe("the cohort access matrix", () => {
  for (const row of ROWS) {
    it(
      rowTitle(row, ACTORS),
      () => runRow(row, ACTORS, { world, snapshot: (w) => snapshot(w.db) }),
      60_000,
    );
  }

  it("covers every server action in actions.ts and every teaching page and route", () => {
    const actions = actionsIn(new URL("./actions.ts", import.meta.url));
    expect(actions.length).toBeGreaterThan(10);
    const covered = new Set(ROWS.flatMap((row) => row.usedBy));
    expect(actions.filter((name) => !covered.has(name))).toEqual([]);
    // Every page and route handler under the teaching addresses, found on disk.
    const routes = routesUnder(/\/(educator|join)(\/|$)/);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });

  it("the join page says who teaches a cohort and nothing about its learners", async () => {
    const w = await world();
    const page = await teaching.loadJoinPage(w.db, w.codeA);
    expect(page).toEqual({
      id: w.cohortA,
      name: "Cohort A",
      description: null,
      open: true,
      teachers: ["Ada Teacher"],
    });
    expect(await teaching.loadJoinPage(w.db, "NOPE-NOPE")).toBeNull();
  });
});
