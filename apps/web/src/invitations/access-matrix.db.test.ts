import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@neuronlab/db/client";
import { hashInvitationSecret, newInvitationSecret } from "@neuronlab/db/invitations";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import type { Mail } from "@/auth/mail";
import { errorText } from "@/http/errors";
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
import type { InvitationDeps } from "./invitations";
import type { InvitationPreview, SendResult } from "./invite-state";

vi.mock("server-only", () => ({}));

const rules = await import("./invitations");

/**
 * Who may do what with invitations, as a matrix: every rule behind the invitation form, the
 * cohort page's list and the invitation page, run by every kind of user against a fresh world,
 * with the outcome each must get. A refused call changes nothing in the database and sends no
 * mail. The server actions are found by reading actions.ts and the pages on disk, so one added
 * without a row here fails this test.
 */

const ACTORS = ["anonymous", "learnerOut", "learnerIn", "educatorA", "educatorB", "admin"] as const;
type ActorName = (typeof ACTORS)[number];

interface World {
  db: Db;
  actors: Record<ActorName, Actor>;
  ids: Record<ActorName, string>;
  cohortA: string;
  cohortB: string;
  /** A pending invitation to cohort A, and its link's secret. */
  invitationA: string;
  secretA: string;
  mail: Mail[];
  deps: InvitationDeps;
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

const EVERYONE: Record<ActorName, Outcome> = {
  anonymous: "ok",
  learnerOut: "ok",
  learnerIn: "ok",
  educatorA: "ok",
  educatorB: "ok",
  admin: "ok",
};

const NOW = new Date(Date.UTC(2026, 2, 10, 9));

const ROWS: Row[] = [
  {
    rule: "previewInvitationsFor",
    usedBy: ["previewInvitationsAction"],
    run: (w, a) =>
      rules.previewInvitationsFor(
        w.actors[a],
        w.db,
        {
          cohortId: w.cohortA,
          addresses:
            "new@example.com\nlearner-in@EXAMPLE.com\ninvited@example.com\nnope\nNEW@example.com",
        },
        NOW,
      ),
    expect: TEACHER_ONLY,
    check: (w, _a, result) => {
      const preview = result as InvitationPreview;
      expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
        [1, "new"],
        [2, "member"],
        [3, "pending"],
        [4, "invalid"],
        [5, "duplicate"],
      ]);
      expect(preview.invite).toEqual(["new@example.com"]);
      expect(w.mail).toEqual([]);
    },
  },
  {
    rule: "sendInvitationsFor",
    usedBy: ["sendInvitationsAction"],
    run: (w, a) =>
      rules.sendInvitationsFor(
        w.actors[a],
        w.db,
        { cohortId: w.cohortA, addresses: "new@example.com\ninvited@example.com" },
        w.deps,
      ),
    expect: TEACHER_ONLY,
    check: async (w, _a, result) => {
      expect(result as SendResult).toEqual({ sent: 1, skipped: 1, failed: [] });
      expect(w.mail.map((m) => m.to)).toEqual(["new@example.com"]);
      const rows = await w.db.cohortInvitation.findMany({
        where: { cohortId: w.cohortA, email: "new@example.com" },
      });
      expect(rows).toHaveLength(1);
      expect(w.mail[0]?.text).toContain(`/invitations/`);
      const secret = /\/invitations\/([\w-]+)/.exec(w.mail[0]?.text ?? "")?.[1] ?? "";
      expect(rows[0]?.codeHash).toBe(hashInvitationSecret(secret));
      expect(await w.db.rateLimitHit.count({ where: { key: w.ids.educatorA } })).toBe(1);
    },
  },
  {
    rule: "resendInvitationFor",
    usedBy: ["resendInvitationAction"],
    run: (w, a) =>
      rules.resendInvitationFor(
        w.actors[a],
        w.db,
        { cohortId: w.cohortA, invitationId: w.invitationA },
        w.deps,
      ),
    expect: TEACHER_ONLY,
    check: async (w) => {
      const row = await w.db.cohortInvitation.findUniqueOrThrow({ where: { id: w.invitationA } });
      expect(row.codeHash).not.toBe(hashInvitationSecret(w.secretA));
      expect(w.mail.map((m) => m.to)).toEqual(["invited@example.com"]);
    },
  },
  {
    rule: "revokeInvitationFor",
    usedBy: ["revokeInvitationAction"],
    run: (w, a) =>
      rules.revokeInvitationFor(w.actors[a], w.db, {
        cohortId: w.cohortA,
        invitationId: w.invitationA,
      }),
    expect: TEACHER_ONLY,
    check: async (w) => {
      const row = await w.db.cohortInvitation.findUniqueOrThrow({ where: { id: w.invitationA } });
      expect(row.revokedAt).not.toBeNull();
    },
  },
  {
    rule: "loadInvitationsFor",
    usedBy: ["InvitePanel"],
    run: (w, a) => rules.loadInvitationsFor(w.actors[a], w.db, w.cohortA, NOW),
    expect: TEACHER_ONLY,
    check: (w, _a, result) => {
      expect(result).toEqual([expect.objectContaining({ id: w.invitationA, status: "pending" })]);
    },
  },
  {
    // The cohort page's loader: it checks the record alone (the page checked the role).
    rule: "invitationsOfCohort",
    usedBy: ["/[locale]/educator/cohorts/[cohortId]"],
    run: (w, a) => rules.invitationsOfCohort(w.db, w.ids[a], w.cohortA, NOW),
    expect: { ...TEACHER_ONLY, anonymous: 404, learnerOut: 404, learnerIn: 404 },
    check: (w, _a, result) => {
      expect((result as { email: string }[]).map((i) => i.email)).toEqual(["invited@example.com"]);
    },
  },
  {
    rule: "loadInvitationPage",
    usedBy: ["/[locale]/invitations/[secret]"],
    run: (w, a) => rules.loadInvitationPage(w.actors[a], w.db, w.secretA, NOW),
    expect: EVERYONE,
    check: (_w, a, result) => {
      if (a === "educatorA") {
        expect(result).toEqual({ state: "teacher", cohortName: "Cohort A" });
      } else {
        expect(result).toEqual({
          state: "open",
          cohort: { name: "Cohort A", description: null, teachers: ["Ada Teacher"] },
          signedIn: a !== "anonymous",
        });
      }
    },
  },
  {
    rule: "acceptInvitationFor",
    usedBy: ["acceptInvitationAction"],
    run: (w, a) => rules.acceptInvitationFor(w.actors[a], w.db, { secret: w.secretA }, NOW),
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
      const row = await w.db.cohortInvitation.findUniqueOrThrow({ where: { id: w.invitationA } });
      expect(row.acceptedById).toBe(w.ids[a]);
      const member = await w.db.cohortMembership.findUnique({
        where: { cohortId_userId: { cohortId: w.cohortA, userId: w.ids[a] } },
      });
      expect(member).not.toBeNull();
    },
  },
];

let t: TestDb;
let serial = 0;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

/** A fresh world: cohort A (educator A, a learner in it, one pending invitation), cohort B. */
async function world(perDay = 1000): Promise<World> {
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
  // The preview's row names learner-in by address: give this world's the plain address.
  await db.user.deleteMany({ where: { email: "learner-in@example.com" } });
  await db.user.update({
    where: { id: users.learnerIn.id },
    data: { email: "learner-in@example.com" },
  });
  const secretA = newInvitationSecret();
  const a = await db.cohort.create({
    data: {
      name: "Cohort A",
      ownerId: users.educatorA.id,
      joinCode: `INVA-${String(1000 + n)}`,
      teachers: { create: { userId: users.educatorA.id } },
      memberships: { create: { userId: users.learnerIn.id } },
      invitations: {
        create: {
          email: "invited@example.com",
          codeHash: hashInvitationSecret(secretA),
          expiresAt: new Date(NOW.getTime() + 7 * 86_400_000),
          sentAt: NOW,
        },
      },
    },
    select: { id: true, invitations: { select: { id: true } } },
  });
  const b = await db.cohort.create({
    data: {
      name: "Cohort B",
      ownerId: users.educatorB.id,
      joinCode: `INVB-${String(1000 + n)}`,
      teachers: { create: { userId: users.educatorB.id } },
    },
    select: { id: true },
  });
  const actors = { anonymous: null, ...users } as Record<ActorName, Actor>;
  const ids = Object.fromEntries(ACTORS.map((name) => [name, actors[name]?.id ?? ""])) as Record<
    ActorName,
    string
  >;
  const mail: Mail[] = [];
  return {
    db,
    actors,
    ids,
    cohortA: a.id,
    cohortB: b.id,
    invitationA: a.invitations[0]?.id ?? "",
    secretA,
    mail,
    deps: {
      sendMail: (m) => {
        mail.push(m);
        return Promise.resolve();
      },
      siteUrl: "https://neuronlab.example",
      now: () => NOW,
      perDay,
    },
  };
}

/** Everything an invitation rule could change, as text to compare before and after. */
async function snapshot(db: Db): Promise<string> {
  const [cohorts, teachers, memberships, invitations, hits, roles] = await Promise.all([
    db.cohort.findMany({ orderBy: { id: "asc" } }),
    db.cohortTeacher.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
    db.cohortMembership.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
    db.cohortInvitation.findMany({ orderBy: { id: "asc" } }),
    db.rateLimitHit.findMany({
      select: { bucket: true, key: true, at: true },
      orderBy: { id: "asc" },
    }),
    db.user.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ cohorts, teachers, memberships, invitations, hits, roles });
}

const refusal = (run: () => Promise<unknown>) => refusalOf(run, "refused");

describe("the invitation access matrix", () => {
  for (const row of ROWS) {
    it(
      rowTitle(row, ACTORS),
      () =>
        runRow(row, ACTORS, {
          world: world,
          snapshot: (w) => snapshot(w.db),
          unchanged: (w, label) => {
            expect(w.mail, `${label} sent nothing`).toEqual([]);
          },
        }),
      60_000,
    );
  }

  it("covers every server action in actions.ts and every invitation page", () => {
    const actions = actionsIn(new URL("./actions.ts", import.meta.url));
    expect(actions.length).toBe(5);
    const covered = new Set(ROWS.flatMap((row) => row.usedBy));
    expect(actions.filter((name) => name && !covered.has(name))).toEqual([]);
    const routes = routesUnder(/\/invitations(\/|$)/);
    expect(routes).toEqual(["/[locale]/invitations/[secret]"]);
    expect(routes.filter((route) => !covered.has(route))).toEqual([]);
  });
});

describe("invitation rules at the boundary", () => {
  it("answer every malformed request with a 4xx and change nothing", async () => {
    const w = await world();
    const before = await snapshot(w.db);
    const educator = w.actors.educatorA;
    const shapes: unknown[] = [
      undefined,
      null,
      "text",
      42,
      [],
      {},
      { cohortId: 5 },
      { cohortId: w.cohortA },
      { cohortId: w.cohortA, addresses: 7 },
      { cohortId: w.cohortA, addresses: ["a@example.com"] },
      { cohortId: "x".repeat(65), addresses: "a@example.com" },
      { cohortId: w.cohortA, invitationId: { id: w.invitationA } },
      { cohortId: w.cohortA, invitationId: "" },
      { secret: 123 },
      { secret: "x".repeat(201) },
      { ["__proto__"]: { cohortId: w.cohortA } },
    ];
    const calls = [
      (input: unknown) => rules.previewInvitationsFor(educator, w.db, input, NOW),
      (input: unknown) => rules.sendInvitationsFor(educator, w.db, input, w.deps),
      (input: unknown) => rules.resendInvitationFor(educator, w.db, input, w.deps),
      (input: unknown) => rules.revokeInvitationFor(educator, w.db, input),
      (input: unknown) => rules.acceptInvitationFor(w.actors.learnerOut, w.db, input, NOW),
    ];
    for (const call of calls) {
      for (const shape of shapes) {
        const error = await refusal(() => call(shape));
        expect(error.status, JSON.stringify(shape)).toBeGreaterThanOrEqual(400);
        expect(error.status, JSON.stringify(shape)).toBeLessThan(500);
      }
    }
    expect(await snapshot(w.db)).toBe(before);
    expect(w.mail).toEqual([]);
  });

  it("refuse a list of 10,000 rows, one over 200 KB and an empty one, whole", async () => {
    const w = await world();
    const before = await snapshot(w.db);
    const educator = w.actors.educatorA;
    const rows = Array.from({ length: 10_000 }, (_, i) => `p${String(i)}@example.com`);
    const cases: [string, number, string][] = [
      [`email\n${rows.join("\n")}`, 413, "invitation_list_too_long"],
      [rows.slice(0, 600).join(","), 413, "invitation_list_too_long"],
      ["a@example.com\n".repeat(20_000), 413, "invitation_list_too_large"],
      ["\n \n", 400, "invitation_list_empty"],
      ['email\n"a@example.com\nb@example.com', 400, "invitation_list_unreadable"],
    ];
    for (const [addresses, status, code] of cases) {
      for (const run of [
        () => rules.previewInvitationsFor(educator, w.db, { cohortId: w.cohortA, addresses }),
        () => rules.sendInvitationsFor(educator, w.db, { cohortId: w.cohortA, addresses }, w.deps),
      ]) {
        const error = await refusal(run);
        expect([error.status, error.code]).toEqual([status, code]);
      }
    }
    const tooLong = await refusal(() =>
      rules.previewInvitationsFor(educator, w.db, {
        cohortId: w.cohortA,
        addresses: `email\n${rows.join("\n")}`,
      }),
    );
    expect(tooLong.message).toBe(
      "A list may hold at most 500 addresses, and this one has 10,000. Split it into smaller lists; nothing was sent.",
    );
    expect(await errorText(tooLong, "de")).toBe(
      "Eine Liste darf höchstens 500 Adressen enthalten, diese hat 10.000. Teile sie in kleinere Listen auf; es wurde nichts verschickt.",
    );
    expect(await snapshot(w.db)).toBe(before);
    expect(w.mail).toEqual([]);
  });

  it("refuse a list with nobody new to invite, and an archived cohort's list", async () => {
    const w = await world();
    const educator = w.actors.educatorA;
    const nobody = await refusal(() =>
      rules.sendInvitationsFor(
        educator,
        w.db,
        { cohortId: w.cohortA, addresses: "invited@example.com, learner-in@example.com, x" },
        w.deps,
      ),
    );
    expect([nobody.status, nobody.code]).toEqual([409, "invitation_nothing_to_send"]);
    await w.db.cohort.update({ where: { id: w.cohortA }, data: { archivedAt: NOW } });
    const before = await snapshot(w.db);
    for (const run of [
      () =>
        rules.sendInvitationsFor(
          educator,
          w.db,
          { cohortId: w.cohortA, addresses: "a@example.com" },
          w.deps,
        ),
      () =>
        rules.resendInvitationFor(
          educator,
          w.db,
          { cohortId: w.cohortA, invitationId: w.invitationA },
          w.deps,
        ),
      () =>
        rules.revokeInvitationFor(educator, w.db, {
          cohortId: w.cohortA,
          invitationId: w.invitationA,
        }),
      () => rules.acceptInvitationFor(w.actors.learnerOut, w.db, { secret: w.secretA }, NOW),
    ]) {
      expect((await refusal(run)).status).toBeGreaterThanOrEqual(404);
    }
    expect(await snapshot(w.db)).toBe(before);
    // The list stays readable for its teacher.
    expect(await rules.loadInvitationsFor(educator, w.db, w.cohortA, NOW)).toHaveLength(1);
  });

  it("limit the mails an educator sends in a day, refusing a list that would pass it whole", async () => {
    const w = await world(3);
    const educator = w.actors.educatorA;
    const send = (addresses: string) =>
      rules.sendInvitationsFor(educator, w.db, { cohortId: w.cohortA, addresses }, w.deps);
    expect(await send("a@example.com, b@example.com")).toMatchObject({ sent: 2 });
    const before = await snapshot(w.db);
    const over = await refusal(() => send("c@example.com, d@example.com"));
    expect([over.status, over.code, over.values]).toEqual([
      429,
      "invitation_rate_limited",
      { limit: 3, left: 1, count: 2 },
    ]);
    expect(await snapshot(w.db)).toBe(before);
    expect(await send("c@example.com")).toMatchObject({ sent: 1 });
    const resend = await refusal(() =>
      rules.resendInvitationFor(
        educator,
        w.db,
        { cohortId: w.cohortA, invitationId: w.invitationA },
        w.deps,
      ),
    );
    expect(resend.status).toBe(429);
    expect(w.mail).toHaveLength(3);
    // Another educator's limit is their own.
    const other = await world(3);
    expect(
      await rules.sendInvitationsFor(
        other.actors.educatorA,
        other.db,
        { cohortId: other.cohortA, addresses: "a@example.com" },
        other.deps,
      ),
    ).toMatchObject({ sent: 1 });
  });

  it("tell each unusable link apart, and a second acceptance of one's own link is no error", async () => {
    const w = await world();
    const learner = w.actors.learnerOut;
    const accept = (secret: string) => rules.acceptInvitationFor(learner, w.db, { secret }, NOW);
    const unknown = await refusal(() => accept(newInvitationSecret()));
    expect([unknown.status, unknown.key]).toEqual([404, "invitation_unusable.unknown"]);
    expect(await accept(w.secretA)).toEqual({ cohortId: w.cohortA, already: false });
    expect(await accept(w.secretA)).toEqual({ cohortId: w.cohortA, already: true });
    expect(await rules.loadInvitationPage(learner, w.db, w.secretA, NOW)).toEqual({
      state: "yours",
      cohortName: "Cohort A",
    });
    const used = await refusal(() =>
      rules.acceptInvitationFor(w.actors.educatorB, w.db, { secret: w.secretA }, NOW),
    );
    expect([used.status, used.key]).toEqual([409, "invitation_unusable.used"]);
    expect(await rules.loadInvitationPage(w.actors.educatorB, w.db, w.secretA, NOW)).toEqual({
      state: "used",
    });
    const revokedWorld = await world();
    await rules.revokeInvitationFor(revokedWorld.actors.educatorA, revokedWorld.db, {
      cohortId: revokedWorld.cohortA,
      invitationId: revokedWorld.invitationA,
    });
    expect(await rules.loadInvitationPage(null, w.db, revokedWorld.secretA, NOW)).toEqual({
      state: "revoked",
    });
    const revoked = await refusal(() => accept(revokedWorld.secretA));
    expect([revoked.status, revoked.key]).toEqual([410, "invitation_unusable.revoked"]);
    const later = new Date(NOW.getTime() + 8 * 86_400_000);
    const expiredWorld = await world();
    expect(await rules.loadInvitationPage(null, w.db, expiredWorld.secretA, later)).toEqual({
      state: "expired",
    });
    const expired = await refusal(() =>
      rules.acceptInvitationFor(learner, w.db, { secret: expiredWorld.secretA }, later),
    );
    expect([expired.status, expired.key]).toEqual([410, "invitation_unusable.expired"]);
    expect(await rules.loadInvitationPage(null, w.db, "../not-a-secret", NOW)).toEqual({
      state: "unknown",
    });
  });
});
