import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@neuronlab/db/client";
import { certificateByCode, newCertificateCode } from "@neuronlab/db/certificates";
import { countRows, createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import {
  actionsIn,
  refusalOf,
  routesUnder,
  rowTitle,
  runRow,
  type MatrixRow,
  type Outcome,
} from "@/testing/access-matrix";
import type { Actor } from "@/teaching/teaching";

vi.mock("server-only", () => ({}));

const admin = await import("./admin");

/**
 * Who may do what in the admins' area, as a matrix: every rule behind an admin page and server
 * action, run by every kind of user against a fresh world, with the outcome each must get. A
 * refused call must change nothing: no role, no certificate, no audit entry. The server actions
 * are found by reading actions.ts and the pages on disk, so one added without a row fails here.
 */

const ACTORS = ["anonymous", "learner", "educator", "admin", "admin2"] as const;
type ActorName = (typeof ACTORS)[number];

interface World {
  db: Db;
  actors: Record<ActorName, Actor>;
  ids: Record<ActorName, string>;
  emails: Record<ActorName, string>;
  /** A valid certificate of the learner's, and a revoked one. */
  code: string;
  revokedCode: string;
}

type Row = MatrixRow<World, ActorName>;

const ADMIN_ONLY: Record<ActorName, Outcome> = {
  anonymous: 401,
  learner: 403,
  educator: 403,
  admin: "ok",
  admin2: "ok",
};

/** Refused for everyone: the non-admins for who they are, the admins with `status`. */
const refusedWith = (status: Outcome): Record<ActorName, Outcome> => ({
  ...ADMIN_ONLY,
  admin: status,
  admin2: status,
});

const entriesAbout = (w: World, subjectId: string) =>
  w.db.auditEntry.findMany({ where: { subjectId } });

const ROWS: Row[] = [
  {
    rule: "loadUserSearch",
    usedBy: ["/[locale]/admin"],
    run: (w, a) => admin.loadUserSearch(w.actors[a], w.db, { q: w.emails.learner.toUpperCase() }),
    expect: ADMIN_ONLY,
    check: (w, _a, result) => {
      const { query, results } = result as Awaited<ReturnType<typeof admin.loadUserSearch>>;
      expect(query).toBe(w.emails.learner.toUpperCase());
      expect(results.items.map((u) => u.id)).toEqual([w.ids.learner]);
    },
  },
  {
    rule: "loadUserSearch (a page number that is none)",
    usedBy: ["/[locale]/admin"],
    run: (w, a) => admin.loadUserSearch(w.actors[a], w.db, { q: "x", page: "0" }),
    expect: refusedWith(400),
  },
  {
    rule: "loadAdminUserPage",
    usedBy: ["/[locale]/admin/users/[userId]"],
    run: (w, a) => admin.loadAdminUserPage(w.actors[a], w.db, w.ids.learner),
    expect: ADMIN_ONLY,
    check: (w, _a, result) => {
      const { user, history } = result as Awaited<ReturnType<typeof admin.loadAdminUserPage>>;
      expect(user).toMatchObject({ id: w.ids.learner, role: "LEARNER", email: w.emails.learner });
      expect(user.certificates.map((c) => c.code).sort()).toEqual([w.code, w.revokedCode].sort());
      expect(history.total).toBe(0);
    },
  },
  {
    rule: "loadAdminUserPage (nobody)",
    usedBy: ["/[locale]/admin/users/[userId]"],
    run: (w, a) => admin.loadAdminUserPage(w.actors[a], w.db, "no-such-user"),
    expect: refusedWith(404),
  },
  {
    rule: "loadAuditPage",
    usedBy: ["/[locale]/admin/audit"],
    run: (w, a) => admin.loadAuditPage(w.actors[a], w.db, { page: "1" }),
    expect: ADMIN_ONLY,
    check: (_w, _a, result) => {
      const { log } = result as Awaited<ReturnType<typeof admin.loadAuditPage>>;
      expect(log.page).toBe(1);
    },
  },
  {
    rule: "changeRoleFor",
    usedBy: ["changeRoleAction"],
    run: (w, a) =>
      admin.changeRoleFor(w.actors[a], w.db, {
        userId: w.ids.educator,
        role: "LEARNER",
        reason: "  No longer teaches here  ",
        locale: "en",
      }),
    expect: ADMIN_ONLY,
    check: async (w, a) => {
      const user = await w.db.user.findUniqueOrThrow({ where: { id: w.ids.educator } });
      expect(user.role).toBe("LEARNER");
      expect(await entriesAbout(w, w.ids.educator)).toEqual([
        expect.objectContaining({
          actorId: w.ids[a],
          actorEmail: w.emails[a],
          action: "user.role",
          before: { role: "EDUCATOR" },
          after: { role: "LEARNER" },
          reason: "No longer teaches here",
        }),
      ]);
    },
  },
  {
    rule: "changeRoleFor (a learner made an educator)",
    usedBy: ["changeRoleAction"],
    run: (w, a) =>
      admin.changeRoleFor(w.actors[a], w.db, {
        userId: w.ids.learner,
        role: "EDUCATOR",
        reason: "Runs the Thursday class",
      }),
    expect: ADMIN_ONLY,
    check: async (w) => {
      expect((await w.db.user.findUniqueOrThrow({ where: { id: w.ids.learner } })).role).toBe(
        "EDUCATOR",
      );
      expect(await entriesAbout(w, w.ids.learner)).toHaveLength(1);
    },
  },
  {
    rule: "changeRoleFor (admin2's role: their own, or another admin's)",
    usedBy: ["changeRoleAction"],
    run: (w, a) =>
      admin.changeRoleFor(w.actors[a], w.db, {
        userId: w.ids.admin2,
        role: "LEARNER",
        reason: "Testing",
      }),
    expect: refusedWith(403),
  },
  {
    rule: "changeRoleFor (making someone an admin)",
    usedBy: ["changeRoleAction"],
    run: (w, a) =>
      admin.changeRoleFor(w.actors[a], w.db, {
        userId: w.ids.learner,
        role: "ADMIN",
        reason: "Testing",
      }),
    expect: refusedWith(403),
  },
  {
    rule: "changeRoleFor (the role they have)",
    usedBy: ["changeRoleAction"],
    run: (w, a) =>
      admin.changeRoleFor(w.actors[a], w.db, {
        userId: w.ids.educator,
        role: "EDUCATOR",
        reason: "Testing",
      }),
    expect: refusedWith(409),
  },
  {
    rule: "changeRoleFor (nobody)",
    usedBy: ["changeRoleAction"],
    run: (w, a) =>
      admin.changeRoleFor(w.actors[a], w.db, {
        userId: "no-such-user",
        role: "LEARNER",
        reason: "Testing",
      }),
    expect: refusedWith(404),
  },
  {
    rule: "changeRoleFor (a reason too short, a role that is none, no user id)",
    usedBy: ["changeRoleAction"],
    run: async (w, a) => {
      const inputs: unknown[] = [
        { userId: w.ids.educator, role: "LEARNER", reason: " no " },
        { userId: w.ids.educator, role: "ROOT", reason: "Testing" },
        { role: "LEARNER", reason: "Testing" },
        "not a form",
      ];
      const refusals = [];
      for (const input of inputs) {
        refusals.push(
          await refusalOf(() => admin.changeRoleFor(w.actors[a], w.db, input), String(input)),
        );
      }
      // All refused the same way; the first refusal answers for the row.
      const [first] = refusals;
      if (!first) throw new Error("no refusal");
      for (const refusal of refusals) expect(refusal.status).toBe(first.status);
      throw first;
    },
    expect: refusedWith(400),
  },
  {
    rule: "revokeCertificateFor",
    usedBy: ["revokeCertificateAction"],
    run: (w, a) =>
      admin.revokeCertificateFor(w.actors[a], w.db, {
        code: w.code.toLowerCase(),
        reason: "Copied answers",
      }),
    expect: ADMIN_ONLY,
    check: async (w, a) => {
      expect(await certificateByCode(w.db, w.code)).toEqual({ status: "revoked", code: w.code });
      const certificate = await w.db.certificate.findUniqueOrThrow({ where: { code: w.code } });
      expect(await entriesAbout(w, certificate.id)).toEqual([
        expect.objectContaining({
          actorId: w.ids[a],
          action: "certificate.revoke",
          reason: "Copied answers",
        }),
      ]);
    },
  },
  {
    rule: "revokeCertificateFor (already revoked)",
    usedBy: ["revokeCertificateAction"],
    run: (w, a) =>
      admin.revokeCertificateFor(w.actors[a], w.db, { code: w.revokedCode, reason: "Again" }),
    expect: refusedWith(409),
  },
  {
    rule: "revokeCertificateFor (no such code)",
    usedBy: ["revokeCertificateAction"],
    run: (w, a) =>
      admin.revokeCertificateFor(w.actors[a], w.db, {
        code: newCertificateCode(),
        reason: "Testing",
      }),
    expect: refusedWith(404),
  },
  {
    rule: "revokeCertificateFor (a reason too long)",
    usedBy: ["revokeCertificateAction"],
    run: (w, a) =>
      admin.revokeCertificateFor(w.actors[a], w.db, { code: w.code, reason: "x".repeat(501) }),
    expect: refusedWith(400),
  },
];

let t: TestDb;
let serial = 0;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

/** A fresh world per row: a learner with a valid and a revoked certificate, an educator, two admins. */
async function world(): Promise<World> {
  const db = t.db;
  const n = ++serial;
  const make = (name: string, role: "LEARNER" | "EDUCATOR" | "ADMIN", email: string) =>
    db.user.create({
      data: { email: email.replace("@", `-${String(n)}@`), name, role },
      select: { id: true, role: true, email: true },
    });
  const users = {
    learner: await make("Lea Learner", "LEARNER", "learner@example.com"),
    educator: await make("Eddie Educator", "EDUCATOR", "educator@example.com"),
    admin: await make("Ada Admin", "ADMIN", "admin@example.com"),
    admin2: await make("Bea Admin", "ADMIN", "admin2@example.com"),
  };
  await db.cohort.create({
    data: {
      name: "Class",
      ownerId: users.educator.id,
      joinCode: `ADMN-${String(1000 + n)}`,
      teachers: { create: { userId: users.educator.id } },
      memberships: { create: { userId: users.learner.id } },
    },
  });
  const certificate = (revokedAt: Date | null) =>
    db.certificate.create({
      data: { userId: users.learner.id, name: "Lea", code: newCertificateCode(), revokedAt },
      select: { code: true },
    });
  const valid = await certificate(null);
  const revoked = await certificate(new Date("2026-01-01T00:00:00Z"));
  const actors = { anonymous: null, ...users } as Record<ActorName, Actor>;
  const ids = Object.fromEntries(ACTORS.map((name) => [name, actors[name]?.id ?? ""])) as Record<
    ActorName,
    string
  >;
  const emails = Object.fromEntries(
    ACTORS.map((name) => [name, name === "anonymous" ? "" : users[name].email]),
  ) as Record<ActorName, string>;
  return { db, actors, ids, emails, code: valid.code, revokedCode: revoked.code };
}

/** Everything an admin rule could change, as text to compare before and after. */
async function snapshot(db: Db): Promise<string> {
  const [roles, certificates, audit, rows] = await Promise.all([
    db.user.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
    db.certificate.findMany({ orderBy: { id: "asc" } }),
    db.auditEntry.findMany({ orderBy: { id: "asc" } }),
    countRows(db),
  ]);
  return JSON.stringify({ roles, certificates, audit, rows });
}

describe("the admin access matrix", () => {
  for (const row of ROWS) {
    it(
      rowTitle(row, ACTORS),
      () => runRow(row, ACTORS, { world, snapshot: (w) => snapshot(w.db) }),
      60_000,
    );
  }

  it("covers every server action in actions.ts and every admin page", () => {
    const actions = actionsIn(new URL("./actions.ts", import.meta.url));
    expect(actions.sort()).toEqual(["changeRoleAction", "revokeCertificateAction"]);
    const covered = new Set(ROWS.flatMap((row) => row.usedBy));
    expect(actions.filter((name) => !covered.has(name))).toEqual([]);
    const routes = routesUnder(/\/admin(\/|$)/);
    expect(routes.sort()).toEqual([
      "/[locale]/admin",
      "/[locale]/admin/audit",
      "/[locale]/admin/users/[userId]",
    ]);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });

  it("says why a role change is refused: one's own, another admin's, making an admin", async () => {
    const w = await world();
    const change = (a: ActorName, userId: string, role: string) => () =>
      admin.changeRoleFor(w.actors[a], w.db, { userId, role, reason: "Testing" });
    const before = await snapshot(w.db);
    expect(await refusalOf(change("admin2", w.ids.admin2, "LEARNER"), "own")).toMatchObject({
      status: 403,
      key: "role_refused.own",
    });
    expect(await refusalOf(change("admin", w.ids.admin2, "LEARNER"), "other")).toMatchObject({
      status: 403,
      key: "role_refused.admin",
    });
    expect(await refusalOf(change("admin", w.ids.learner, "ADMIN"), "grant")).toMatchObject({
      status: 403,
      key: "role_refused.grant_admin",
    });
    expect(await refusalOf(change("admin", w.ids.educator, "EDUCATOR"), "same")).toMatchObject({
      status: 409,
      key: "role_unchanged",
    });
    const short = () =>
      admin.changeRoleFor(w.actors.admin, w.db, {
        userId: w.ids.educator,
        role: "LEARNER",
        reason: "ab",
      });
    expect(await refusalOf(short, "short")).toMatchObject({
      status: 400,
      key: "admin_reason.too_short",
      message: "Give a reason of at least 3 characters: it is kept in the audit log.",
    });
    expect(await snapshot(w.db)).toBe(before);
  });

  it("an educator made a learner no longer reaches their cohorts, which stay", async () => {
    const w = await world();
    const teaching = await import("@/teaching/teaching");
    const [cohort] = await teaching.loadTeacherHome(w.actors.educator, w.db);
    if (!cohort) throw new Error("no cohort");
    await admin.changeRoleFor(w.actors.admin, w.db, {
      userId: w.ids.educator,
      role: "LEARNER",
      reason: "Left the school",
    });
    // The session is read from the database on every request: the next one has the new role.
    const demoted = { id: w.ids.educator, role: "LEARNER" as const };
    const refusal = await refusalOf(
      () => teaching.loadCohortPage(demoted, w.db, cohort.id, "en"),
      "cohort page",
    );
    expect(refusal.status).toBe(403);
    expect(await w.db.cohort.count({ where: { id: cohort.id } })).toBe(1);
    const { history, people } = await admin.loadAdminUserPage(
      w.actors.admin2,
      w.db,
      w.ids.educator,
    );
    expect(history.items.map((e) => e.reason)).toEqual(["Left the school"]);
    expect(people.get(w.ids.admin)).toMatchObject({ name: "Ada Admin" });
  });

  it('a person whose educator role an admin took away cannot take it back with "I teach"', async () => {
    const w = await world();
    const teaching = await import("@/teaching/teaching");
    await admin.changeRoleFor(w.actors.admin, w.db, {
      userId: w.ids.educator,
      role: "LEARNER",
      reason: "Not a teacher",
    });
    const demoted = { id: w.ids.educator, role: "LEARNER" as const };
    const refusal = await refusalOf(() => teaching.becomeEducatorFor(demoted, w.db), "I teach");
    expect(refusal).toMatchObject({ status: 403, key: "educator_revoked" });
    expect((await w.db.user.findUniqueOrThrow({ where: { id: w.ids.educator } })).role).toBe(
      "LEARNER",
    );
    // An admin can give it back; a learner no admin ever demoted still chooses it themselves.
    await admin.changeRoleFor(w.actors.admin, w.db, {
      userId: w.ids.educator,
      role: "EDUCATOR",
      reason: "Cleared",
    });
    expect((await w.db.user.findUniqueOrThrow({ where: { id: w.ids.educator } })).role).toBe(
      "EDUCATOR",
    );
    await teaching.becomeEducatorFor(w.actors.learner, w.db);
    expect((await w.db.user.findUniqueOrThrow({ where: { id: w.ids.learner } })).role).toBe(
      "EDUCATOR",
    );
  });
});
