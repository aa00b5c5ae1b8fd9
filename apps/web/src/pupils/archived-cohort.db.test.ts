import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSession } from "@neuronlab/db/accounts";
import { removeLearner, setCohortArchived } from "@neuronlab/db/cohorts";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";

/**
 * A pupil whose class is archived: the card sign-in form refuses their card, saying why in the
 * form's language, and a session they already have no longer counts (`getSessionUser`); restoring
 * the class makes both work again. The real server action and session reader, on a real database,
 * with Next.js's request APIs standing in.
 */

const COOKIE = "next-auth.session-token";

/** The browser's cookies, as `cookies()` gives them to the action and the session reader. */
const jar = new Map<string, string>();

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(new Headers({ "x-forwarded-for": "10.77.0.1" })),
  cookies: () =>
    Promise.resolve({
      get: (name: string) => {
        const value = jar.get(name);
        return value === undefined ? undefined : { name, value };
      },
      set: (name: string, value: string) => jar.set(name, value),
    }),
}));
vi.mock("next-intl/server", () => ({ getLocale: () => Promise.resolve("en") }));
// The app's as-needed prefixes (next-intl's navigation needs Next.js's bundler to load).
vi.mock("@/i18n/navigation", () => ({
  getPathname: ({ href, locale }: { href: string; locale: string }) =>
    locale === "en" ? href : `/${locale}${href}`,
}));
vi.mock("@/auth/config", () => ({
  sessionCookieName: () => COOKIE,
  authSettings: () => ({ secureCookies: false, siteUrl: "http://localhost:3000" }),
}));
// The printable cards (JSX, which these tests do not compile): a card sign-in draws none.
vi.mock("./pupil-cards", () => ({ PupilCards: () => null }));
let t: TestDb;
vi.mock("@/db", () => ({ getDb: () => t.db, maybeDb: () => t.db }));

const { signInWithCardAction } = await import("./actions");
const { getSessionUser } = await import("@/auth/session");
const pupils = await import("./pupils");

beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());
beforeEach(() => {
  jar.clear();
});

let serial = 0;

/** A cohort taught by one educator, with one pupil (Pia) and her card, and one ordinary learner. */
async function world() {
  const n = String(++serial);
  const educator = await t.db.user.create({
    data: { email: `archived-educator-${n}@example.com`, name: "Ada Teacher", role: "EDUCATOR" },
    select: { id: true, role: true },
  });
  const learner = await t.db.user.create({
    data: { email: `archived-learner-${n}@example.com`, name: "Lea Learner" },
    select: { id: true },
  });
  const cohort = await t.db.cohort.create({
    data: {
      name: "Class",
      ownerId: educator.id,
      joinCode: `ARCH-${n.padStart(4, "0")}`,
      teachers: { create: { userId: educator.id } },
      memberships: { create: { userId: learner.id } },
    },
    select: { id: true },
  });
  const [card] = await pupils.addPupilsFor(educator, t.db, { cohortId: cohort.id, names: "Pia" });
  if (!card) throw new Error("no pupil");
  return { educator: educator.id, learner: learner.id, cohort: cohort.id, card };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const signIn = (code: string, locale: string) =>
  signInWithCardAction({ status: "idle" }, form({ code, locale }));

/** Signs in as `userId` in this browser, as a magic link or a card would. */
async function sessionFor(userId: string) {
  const { sessionToken } = await createSession(t.db, {
    sessionToken: crypto.randomUUID(),
    userId,
    expires: new Date(Date.now() + 86_400_000),
  });
  jar.set(COOKIE, sessionToken);
}

/** Who `getSessionUser` finds for the cookie now in the jar (its cache holds only per request). */
async function signedIn(): Promise<string | null> {
  return (await getSessionUser())?.id ?? null;
}

describe("a card of an archived class", () => {
  it("is refused on the sign-in form in the form's language, making no session", async () => {
    const w = await world();
    expect(await setCohortArchived(t.db, w.educator, w.cohort, true)).toBe(true);
    const sessions = await t.db.session.count({ where: { userId: w.card.pupilId } });
    expect(await signIn(w.card.code, "en")).toEqual({
      status: "error",
      message:
        "Your class is archived, so this card does not sign you in for now. Ask your teacher.",
    });
    expect(await signIn(w.card.code.toLowerCase(), "de")).toEqual({
      status: "error",
      message:
        "Deine Klasse ist archiviert, deshalb kannst du dich mit dieser Karte gerade nicht anmelden. Frag deine Lehrkraft.",
    });
    expect(jar.has(COOKIE)).toBe(false);
    expect(await t.db.session.count({ where: { userId: w.card.pupilId } })).toBe(sessions);
    // A wrong code still says so, not that the class is archived.
    expect(await signIn("ZZZZZ-ZZZZZ", "en")).toEqual({
      status: "error",
      message: "This card does not work: check the code, or ask your teacher for a new card.",
    });

    const refused = await pupils.signInWithCard(t.db, { code: w.card.code }, "10.77.0.2").then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ status: 403, code: "card_cohort_archived" });
  });

  it("signs in again once the class is restored", async () => {
    const w = await world();
    await setCohortArchived(t.db, w.educator, w.cohort, true);
    expect((await signIn(w.card.code, "en")).status).toBe("error");
    expect(await setCohortArchived(t.db, w.educator, w.cohort, false)).toBe(true);
    expect(await signIn(w.card.code, "de")).toMatchObject({
      status: "done",
      message: "signedIn",
      go: "/de/course",
    });
    expect(await signedIn()).toBe(w.card.pupilId);
  });

  it("no longer signs in after the teacher removed the pupil", async () => {
    const w = await world();
    expect(await signIn(w.card.code, "en")).toMatchObject({ status: "done" });
    expect(await signedIn()).toBe(w.card.pupilId);
    expect(await removeLearner(t.db, w.educator, w.cohort, w.card.pupilId)).toBe(true);
    // The account is gone, and the session with it.
    expect(await signedIn()).toBeNull();
    jar.clear();
    expect(await signIn(w.card.code, "en")).toEqual({
      status: "error",
      message: "This card does not work: check the code, or ask your teacher for a new card.",
    });
  });
});

describe("a pupil's session", () => {
  it("ends when their class is archived; the card signs in again once it is restored", async () => {
    const w = await world();
    expect(await signIn(w.card.code, "en")).toMatchObject({ status: "done", go: "/course" });
    expect(await signedIn()).toBe(w.card.pupilId);

    await setCohortArchived(t.db, w.educator, w.cohort, true);
    expect(await signedIn()).toBeNull();
    // Signed out everywhere: the session is gone (next-auth's own session route finds none).
    expect(await t.db.session.count({ where: { userId: w.card.pupilId } })).toBe(0);

    await setCohortArchived(t.db, w.educator, w.cohort, false);
    expect(await signedIn()).toBeNull();
    expect(await signIn(w.card.code, "en")).toMatchObject({ status: "done", go: "/course" });
    expect(await signedIn()).toBe(w.card.pupilId);
  });

  it("is the only kind an archived class ends: its learners and teachers stay signed in", async () => {
    const w = await world();
    await setCohortArchived(t.db, w.educator, w.cohort, true);
    await sessionFor(w.learner);
    expect(await signedIn()).toBe(w.learner);
    await sessionFor(w.educator);
    expect(await signedIn()).toBe(w.educator);
  });
});
