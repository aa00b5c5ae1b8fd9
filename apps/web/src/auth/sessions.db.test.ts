import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { findSessionUser, hashSessionToken } from "@neuronlab/db/accounts";
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import { hashToken } from "./magic-link";

vi.mock("server-only", () => ({}));
const { accountsAdapter } = await import("./options");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

const SECRET = "test-secret-0123456789abcdef0123456789";
const COOKIE = "next-auth.session-token";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function newUser() {
  return t.db.user.create({
    data: { email: `sessions-${randomUUID()}@example.com` },
    select: { id: true, email: true },
  });
}

/** The stored `sessionToken` column of every session of one user. */
async function storedTokens(userId: string): Promise<string[]> {
  const rows = await t.db.session.findMany({ where: { userId }, select: { sessionToken: true } });
  return rows.map((row) => row.sessionToken);
}

describe("the adapter's sessions", () => {
  it("are stored as the hash of the token next-auth passes, which it gets back in clear", async () => {
    const adapter = accountsAdapter(t.db);
    const user = await newUser();
    const cookie = randomUUID(); // what next-auth's generateSessionToken makes
    const created = await adapter.createSession?.({
      sessionToken: cookie,
      userId: user.id,
      expires: inDays(30),
    });
    expect(created).toMatchObject({ sessionToken: cookie, userId: user.id });

    const stored = await storedTokens(user.id);
    expect(stored).toEqual([hashSessionToken(cookie)]);
    expect(stored).not.toContain(cookie);
    // What the app's pages read (session.ts): the cookie's value finds the user.
    expect((await findSessionUser(t.db, cookie))?.id).toBe(user.id);
  });

  it("are found by the cookie's value, given back with it, and never by the stored hash", async () => {
    const adapter = accountsAdapter(t.db);
    const user = await newUser();
    const cookie = randomUUID();
    await adapter.createSession?.({ sessionToken: cookie, userId: user.id, expires: inDays(30) });

    const found = await adapter.getSessionAndUser?.(cookie);
    expect(found?.user).toMatchObject({ id: user.id, email: user.email });
    // next-auth re-sets the cookie from this when an OAuth account is linked while signed in.
    expect(found?.session.sessionToken).toBe(cookie);

    const [stored] = await storedTokens(user.id);
    expect(await adapter.getSessionAndUser?.(stored ?? "")).toBeNull();
    expect(await findSessionUser(t.db, stored ?? "")).toBeNull();
  });

  it("are renewed by the cookie's value, keeping the stored hash", async () => {
    const adapter = accountsAdapter(t.db);
    const user = await newUser();
    const cookie = randomUUID();
    await adapter.createSession?.({ sessionToken: cookie, userId: user.id, expires: inDays(1) });

    const renewed = await adapter.updateSession?.({ sessionToken: cookie, expires: inDays(30) });
    expect(renewed?.sessionToken).toBe(cookie);
    const rows = await t.db.session.findMany({
      where: { userId: user.id },
      select: { sessionToken: true, expires: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sessionToken).toBe(hashSessionToken(cookie));
    expect(rows[0]?.expires.getTime()).toBeGreaterThan(inDays(29).getTime());
  });

  it("are deleted by the cookie's value; an unknown token deletes nothing and is no error", async () => {
    const adapter = accountsAdapter(t.db);
    const user = await newUser();
    const keep = randomUUID();
    const drop = randomUUID();
    await adapter.createSession?.({ sessionToken: keep, userId: user.id, expires: inDays(30) });
    await adapter.createSession?.({ sessionToken: drop, userId: user.id, expires: inDays(30) });

    const [, storedHash] = await storedTokens(user.id);
    await adapter.deleteSession?.(storedHash ?? "");
    expect(await storedTokens(user.id)).toHaveLength(2);

    await adapter.deleteSession?.(drop);
    expect(await adapter.getSessionAndUser?.(drop)).toBeNull();
    expect(await storedTokens(user.id)).toEqual([hashSessionToken(keep)]);
    await expect(adapter.deleteSession?.(drop)).resolves.toBeUndefined();
  });
});

// next-auth's own request handling, with this adapter: the routes that set and read the cookie.
// `next-auth/core` is not in the package's exports, so it is loaded by its path.
interface Cookie {
  name: string;
  value: string;
  options: { expires?: Date };
}
interface InternalResponse {
  status?: number;
  redirect?: string;
  body?: unknown;
  cookies?: Cookie[];
}
const require = createRequire(import.meta.url);
const { AuthHandler } = require(join(dirname(require.resolve("next-auth")), "core/index.js")) as {
  AuthHandler: (params: {
    req: {
      action: string;
      method: string;
      providerId?: string;
      query?: Record<string, string>;
      body?: Record<string, string>;
      cookies?: Record<string, string>;
      headers?: Record<string, string>;
    };
    options: AuthOptions;
  }) => Promise<InternalResponse>;
};

/** What next-auth logged as errors (it turns adapter failures into redirects to its error page). */
const loggedErrors: unknown[] = [];

function nextAuthOptions(): AuthOptions {
  return {
    adapter: accountsAdapter(t.db),
    providers: [
      EmailProvider({
        server: "smtp://localhost:1",
        sendVerificationRequest: () => Promise.reject(new Error("the tests make their own links")),
      }),
    ],
    secret: SECRET,
    useSecureCookies: false,
    // updateAge 0: every session request renews the session (updateSession), as a day-old one does.
    session: { strategy: "database", maxAge: 30 * 86_400, updateAge: 0 },
    logger: {
      error: (code, metadata) => loggedErrors.push({ code, metadata }),
      warn: () => undefined,
      debug: () => undefined,
    },
  };
}

/** Signs in through next-auth's email callback with a fresh link; the response's session cookie. */
async function signInByEmail(email: string, cookies: Record<string, string> = {}) {
  const token = randomUUID();
  await t.db.verificationToken.create({
    data: { identifier: email, token: hashToken(token, SECRET), expires: inDays(1) },
  });
  const response = await AuthHandler({
    req: {
      action: "callback",
      providerId: "email",
      method: "GET",
      query: { token, email, callbackUrl: "http://localhost:3000/learn" },
      cookies,
      headers: {},
    },
    options: nextAuthOptions(),
  });
  return { response, cookie: response.cookies?.find((c) => c.name === COOKIE)?.value };
}

describe("next-auth with the adapter", () => {
  afterEach(() => {
    expect(loggedErrors.splice(0)).toEqual([]);
  });

  it("sets the clear token as the cookie at sign-in and stores only its hash", async () => {
    const email = `signin-${randomUUID()}@example.com`;
    const { response, cookie } = await signInByEmail(email);
    expect(response.redirect).toBe("http://localhost:3000/learn");
    expect(cookie).toBeTruthy();

    const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await storedTokens(user.id)).toEqual([hashSessionToken(cookie ?? "")]);
    expect((await findSessionUser(t.db, cookie ?? ""))?.id).toBe(user.id);
  });

  it("reads and renews the session from the cookie, and keeps the cookie's value", async () => {
    const email = `read-${randomUUID()}@example.com`;
    const { cookie = "" } = await signInByEmail(email);
    const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await t.db.session.updateMany({ where: { userId: user.id }, data: { expires: inDays(1) } });

    const response = await AuthHandler({
      req: { action: "session", method: "GET", cookies: { [COOKIE]: cookie }, headers: {} },
      options: nextAuthOptions(),
    });
    expect(response.body).toMatchObject({ user: { email } });
    expect(response.cookies?.find((c) => c.name === COOKIE)?.value).toBe(cookie);
    const rows = await t.db.session.findMany({
      where: { userId: user.id },
      select: { sessionToken: true, expires: true },
    });
    expect(rows.map((row) => row.sessionToken)).toEqual([hashSessionToken(cookie)]);
    expect(rows[0]?.expires.getTime()).toBeGreaterThan(inDays(29).getTime());

    // A cookie holding the stored hash (a copied database) is no session.
    const replay = await AuthHandler({
      req: {
        action: "session",
        method: "GET",
        cookies: { [COOKIE]: hashSessionToken(cookie) },
        headers: {},
      },
      options: nextAuthOptions(),
    });
    expect(replay.body).toEqual({});
  });

  it("signs an existing account in even with a stale session cookie in the browser", async () => {
    const user = await newUser();
    const { response, cookie } = await signInByEmail(user.email, { [COOKIE]: randomUUID() });
    expect(response.redirect).toBe("http://localhost:3000/learn");
    expect((await findSessionUser(t.db, cookie ?? ""))?.id).toBe(user.id);
  });

  it("signs out by the cookie: the session row is gone", async () => {
    const email = `signout-${randomUUID()}@example.com`;
    const { cookie = "" } = await signInByEmail(email);
    const csrf = await AuthHandler({
      req: { action: "csrf", method: "GET", headers: {} },
      options: nextAuthOptions(),
    });
    const csrfCookie = csrf.cookies?.find((c) => c.name === "next-auth.csrf-token")?.value ?? "";
    const { csrfToken } = csrf.body as { csrfToken: string };

    const response = await AuthHandler({
      req: {
        action: "signout",
        method: "POST",
        body: { csrfToken },
        cookies: { [COOKIE]: cookie, "next-auth.csrf-token": csrfCookie },
        headers: {},
      },
      options: nextAuthOptions(),
    });
    expect(response.redirect).toBeTruthy();
    expect(await findSessionUser(t.db, cookie)).toBeNull();
    expect(await t.db.session.count({ where: { sessionToken: hashSessionToken(cookie) } })).toBe(0);
  });
});
