import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@neuronlab/db/client";
import { countRows, createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import {
  actionsIn,
  routesUnder,
  rowTitle,
  runRow,
  type MatrixRow,
  type Outcome,
} from "@/testing/access-matrix";
import type { Actor } from "@/teaching/teaching";

vi.mock("server-only", () => ({}));

const certificates = await import("./certificates");

/**
 * Who may do what with certificates, as a matrix: every rule behind a certificate page and
 * server action, run by every kind of user against a fresh world, with the outcome each must get.
 * A refused call must change nothing in the database. The server actions are found by reading
 * actions.ts, and the pages by reading app/, so one added without a row here fails this test.
 */

const ACTORS = ["anonymous", "finisher", "unfinished", "educatorA", "educatorB", "admin"] as const;
type ActorName = (typeof ACTORS)[number];

interface World {
  db: Db;
  actors: Record<ActorName, Actor>;
  ids: Record<ActorName, string>;
  cohortA: string;
  /** The finisher's certificate, when the world was made with one. */
  code: string | null;
}

interface Row extends MatrixRow<World, ActorName> {
  /** Whether the finisher already holds a certificate in this row's world. */
  issued: boolean;
}

const EVERYONE: Record<ActorName, Outcome> = {
  anonymous: "ok",
  finisher: "ok",
  unfinished: "ok",
  educatorA: "ok",
  educatorB: "ok",
  admin: "ok",
};

const NAME = "Hedy Lamarr";

const ROWS: Row[] = [
  {
    rule: "claimCertificateFor",
    usedBy: ["claimCertificateAction"],
    issued: false,
    run: (w, a) => certificates.claimCertificateFor(w.actors[a], w.db, { name: `  ${NAME}  ` }),
    // Only who finished the course: educators and admins are held to it like anyone else.
    expect: {
      anonymous: 401,
      finisher: "ok",
      unfinished: 409,
      educatorA: 409,
      educatorB: 409,
      admin: 409,
    },
    check: async (w, a, result) => {
      const { code, already } = result as { code: string; already: boolean };
      expect(already).toBe(false);
      const rows = await w.db.certificate.findMany({ where: { userId: w.ids[a] } });
      expect(rows).toMatchObject([{ code, name: NAME, revokedAt: null }]);
    },
  },
  {
    rule: "loadMyCertificate",
    usedBy: ["/[locale]/dashboard"],
    issued: true,
    run: (w, a) => certificates.loadMyCertificate(w.actors[a], w.db),
    expect: EVERYONE,
    check: (w, a, result) => {
      if (a === "anonymous") {
        expect(result).toBeNull();
        return;
      }
      const mine = result as Awaited<ReturnType<typeof certificates.loadMyCertificate>>;
      if (a === "finisher") {
        expect(mine).toEqual({
          status: "issued",
          certificate: { code: w.code, name: NAME, issuedAt: expect.any(Date) as Date },
        });
      } else {
        // Nobody else sees the finisher's certificate, nor a claim form of their own.
        expect(mine?.status).toBe("progress");
        expect(JSON.stringify(mine)).not.toContain(w.code ?? "?");
      }
    },
  },
  {
    rule: "loadCertificatePage",
    usedBy: ["/[locale]/certificates/[code]"],
    issued: true,
    run: (w) => certificates.loadCertificatePage(w.db, w.code ?? ""),
    expect: EVERYONE,
    check: (w, _a, result) => {
      // The same for everyone, and only this: no address, no account id, no cohort.
      expect(result).toEqual({
        status: "valid",
        code: w.code,
        name: NAME,
        issuedAt: expect.any(Date) as Date,
      });
      const text = JSON.stringify(result);
      expect(text).not.toContain("@example.com");
      expect(text).not.toContain(w.ids.finisher);
      expect(text).not.toContain(w.cohortA);
    },
  },
  {
    rule: "loadCohortCertificates",
    usedBy: ["certificatesOfCohort (the cohort page)"],
    issued: true,
    run: (w, a) => certificates.loadCohortCertificates(w.actors[a], w.db, w.cohortA),
    expect: {
      anonymous: 401,
      finisher: 403,
      unfinished: 403,
      educatorA: "ok",
      educatorB: 404,
      admin: 404,
    },
    check: (w, _a, result) => {
      expect(result).toEqual([
        { userId: w.ids.finisher, code: w.code, issuedAt: expect.any(Date) as Date },
      ]);
    },
  },
];

let t: TestDb;
let serial = 0;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

/** Every lesson completed and every exercise of the real course solved. */
async function finishCourse(db: Db, userId: string) {
  const { lessons, exercises } = certificates.courseRequirements();
  await db.lessonProgress.createMany({
    data: lessons.map((lessonSlug) => ({ userId, lessonSlug, completedAt: new Date() })),
  });
  await db.exerciseAttempt.createMany({
    data: exercises.map((exerciseId) => ({
      id: randomUUID(),
      userId,
      exerciseId,
      lessonSlug: "recorded-by-the-test",
      answer: { kind: "numeric", value: 1 },
      correct: true,
    })),
  });
}

/**
 * A fresh world per row: cohort A taught by educator A, with the finisher (who has done the whole
 * course) and the unfinished learner (everything but one exercise) in it; cohort B of educator B.
 */
async function world({ issued }: { issued: boolean }): Promise<World> {
  const db = t.db;
  const n = ++serial;
  const make = (name: string, role: "LEARNER" | "EDUCATOR" | "ADMIN", email: string) =>
    db.user.create({
      data: { email: email.replace("@", `-${String(n)}@`), name, role },
      select: { id: true, role: true },
    });
  const users = {
    finisher: await make("Fay Finisher", "LEARNER", "finisher@example.com"),
    unfinished: await make("Uli Unfinished", "LEARNER", "unfinished@example.com"),
    educatorA: await make("Ada Teacher", "EDUCATOR", "educator-a@example.com"),
    educatorB: await make("Bea Teacher", "EDUCATOR", "educator-b@example.com"),
    admin: await make("Root", "ADMIN", "admin@example.com"),
  };
  await finishCourse(db, users.finisher.id);
  await finishCourse(db, users.unfinished.id);
  const last = certificates.courseRequirements().exercises.at(-1) ?? "";
  await db.exerciseAttempt.deleteMany({ where: { userId: users.unfinished.id, exerciseId: last } });
  const a = await db.cohort.create({
    data: {
      name: "Cohort A",
      ownerId: users.educatorA.id,
      joinCode: `CERT-${String(1000 + n)}`,
      teachers: { create: { userId: users.educatorA.id } },
      memberships: {
        create: [{ userId: users.finisher.id }, { userId: users.unfinished.id }],
      },
    },
    select: { id: true },
  });
  await db.cohort.create({
    data: {
      name: "Cohort B",
      ownerId: users.educatorB.id,
      joinCode: `CERB-${String(1000 + n)}`,
      teachers: { create: { userId: users.educatorB.id } },
    },
  });
  const actors = { anonymous: null, ...users } as Record<ActorName, Actor>;
  const ids = Object.fromEntries(ACTORS.map((name) => [name, actors[name]?.id ?? ""])) as Record<
    ActorName,
    string
  >;
  let code: string | null = null;
  if (issued) {
    ({ code } = await certificates.claimCertificateFor(actors.finisher, db, { name: NAME }));
  }
  return { db, actors, ids, cohortA: a.id, code };
}

/** Everything a certificate rule could change, as text to compare before and after. */
async function snapshot(db: Db): Promise<string> {
  const [rows, all] = await Promise.all([
    db.certificate.findMany({ orderBy: { id: "asc" } }),
    countRows(db),
  ]);
  return JSON.stringify({ rows, all });
}

describe("the certificate access matrix", () => {
  for (const row of ROWS) {
    it(
      rowTitle(row, ACTORS),
      () =>
        runRow(row, ACTORS, {
          world: () => world({ issued: row.issued }),
          snapshot: (w) => snapshot(w.db),
          fresh: false,
        }),
      60_000,
    );
  }

  it("covers every server action in actions.ts and every certificate page", () => {
    const actions = actionsIn(new URL("./actions.ts", import.meta.url));
    expect(actions.length).toBeGreaterThanOrEqual(1);
    const covered = new Set(ROWS.flatMap((row) => row.usedBy));
    expect(actions.filter((name) => name && !covered.has(name))).toEqual([]);
    const routes = routesUnder(/\/certificates(\/|$)/);
    expect(routes.length).toBeGreaterThanOrEqual(1);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });

  it("the public page says revoked, and nothing more, for everyone", async () => {
    const w = await world({ issued: true });
    await w.db.certificate.updateMany({
      where: { code: w.code ?? "" },
      data: { revokedAt: new Date() },
    });
    const page = await certificates.loadCertificatePage(w.db, w.code ?? "");
    expect(page).toEqual({ status: "revoked", code: w.code });
    // The learner may claim again (the course is still done): a new code, the old stays revoked.
    const again = await certificates.claimCertificateFor(w.actors.finisher, w.db, { name: NAME });
    expect(again.code).not.toBe(w.code);
    expect(await certificates.loadCertificatePage(w.db, w.code ?? "")).toEqual(page);
  });
});
