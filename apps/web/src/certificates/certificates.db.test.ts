import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { courseIn } from "@neuronlab/content/course";
import { LOCALES } from "@neuronlab/config/locales";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import { HttpError } from "@/http/errors";

vi.mock("server-only", () => ({}));

const certificates = await import("./certificates");
const { claimCertificateFor, courseRequirements, loadCertificatePage, loadMyCertificate } =
  certificates;

/**
 * The rules of a certificate against the real course: "finished" is exact (every lesson of the
 * course completed, every exercise solved at least once), a name is checked before anything is
 * written, codes are long and unique, and no request shape makes anything but a 4xx.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

const CODE = /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/;

let serial = 0;
async function learner(name: string | null = "Lin Learner") {
  const n = ++serial;
  const user = await t.db.user.create({
    data: { email: `cert-${String(n)}@example.com`, name },
    select: { id: true, role: true },
  });
  return user;
}

async function completeLessons(userId: string, except: string[] = []) {
  await t.db.lessonProgress.createMany({
    data: courseRequirements()
      .lessons.filter((slug) => !except.includes(slug))
      .map((lessonSlug) => ({ userId, lessonSlug, completedAt: new Date() })),
  });
}

async function answer(userId: string, exerciseId: string, correct: boolean) {
  await t.db.exerciseAttempt.create({
    data: {
      id: randomUUID(),
      userId,
      exerciseId,
      lessonSlug: "any",
      answer: { kind: "numeric", value: 0 },
      correct,
    },
  });
}

async function solveAll(userId: string, except: string[] = []) {
  await t.db.exerciseAttempt.createMany({
    data: courseRequirements()
      .exercises.filter((id) => !except.includes(id))
      .map((exerciseId) => ({
        id: randomUUID(),
        userId,
        exerciseId,
        lessonSlug: "any",
        answer: { kind: "numeric", value: 1 },
        correct: true,
      })),
  });
}

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe("the course a certificate asks for", () => {
  it("is every lesson and every exercise, the same in every language", () => {
    const { lessons, exercises } = courseRequirements();
    const source = courseIn("en").compiledLessons;
    expect(lessons).toEqual(source.map((l) => l.meta.slug));
    expect(exercises).toEqual(source.flatMap((l) => l.exercises));
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    expect(exercises.length).toBeGreaterThanOrEqual(20);
    expect(new Set(exercises).size).toBe(exercises.length);
    for (const locale of LOCALES) {
      const local = courseIn(locale).compiledLessons;
      expect(local.map((l) => l.meta.slug)).toEqual(lessons);
      expect(local.flatMap((l) => l.exercises)).toEqual(exercises);
    }
  });
});

describe("finished means exactly everything", () => {
  it("one exercise unsolved: not eligible", async () => {
    const user = await learner();
    const [first, ...rest] = courseRequirements().exercises;
    await completeLessons(user.id);
    await solveAll(user.id, [first ?? ""]);
    expect(rest.length).toBeGreaterThan(0);
    expect((await loadMyCertificate(user, t.db))?.status).toBe("progress");
    const error = await refusal(claimCertificateFor(user, t.db, { name: "Lin" }));
    expect(error.status).toBe(409);
    expect(error.key).toBe("course_not_finished");
    const { lessons, exercises } = courseRequirements();
    expect(error.values).toEqual({
      lessonsDone: lessons.length,
      lessonsTotal: lessons.length,
      exercisesSolved: exercises.length - 1,
      exercisesTotal: exercises.length,
    });
    expect(await t.db.certificate.count({ where: { userId: user.id } })).toBe(0);
  });

  it("one exercise with only wrong answers: not eligible", async () => {
    const user = await learner();
    const last = courseRequirements().exercises.at(-1) ?? "";
    await completeLessons(user.id);
    await solveAll(user.id, [last]);
    await answer(user.id, last, false);
    await answer(user.id, last, false);
    expect((await refusal(claimCertificateFor(user, t.db, { name: "Lin" }))).status).toBe(409);
  });

  it("one lesson not completed: not eligible", async () => {
    const user = await learner();
    await completeLessons(user.id, [courseRequirements().lessons[0] ?? ""]);
    await solveAll(user.id);
    expect((await refusal(claimCertificateFor(user, t.db, { name: "Lin" }))).status).toBe(409);
  });

  it("all done: eligible, the claim form first, then the certificate", async () => {
    const user = await learner("Account Name");
    await completeLessons(user.id);
    await answer(user.id, courseRequirements().exercises[0] ?? "", false);
    await solveAll(user.id);
    const mine = await loadMyCertificate(user, t.db);
    expect(mine?.status).toBe("claimable");
    const { code, already } = await claimCertificateFor(user, t.db, { name: "Chosen Name" });
    expect(already).toBe(false);
    expect(code).toMatch(CODE);
    expect(await loadMyCertificate(user, t.db)).toMatchObject({
      status: "issued",
      certificate: { code, name: "Chosen Name" },
    });
    // Claiming again: the same certificate, the first name kept.
    expect(await claimCertificateFor(user, t.db, { name: "Other Name" })).toEqual({
      code,
      already: true,
    });
    expect(await loadCertificatePage(t.db, code)).toMatchObject({ name: "Chosen Name" });
  });
});

describe("the name on a certificate", () => {
  async function finished() {
    const user = await learner();
    await completeLessons(user.id);
    await solveAll(user.id);
    return user;
  }

  it("is trimmed, its white space made single spaces, up to 100 characters", async () => {
    const cases: [string, string][] = [
      ["  Ada   Lovelace \n", "Ada Lovelace"],
      ["Ada\tKing,\r\nCountess of Lovelace", "Ada King, Countess of Lovelace"],
      ["Jürgen Weiß-Müller", "Jürgen Weiß-Müller"],
      ["李小龍", "李小龍"],
      ["x".repeat(100), "x".repeat(100)],
      [` ${"y".repeat(100)} `, "y".repeat(100)],
    ];
    for (const [typed, printed] of cases) {
      const user = await finished();
      const { code } = await claimCertificateFor(user, t.db, { name: typed });
      expect(await loadCertificatePage(t.db, code)).toMatchObject({ name: printed });
    }
  });

  it("is refused empty, too long, with hidden characters or in the wrong shape, writing nothing", async () => {
    const user = await finished();
    const cases: [unknown, string][] = [
      [{ name: "" }, "certificate_name.missing"],
      [{ name: "   \n\t " }, "certificate_name.missing"],
      [{}, "certificate_name.missing"],
      [{ name: 42 }, "certificate_name.missing"],
      [{ name: ["Ada"] }, "certificate_name.missing"],
      [{ name: null }, "certificate_name.missing"],
      [null, "certificate_name.missing"],
      ["Ada", "certificate_name.missing"],
      [[], "certificate_name.missing"],
      [{ name: "x".repeat(101) }, "certificate_name.too_long"],
      [{ name: "x".repeat(1_000_000) }, "certificate_name.too_long"],
      [{ name: "Ada\u0000Lovelace" }, "certificate_name.hidden"],
      [{ name: "Ada \u202Eecalevol" }, "certificate_name.hidden"],
      [{ name: "Ada\u0007" }, "certificate_name.hidden"],
    ];
    for (const [input, key] of cases) {
      const error = await refusal(claimCertificateFor(user, t.db, input));
      expect(error.status, JSON.stringify(input).slice(0, 40)).toBe(400);
      expect(error.key, JSON.stringify(input).slice(0, 40)).toBe(key);
    }
    expect(await t.db.certificate.count({ where: { userId: user.id } })).toBe(0);
  });

  it("is asked of nobody who is not signed in, before anything else", async () => {
    const error = await refusal(claimCertificateFor(null, t.db, { name: "" }));
    expect(error.status).toBe(401);
  });
});

describe("codes and the public page", () => {
  it("gives every certificate its own code, 16 symbols long", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const user = await learner();
      await completeLessons(user.id);
      await solveAll(user.id);
      const { code } = await claimCertificateFor(user, t.db, { name: `Learner ${String(i)}` });
      expect(code).toMatch(CODE);
      expect(code.replaceAll("-", "")).toHaveLength(16);
      codes.add(code);
    }
    expect(codes.size).toBe(12);
  });

  it("shows revoked for a revoked certificate, and finds nothing for unknown or malformed codes", async () => {
    const user = await learner();
    await completeLessons(user.id);
    await solveAll(user.id);
    const { code } = await claimCertificateFor(user, t.db, { name: "Soon Revoked" });
    await t.db.certificate.updateMany({ where: { code }, data: { revokedAt: new Date() } });
    expect(await loadCertificatePage(t.db, code)).toEqual({ status: "revoked", code });
    expect((await loadMyCertificate(user, t.db))?.status).toBe("claimable");
    for (const bad of [
      "AAAA-BBBB-CCCC-DDDD",
      "nope",
      "",
      "%",
      "ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ",
      "\u0000",
      "a".repeat(100_000),
      code.slice(0, -1),
    ]) {
      expect(await loadCertificatePage(t.db, bad)).toBeNull();
    }
  });
});
