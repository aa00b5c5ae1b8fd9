import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findSessionUser } from "@neuronlab/db/accounts";
import type { Db } from "@neuronlab/db/client";
import { HttpError } from "@/http/errors";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import {
  actionsIn,
  refusalOf,
  rowTitle,
  runRow,
  type MatrixRow,
  type Outcome,
} from "@/testing/access-matrix";
import type { Actor } from "@/teaching/teaching";

vi.mock("server-only", () => ({}));

const pupils = await import("./pupils");
const teaching = await import("@/teaching/teaching");

/**
 * Who may do what with pupils without e-mail, as a matrix: every rule behind the pupil server
 * actions and the card pages, run by every kind of user against a fresh world, with the outcome
 * each must get. A refused call changes nothing. The server actions are found by reading
 * actions.ts, so an action added without a row here fails this test.
 */

const ACTORS = ["anonymous", "learner", "pupil", "educatorA", "educatorB", "admin"] as const;
type ActorName = (typeof ACTORS)[number];

interface World {
  db: Db;
  actors: Record<ActorName, Actor>;
  ids: Record<ActorName, string>;
  cohortA: string;
  codeA: string;
  /** The pupil's card, in clear (as printed). */
  card: string;
}

type Row = MatrixRow<World, ActorName>;

const TEACHER_ONLY: Record<ActorName, Outcome> = {
  anonymous: 401,
  learner: 403,
  pupil: 403,
  educatorA: "ok",
  educatorB: 404,
  admin: 404,
};

const CARD = /^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/;

const ROWS: Row[] = [
  {
    rule: "addPupilsFor",
    usedBy: ["addPupilsAction"],
    run: (w, a) =>
      pupils.addPupilsFor(w.actors[a], w.db, { cohortId: w.cohortA, names: "Ben\n\n  Cleo  \n" }),
    expect: TEACHER_ONLY,
    check: async (w, _a, result) => {
      const cards = result as { pupilId: string; name: string; code: string }[];
      expect(cards.map((c) => c.name)).toEqual(["Ben", "Cleo"]);
      for (const card of cards) {
        expect(card.code).toMatch(CARD);
        const user = await w.db.user.findUniqueOrThrow({
          where: { id: card.pupilId },
          include: { memberships: true },
        });
        expect(user.email.endsWith("@pupils.neuronlab.invalid")).toBe(true);
        expect(user.memberships.map((m) => m.cohortId)).toEqual([w.cohortA]);
      }
    },
  },
  {
    rule: "replacePupilCardFor",
    usedBy: ["replacePupilCardAction"],
    run: (w, a) =>
      pupils.replacePupilCardFor(w.actors[a], w.db, { cohortId: w.cohortA, pupilId: w.ids.pupil }),
    expect: { ...TEACHER_ONLY, educatorB: 404, admin: 404 },
    check: async (w, _a, result) => {
      const card = result as { code: string; name: string };
      expect(card.name).toBe("Pia Pupil");
      expect(card.code).toMatch(CARD);
      await expect(pupils.signInWithCard(w.db, { code: w.card }, "10.9.9.9")).rejects.toThrow(
        HttpError,
      );
      const session = await pupils.signInWithCard(w.db, { code: card.code }, "10.9.9.9");
      expect(session.userId).toBe(w.ids.pupil);
    },
  },
  {
    rule: "loadPupilsFor",
    usedBy: ["/[locale]/educator/cohorts/[cohortId]"],
    run: (w, a) => pupils.loadPupilsFor(w.actors[a], w.db, w.cohortA),
    expect: TEACHER_ONLY,
    check: (w, _a, result) => {
      expect((result as { id: string; name: string }[]).map((p) => [p.id, p.name])).toEqual([
        [w.ids.pupil, "Pia Pupil"],
      ]);
    },
  },
  {
    rule: "becomeEducatorFor (a pupil cannot teach)",
    usedBy: [],
    run: (w, a) => teaching.becomeEducatorFor(w.actors[a], w.db),
    expect: {
      anonymous: 401,
      learner: "ok",
      pupil: 403,
      educatorA: "ok",
      educatorB: "ok",
      admin: "ok",
    },
  },
  {
    rule: "leaveCohortFor (a pupil's account stays in its class)",
    usedBy: [],
    run: (w, a) => teaching.leaveCohortFor(w.actors[a], w.db, { cohortId: w.cohortA }),
    expect: {
      anonymous: 401,
      learner: 404,
      pupil: 403,
      educatorA: 404,
      educatorB: 404,
      admin: 404,
    },
  },
  {
    rule: "joinCohortFor (a pupil joins no other class)",
    usedBy: [],
    run: (w, a) => teaching.joinCohortFor(w.actors[a], w.db, { code: w.codeA }),
    expect: {
      anonymous: 401,
      learner: "ok",
      pupil: 403,
      educatorA: 409,
      educatorB: "ok",
      admin: "ok",
    },
  },
];

let t: TestDb;
let serial = 0;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

/** A fresh world: cohort A taught by educator A with one pupil (Pia) and her card; cohort B. */
async function world(): Promise<World> {
  const db = t.db;
  const n = String(++serial);
  const make = (name: string, role: "LEARNER" | "EDUCATOR" | "ADMIN", email: string) =>
    db.user.create({
      data: { email: email.replace("@", `-${n}@`), name, role },
      select: { id: true, role: true },
    });
  const users = {
    learner: await make("Lea Learner", "LEARNER", "learner@example.com"),
    educatorA: await make("Ada Teacher", "EDUCATOR", "educator-a@example.com"),
    educatorB: await make("Bea Teacher", "EDUCATOR", "educator-b@example.com"),
    admin: await make("Root", "ADMIN", "admin@example.com"),
  };
  const a = await db.cohort.create({
    data: {
      name: "Cohort A",
      ownerId: users.educatorA.id,
      joinCode: `PUPA-${n.padStart(4, "0")}`,
      teachers: { create: { userId: users.educatorA.id } },
    },
    select: { id: true, joinCode: true },
  });
  await db.cohort.create({
    data: {
      name: "Cohort B",
      ownerId: users.educatorB.id,
      joinCode: `PUPB-${n.padStart(4, "0")}`,
      teachers: { create: { userId: users.educatorB.id } },
    },
  });
  const [card] = await pupils.addPupilsFor(users.educatorA, db, {
    cohortId: a.id,
    names: "Pia Pupil",
  });
  if (!card) throw new Error("no pupil");
  const actors = {
    anonymous: null,
    ...users,
    pupil: { id: card.pupilId, role: "LEARNER" },
  } as Record<ActorName, Actor>;
  const ids = Object.fromEntries(ACTORS.map((name) => [name, actors[name]?.id ?? ""])) as Record<
    ActorName,
    string
  >;
  return { db, actors, ids, cohortA: a.id, codeA: a.joinCode, card: card.code };
}

/** Everything a pupil rule could change (rate-limit counts aside), as text. */
async function snapshot(db: Db): Promise<string> {
  const [users, cards, memberships, teachers, sessions] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.pupilCard.findMany({ orderBy: { id: "asc" } }),
    db.cohortMembership.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
    db.cohortTeacher.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
    db.session.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ users, cards, memberships, teachers, sessions });
}

const refusal = (promise: Promise<unknown>) => refusalOf(() => promise, "refused");

describe("the pupil access matrix", () => {
  for (const row of ROWS) {
    it(
      rowTitle(row, ACTORS),
      () => runRow(row, ACTORS, { world: world, snapshot: (w) => snapshot(w.db) }),
      60_000,
    );
  }

  it("covers every server action in actions.ts and both card pages", () => {
    const actions = actionsIn(new URL("./actions.ts", import.meta.url));
    expect(actions.sort()).toEqual([
      "addPupilsAction",
      "replacePupilCardAction",
      "signInWithCardAction",
    ]);
    const covered = new Set([
      ...ROWS.flatMap((row) => row.usedBy),
      // The card pages and their action: the sign-in tests below.
      "signInWithCardAction",
      "/[locale]/card",
      "/[locale]/card/[code]",
    ]);
    expect(actions.filter((name) => name && !covered.has(name))).toEqual([]);
  });
});

describe("signing in with a card", () => {
  it("signs in only the card's own pupil, the code typed in any case with spaces", async () => {
    const w = await world();
    const typed = ` ${w.card.slice(0, 3).toLowerCase()} ${w.card.slice(3).toLowerCase()} `;
    const now = new Date();
    const session = await pupils.signInWithCard(w.db, { code: typed }, "10.1.1.1", now);
    expect(session.userId).toBe(w.ids.pupil);
    expect(session.expires.getTime() - now.getTime()).toBe(30 * 24 * 60 * 60_000);
    const user = await findSessionUser(w.db, session.sessionToken);
    expect(user?.id).toBe(w.ids.pupil);
    expect(user?.name).toBe("Pia Pupil");
    // The database holds the token's hash only.
    expect(await w.db.session.count({ where: { sessionToken: session.sessionToken } })).toBe(0);
  });

  it("refuses a wrong, malformed or replaced code and makes no session", async () => {
    const w = await world();
    const sessions = await w.db.session.count();
    for (const input of [
      { code: "ZZZZZ-ZZZZZ" },
      { code: "" },
      { code: "x".repeat(5000) },
      { code: 42 },
      {},
      null,
      "text",
    ]) {
      const error = await refusal(pupils.signInWithCard(w.db, input, "10.2.2.2"));
      expect(error.status).toBe(400);
      expect(error.code).toBe("card_code_unknown");
    }
    await pupils.replacePupilCardFor(w.actors.educatorA, w.db, {
      cohortId: w.cohortA,
      pupilId: w.ids.pupil,
    });
    expect((await refusal(pupils.signInWithCard(w.db, { code: w.card }, "10.2.2.2"))).status).toBe(
      400,
    );
    expect(await w.db.session.count()).toBe(sessions);
  });

  it("is rate-limited per client address, refused tries counting", async () => {
    const w = await world();
    const now = new Date();
    for (let i = 0; i < pupils.CARD_SIGN_IN_LIMIT.limit; i++) {
      await refusal(pupils.signInWithCard(w.db, { code: "ZZZZZ-ZZZZZ" }, "10.3.3.3", now));
    }
    const limited = await refusal(pupils.signInWithCard(w.db, { code: w.card }, "10.3.3.3", now));
    expect(limited.status).toBe(429);
    expect(limited.code).toBe("card_rate_limited");
    // Another network is not held up.
    const session = await pupils.signInWithCard(w.db, { code: w.card }, "10.4.4.4", now);
    expect(session.userId).toBe(w.ids.pupil);
  });
});

describe("bad input", () => {
  it("answers every malformed request with a 4xx and writes nothing", async () => {
    const w = await world();
    const before = await snapshot(w.db);
    const educator = w.actors.educatorA;
    const cases: [unknown, number, string][] = [
      [null, 400, "invalid_pupil_form"],
      ["names", 400, "invalid_pupil_form"],
      [{ cohortId: w.cohortA }, 400, "invalid_pupil_form"],
      [{ cohortId: w.cohortA, names: ["Ada"] }, 400, "invalid_pupil_form"],
      [{ cohortId: 5, names: "Ada" }, 400, "invalid_pupil_form"],
      [{ cohortId: w.cohortA, names: "" }, 400, "pupil_names"],
      [{ cohortId: w.cohortA, names: "\n  \n\t\n" }, 400, "pupil_names"],
      [{ cohortId: w.cohortA, names: "x".repeat(100_000) }, 400, "invalid_pupil_form"],
      [{ cohortId: w.cohortA, names: "A\n".repeat(61) }, 400, "pupil_names"],
      [{ cohortId: w.cohortA, names: "Ada\nBen\n ada " }, 400, "pupil_name"],
      [{ cohortId: w.cohortA, names: "Ada\npia   PUPIL" }, 409, "pupil_name"],
      [{ cohortId: w.cohortA, names: `Ada\n${"y".repeat(61)}` }, 400, "pupil_name"],
      [{ cohortId: w.cohortA, names: "Ada\nB\u0000n" }, 400, "pupil_name"],
      [{ cohortId: w.cohortA, names: "Ada\nB\ud800n" }, 400, "pupil_name"],
      [{ cohortId: "nope", names: "Ada" }, 404, "cohort_not_found"],
    ];
    for (const [input, status, code] of cases) {
      const error = await refusal(pupils.addPupilsFor(educator, w.db, input));
      expect([error.status, error.code], JSON.stringify(input).slice(0, 80)).toEqual([
        status,
        code,
      ]);
    }
    for (const input of [null, {}, { cohortId: w.cohortA }, { cohortId: w.cohortA, pupilId: 7 }]) {
      expect((await refusal(pupils.replacePupilCardFor(educator, w.db, input))).status).toBe(400);
    }
    const other = await refusal(
      pupils.replacePupilCardFor(educator, w.db, { cohortId: w.cohortA, pupilId: w.ids.learner }),
    );
    expect(other.status).toBe(404);
    expect(await snapshot(w.db)).toBe(before);
  });

  it("takes 60 names of 60 characters, and emoji and accents count as one", async () => {
    const w = await world();
    const names = Array.from({ length: 60 }, (_, i) =>
      `${String(i).padStart(2, "0")}${"é".repeat(57)}👩‍🎓`.normalize("NFD"),
    );
    const cards = await pupils.addPupilsFor(w.actors.educatorA, w.db, {
      cohortId: w.cohortA,
      names: names.join("\r\n"),
    });
    expect(cards).toHaveLength(60);
    expect(new Set(cards.map((c) => c.code)).size).toBe(60);
  });
});
