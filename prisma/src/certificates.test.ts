import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../generated/prisma/client.ts";
import {
  CERTIFICATE_CODE_ALPHABET,
  certificateByCode,
  certificateOf,
  certificatesOfCohort,
  claimCertificate,
  courseProgress,
  newCertificateCode,
  normaliseCertificateCode,
  revokeCertificate,
  type CourseRequirements,
} from "./certificates.ts";
import { createCohort } from "./cohorts.ts";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** XXXX-XXXX-XXXX-XXXX in the unambiguous alphabet: no 0/O, no 1/I. */
const CODE = /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/;

/** A small course: two lessons, three exercises (one in each lesson, one more in the second). */
const COURSE: CourseRequirements = {
  lessons: ["first-lesson", "second-lesson"],
  exercises: ["ex-a", "ex-b", "ex-c"],
};
const lessonOf: Record<string, string> = {
  "ex-a": "first-lesson",
  "ex-b": "second-lesson",
  "ex-c": "second-lesson",
};

const day = (d: number) => new Date(Date.UTC(2026, 4, d, 9));

let serial = 0;
async function person(name: string, role: Role = "LEARNER") {
  const n = ++serial;
  return t.db.user.create({
    data: { email: `${name}-${n}@example.com`, name, role },
    select: { id: true, name: true },
  });
}

async function complete(userId: string, lessonSlug: string) {
  await t.db.lessonProgress.create({ data: { userId, lessonSlug, completedAt: day(1) } });
}

async function answer(userId: string, exerciseId: string, correct: boolean) {
  await t.db.exerciseAttempt.create({
    data: {
      id: randomUUID(),
      userId,
      exerciseId,
      lessonSlug: lessonOf[exerciseId] ?? "elsewhere",
      answer: { kind: "numeric", value: correct ? 1 : 0 },
      correct,
    },
  });
}

/** A learner who has done everything COURSE asks. */
async function finisher(name = "finisher") {
  const user = await person(name);
  for (const lesson of COURSE.lessons) await complete(user.id, lesson);
  for (const exercise of COURSE.exercises) await answer(user.id, exercise, true);
  return user;
}

describe("verification codes", () => {
  it("are 16 symbols of the unambiguous alphabet (80 bits), different every time", () => {
    const codes = Array.from({ length: 1000 }, () => newCertificateCode());
    for (const code of codes) {
      expect(code).toMatch(CODE);
      expect(code.replaceAll("-", "").length).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(codes).size).toBe(1000);
    // Every symbol shows up in 16,000 draws of 32: the whole alphabet is used.
    expect(new Set(codes.join("").replaceAll("-", "")).size).toBe(CERTIFICATE_CODE_ALPHABET.length);
    expect(CERTIFICATE_CODE_ALPHABET).not.toMatch(/[01OI]/);
  });

  it("are read whatever their case, spaces and dashes", () => {
    const code = newCertificateCode();
    for (const typed of [
      code,
      code.toLowerCase(),
      code.replaceAll("-", ""),
      code.replaceAll("-", " "),
      `  ${code.toLowerCase().replaceAll("-", "")}\t`,
    ]) {
      expect(normaliseCertificateCode(typed), typed).toBe(code);
    }
  });

  it("are refused when they cannot be a code, without looking anything up", () => {
    const code = newCertificateCode();
    for (const bad of [
      "",
      "-",
      code.slice(0, -1),
      `${code}A`,
      code.replace(/^./, "0"),
      code.replace(/^./, "O"),
      code.replace(/^./, "1"),
      code.replace(/^./, "I"),
      code.replace(/^./, "Ä"),
      code.replace(/^./, "%"),
      "' OR 1=1 --",
      "x".repeat(10_000),
      `${"-".repeat(60)}${code.replaceAll("-", "")}`,
    ]) {
      expect(normaliseCertificateCode(bad), bad.slice(0, 40)).toBeNull();
    }
  });
});

describe("courseProgress: finished means every lesson completed and every exercise solved", () => {
  it("counts nothing for a new learner", async () => {
    const user = await person("new");
    expect(await courseProgress(t.db, user.id, COURSE)).toEqual({
      lessonsDone: 0,
      lessonsTotal: 2,
      exercisesSolved: 0,
      exercisesTotal: 3,
      finished: false,
    });
  });

  it("is not finished with one exercise unsolved", async () => {
    const user = await person("almost");
    for (const lesson of COURSE.lessons) await complete(user.id, lesson);
    await answer(user.id, "ex-a", true);
    await answer(user.id, "ex-b", true);
    expect(await courseProgress(t.db, user.id, COURSE)).toMatchObject({
      lessonsDone: 2,
      exercisesSolved: 2,
      finished: false,
    });
  });

  it("is not finished when the last exercise has only wrong answers", async () => {
    const user = await person("wrong");
    for (const lesson of COURSE.lessons) await complete(user.id, lesson);
    await answer(user.id, "ex-a", true);
    await answer(user.id, "ex-b", true);
    await answer(user.id, "ex-c", false);
    await answer(user.id, "ex-c", false);
    expect(await courseProgress(t.db, user.id, COURSE)).toMatchObject({
      exercisesSolved: 2,
      finished: false,
    });
  });

  it("is not finished with one lesson only started (a reading position, no completion)", async () => {
    const user = await person("reading");
    await complete(user.id, "first-lesson");
    await t.db.lessonProgress.create({
      data: {
        userId: user.id,
        lessonSlug: "second-lesson",
        positionAnchor: "intro",
        positionAt: day(2),
      },
    });
    for (const exercise of COURSE.exercises) await answer(user.id, exercise, true);
    expect(await courseProgress(t.db, user.id, COURSE)).toMatchObject({
      lessonsDone: 1,
      exercisesSolved: 3,
      finished: false,
    });
  });

  it("is finished with everything done, wrong answers before the right ones notwithstanding", async () => {
    const user = await person("done");
    for (const lesson of COURSE.lessons) await complete(user.id, lesson);
    await answer(user.id, "ex-a", false);
    for (const exercise of COURSE.exercises) await answer(user.id, exercise, true);
    // A second right answer counts once.
    await answer(user.id, "ex-b", true);
    expect(await courseProgress(t.db, user.id, COURSE)).toEqual({
      lessonsDone: 2,
      lessonsTotal: 2,
      exercisesSolved: 3,
      exercisesTotal: 3,
      finished: true,
    });
  });

  it("counts only the course's own lessons and exercises, and only the learner's", async () => {
    const user = await person("elsewhere");
    const other = await finisher("other");
    await complete(user.id, "first-lesson");
    await complete(user.id, "retired-lesson");
    await complete(user.id, "another-retired-lesson");
    await answer(user.id, "ex-a", true);
    await answer(user.id, "retired-exercise", true);
    await answer(user.id, "another-retired-exercise", true);
    expect(await courseProgress(t.db, user.id, COURSE)).toMatchObject({
      lessonsDone: 1,
      exercisesSolved: 1,
      finished: false,
    });
    expect((await courseProgress(t.db, other.id, COURSE)).finished).toBe(true);
  });

  it("never calls an empty course finished", async () => {
    const user = await person("empty");
    expect(await courseProgress(t.db, user.id, { lessons: [], exercises: [] })).toMatchObject({
      finished: false,
    });
  });
});

describe("claimCertificate", () => {
  it("refuses a learner who has not finished, writing nothing", async () => {
    const user = await person("unfinished");
    await complete(user.id, "first-lesson");
    const before = await countRows(t.db);
    const result = await claimCertificate(t.db, user.id, "Una Finished", COURSE);
    expect(result).toEqual({
      status: "not_finished",
      progress: {
        lessonsDone: 1,
        lessonsTotal: 2,
        exercisesSolved: 0,
        exercisesTotal: 3,
        finished: false,
      },
    });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("issues one certificate with the chosen name, and returns the same one after", async () => {
    const user = await finisher();
    const result = await claimCertificate(t.db, user.id, "Dr. Ada Lovelace", COURSE, day(20));
    if (result.status !== "issued") throw new Error(`expected issued, got ${result.status}`);
    expect(result.certificate).toEqual({
      code: expect.stringMatching(CODE) as string,
      name: "Dr. Ada Lovelace",
      issuedAt: day(20),
    });
    expect(await certificateOf(t.db, user.id)).toEqual(result.certificate);

    // A second claim, with another name: the first certificate, unchanged.
    const again = await claimCertificate(t.db, user.id, "Someone Else", COURSE, day(21));
    expect(again).toEqual({ status: "existing", certificate: result.certificate });
    expect(await t.db.certificate.count({ where: { userId: user.id } })).toBe(1);
  });

  it("issues a new one after the old one was revoked", async () => {
    const user = await finisher();
    const first = await claimCertificate(t.db, user.id, "First", COURSE);
    if (first.status !== "issued") throw new Error("expected issued");
    expect(await revokeCertificate(t.db, first.certificate.code.toLowerCase())).toBe(true);
    expect(await revokeCertificate(t.db, first.certificate.code)).toBe(false);
    expect(await certificateOf(t.db, user.id)).toBeNull();
    const second = await claimCertificate(t.db, user.id, "Second", COURSE);
    if (second.status !== "issued") throw new Error("expected issued");
    expect(second.certificate.code).not.toBe(first.certificate.code);
    expect(await certificateOf(t.db, user.id)).toEqual(second.certificate);
  });

  it("answers no_user for an account that is gone", async () => {
    expect(await claimCertificate(t.db, "no-such-user", "Ghost", COURSE)).toEqual({
      status: "no_user",
    });
  });

  /*
   * PGlite serves one transaction at a time, so this shows its worth on PostgreSQL
   * (TEST_DATABASE_URL, as on CI): without the row lock, each claim sees no certificate yet.
   */
  it("issues exactly one certificate when many claims arrive at once", async () => {
    for (let round = 0; round < 5; round++) {
      const user = await finisher(`racer-${round}`);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          claimCertificate(t.db, user.id, `Racer ${String(i)}`, COURSE),
        ),
      );
      expect(await t.db.certificate.count({ where: { userId: user.id } })).toBe(1);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === "issued")).toHaveLength(1);
      expect(statuses.filter((s) => s === "existing")).toHaveLength(7);
      const codes = new Set(results.map((r) => ("certificate" in r ? r.certificate.code : "")));
      expect(codes.size).toBe(1);
    }
  });
});

describe("certificateByCode: the public verification", () => {
  it("says valid with the name and the day, and nothing else", async () => {
    const user = await finisher();
    const claimed = await claimCertificate(t.db, user.id, "Grace Hopper", COURSE, day(12));
    if (claimed.status !== "issued") throw new Error("expected issued");
    const { code } = claimed.certificate;
    const shown = await certificateByCode(t.db, code);
    expect(shown).toEqual({ status: "valid", code, name: "Grace Hopper", issuedAt: day(12) });
    // Typed loosely, it is the same certificate.
    expect(await certificateByCode(t.db, code.toLowerCase().replaceAll("-", " "))).toEqual(shown);
  });

  it("says revoked, without the name", async () => {
    const user = await finisher();
    const claimed = await claimCertificate(t.db, user.id, "Revoked Person", COURSE);
    if (claimed.status !== "issued") throw new Error("expected issued");
    const { code } = claimed.certificate;
    await revokeCertificate(t.db, code, day(30));
    const shown = await certificateByCode(t.db, code);
    expect(shown).toEqual({ status: "revoked", code });
    expect(JSON.stringify(shown)).not.toContain("Revoked Person");
  });

  it("finds nothing for an unknown code or text that is not a code", async () => {
    expect(await certificateByCode(t.db, newCertificateCode())).toBeNull();
    for (const bad of ["", "nope", "x".repeat(5000), "../../etc/passwd", "AAAA-AAAA-AAAA-AAA0"]) {
      expect(await certificateByCode(t.db, bad)).toBeNull();
    }
  });
});

describe("certificatesOfCohort", () => {
  async function cohortWithFinishers() {
    const teacher = await person("teacher", "EDUCATOR");
    const coTeacher = await person("co-teacher", "EDUCATOR");
    const otherEducator = await person("other-educator", "EDUCATOR");
    const admin = await person("admin", "ADMIN");
    const holder = await finisher("holder");
    const revoked = await finisher("revoked");
    const notFinished = await person("not-finished");
    const outsider = await finisher("outsider");
    const cohort = await createCohort(t.db, teacher.id, {
      name: "Class",
      description: null,
      locale: "en",
      timeZone: "UTC",
    });
    await t.db.cohortTeacher.create({ data: { cohortId: cohort.id, userId: coTeacher.id } });
    await t.db.cohortMembership.createMany({
      data: [holder, revoked, notFinished].map((l) => ({ cohortId: cohort.id, userId: l.id })),
    });
    await createCohort(t.db, otherEducator.id, {
      name: "Other",
      description: null,
      locale: "en",
      timeZone: "UTC",
    });
    const issue = async (userId: string, when: Date) => {
      const r = await claimCertificate(t.db, userId, "Name", COURSE, when);
      if (r.status !== "issued") throw new Error("expected issued");
      return r.certificate;
    };
    const held = await issue(holder.id, day(3));
    const gone = await issue(revoked.id, day(4));
    await revokeCertificate(t.db, gone.code);
    await issue(outsider.id, day(5));
    return { teacher, coTeacher, otherEducator, admin, holder, notFinished, cohort, held };
  }

  it("lists the valid certificates of the cohort's learners for its teachers", async () => {
    const c = await cohortWithFinishers();
    const expected = [{ userId: c.holder.id, code: c.held.code, issuedAt: day(3) }];
    expect(await certificatesOfCohort(t.db, c.teacher.id, c.cohort.id)).toEqual(expected);
    expect(await certificatesOfCohort(t.db, c.coTeacher.id, c.cohort.id)).toEqual(expected);
    // Archived: its teachers still read it.
    await t.db.cohort.update({ where: { id: c.cohort.id }, data: { archivedAt: day(9) } });
    expect(await certificatesOfCohort(t.db, c.teacher.id, c.cohort.id)).toEqual(expected);
  });

  it("is null for anyone who does not teach the cohort", async () => {
    const c = await cohortWithFinishers();
    for (const outsider of [c.otherEducator, c.admin, c.holder, c.notFinished]) {
      expect(await certificatesOfCohort(t.db, outsider.id, c.cohort.id)).toBeNull();
    }
    expect(await certificatesOfCohort(t.db, c.teacher.id, "no-such-cohort")).toBeNull();
  });

  it("no longer lists a learner who left the cohort", async () => {
    const c = await cohortWithFinishers();
    await t.db.cohortMembership.delete({
      where: { cohortId_userId: { cohortId: c.cohort.id, userId: c.holder.id } },
    });
    expect(await certificatesOfCohort(t.db, c.teacher.id, c.cohort.id)).toEqual([]);
  });
});
