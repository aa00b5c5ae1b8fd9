import { randomUUID } from "node:crypto";
import {
  consumeVerificationToken,
  createVerificationToken,
  peekVerificationToken,
} from "@neuronlab/db/accounts";
import { consumeRateLimit } from "@neuronlab/db/rate-limit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { countRows, createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import type { Mail } from "./mail";
import {
  CONFIRM_PATH,
  hashToken,
  LINK_MINUTES,
  requestSignInLink,
  type SignInLinkDeps,
} from "./magic-link";
import { SIGN_IN_LIMITS } from "./rate-limits";

vi.mock("server-only", () => ({}));
const { accountsAdapter } = await import("./options");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

const SECRET = "test-secret-0123456789abcdef0123456789";
// Now, to the millisecond the database keeps: the adapter spends tokens by the real clock.
const t0 = new Date(Date.now());
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** The real data access on the test database, a clock, and an inbox in memory. */
function deps(now = t0, locale = "en") {
  const sent: Mail[] = [];
  const d: SignInLinkDeps = {
    consumeRateLimit: (limit) => consumeRateLimit(t.db, limit, now),
    saveToken: (token) => createVerificationToken(t.db, token),
    sendMail: (mail) => {
      sent.push(mail);
      return Promise.resolve();
    },
    secret: SECRET,
    origin: "https://neuronlab.example",
    localeFor: () => Promise.resolve(locale),
    now: () => now,
  };
  return { deps: d, sent };
}

const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

/** The token, address and callback in the link of a sent sign-in mail. */
function linkIn(mail: Mail | undefined) {
  const url = new URL(/https:\/\/\S+/.exec(mail?.text ?? "")?.[0] ?? "");
  return {
    url,
    token: url.searchParams.get("token") ?? "",
    email: url.searchParams.get("email") ?? "",
    callbackUrl: url.searchParams.get("callbackUrl") ?? "",
  };
}

describe("asking for a sign-in link", () => {
  it("stores the token's hash (never the token) and mails a link to the confirm page", async () => {
    const { deps: d, sent } = deps();
    const result = await requestSignInLink(
      { email: " New.Learner@Example.com ", callbackUrl: "/course/a-single-neuron" },
      uniqueIp(),
      d,
    );
    expect(result).toEqual({ ok: true, email: "new.learner@example.com" });
    expect(sent).toHaveLength(1);
    const link = linkIn(sent[0]);
    expect(link.url.origin + link.url.pathname).toBe(`https://neuronlab.example${CONFIRM_PATH}`);
    expect(link.email).toBe("new.learner@example.com");
    expect(link.callbackUrl).toBe("/course/a-single-neuron");

    const rows = await t.db.verificationToken.findMany({ where: { identifier: link.email } });
    expect(rows).toEqual([
      { identifier: link.email, token: hashToken(link.token, SECRET), expires: at(LINK_MINUTES) },
    ]);
    expect(rows[0]?.token).not.toBe(link.token);
  });

  it("writes in the recipient's language, with the confirm page in that language", async () => {
    const { deps: d, sent } = deps(t0, "de");
    const result = await requestSignInLink(
      { email: "deutsch@example.com", callbackUrl: "/de/course" },
      uniqueIp(),
      d,
    );
    expect(result.ok).toBe(true);
    expect(sent[0]?.subject).toBe("Dein Anmeldelink für Neuronlab");
    const link = linkIn(sent[0]);
    expect(link.url.pathname).toBe(`/de${CONFIRM_PATH}`);
    expect(link.callbackUrl).toBe("/de/course");
  });

  it("writes nothing for bad input, and says what is wrong", async () => {
    const before = await countRows(t.db);
    for (const input of [{ email: "nope" }, { email: "" }, {}, null, { email: "x".repeat(400) }]) {
      const { deps: d, sent } = deps();
      const result = await requestSignInLink(input, uniqueIp(), d);
      expect(result).toMatchObject({ ok: false, status: 400, code: "invalid_email" });
      expect(sent).toHaveLength(0);
    }
    expect(await countRows(t.db)).toEqual(before);
  });

  it("refuses a sixth link to one address within the window (429), from any network", async () => {
    const email = `limited-${randomUUID()}@example.com`;
    for (let i = 0; i < SIGN_IN_LIMITS.email.limit; i++) {
      const { deps: d } = deps(at(i));
      expect((await requestSignInLink({ email }, uniqueIp(), d)).ok).toBe(true);
    }
    const { deps: d, sent } = deps(at(5));
    const refused = await requestSignInLink({ email }, uniqueIp(), d);
    expect(refused).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
    expect(!refused.ok && refused.message).toMatch(
      /Too many sign-in links were sent to this address/,
    );
    expect(sent).toHaveLength(0);
    // Once the window has passed, the address may ask again.
    const { deps: later } = deps(at(20));
    expect((await requestSignInLink({ email }, uniqueIp(), later)).ok).toBe(true);
  });

  it("refuses a network past its limit, whatever the address", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      const { deps: d } = deps();
      expect(
        (await requestSignInLink({ email: `n${i}-${randomUUID()}@example.com` }, ip, d)).ok,
      ).toBe(true);
    }
    const { deps: d } = deps();
    const refused = await requestSignInLink({ email: `fresh-${randomUUID()}@example.com` }, ip, d);
    expect(refused).toMatchObject({ ok: false, status: 429 });
    expect(!refused.ok && refused.status === 429 && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("answers 503 when the mail cannot be sent", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { deps: d } = deps();
    const result = await requestSignInLink(
      { email: `down-${randomUUID()}@example.com` },
      uniqueIp(),
      {
        ...d,
        sendMail: () => Promise.reject(new Error("connection refused")),
      },
    );
    expect(result).toMatchObject({ ok: false, status: 503, code: "mail_failed" });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe("the emailed link, as next-auth spends it", () => {
  async function freshLink() {
    const { deps: d, sent } = deps();
    await requestSignInLink({ email: `link-${randomUUID()}@example.com` }, uniqueIp(), d);
    const link = linkIn(sent[0]);
    return { ...link, key: { identifier: link.email, token: hashToken(link.token, SECRET) } };
  }

  it("is not spent by opening it (GET of the confirm page), however often", async () => {
    const { key } = await freshLink();
    for (let i = 0; i < 3; i++)
      expect(await peekVerificationToken(t.db, key, at(1))).not.toBeNull();
    expect(await t.db.verificationToken.count({ where: key })).toBe(1);
  });

  it("signs in once: the adapter's spend works the first time, never again", async () => {
    const { key, email } = await freshLink();
    const adapter = accountsAdapter(t.db);
    const spent = await adapter.useVerificationToken?.(key);
    expect(spent?.identifier).toBe(email);
    expect(await adapter.useVerificationToken?.(key)).toBeNull();
    expect(await peekVerificationToken(t.db, key, at(1))).toBeNull();
  });

  it("expires after 10 minutes", async () => {
    const { key } = await freshLink();
    expect(await peekVerificationToken(t.db, key, at(LINK_MINUTES - 0.01))).not.toBeNull();
    expect(await peekVerificationToken(t.db, key, at(LINK_MINUTES))).toBeNull();
    expect(await consumeVerificationToken(t.db, key, at(LINK_MINUTES + 1))).toBeNull();
  });

  it("a token with another address, or a guessed token, spends nothing", async () => {
    const { key, token } = await freshLink();
    const adapter = accountsAdapter(t.db);
    expect(
      await adapter.useVerificationToken?.({ ...key, identifier: "someone@example.com" }),
    ).toBeNull();
    expect(await adapter.useVerificationToken?.({ ...key, token })).toBeNull(); // unhashed
    expect(await peekVerificationToken(t.db, key, at(1))).not.toBeNull();
  });

  it("creates the account under the lower-case address", async () => {
    const adapter = accountsAdapter(t.db);
    const user = await adapter.createUser?.({
      id: "ignored",
      email: `Mixed.Case-${randomUUID()}@Example.com`,
      emailVerified: new Date(),
    });
    expect(user?.email).toBe(user?.email.toLowerCase());
    expect((await adapter.getUserByEmail?.(user?.email.toUpperCase() ?? ""))?.id).toBe(user?.id);
  });
});
