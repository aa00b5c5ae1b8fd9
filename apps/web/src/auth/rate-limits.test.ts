import type { RateLimit, RateLimitResult } from "@neuronlab/db/rate-limit";
import { describe, expect, it } from "vitest";
import { errorText } from "../http/errors";
import { checkSignInLimits, clientIp, emailKey, SIGN_IN_LIMITS } from "./rate-limits";

/** An in-memory stand-in for consumeRateLimit (the real one is tested on the database). */
function counter(refuse: Partial<Record<string, number>> = {}) {
  const seen: RateLimit[] = [];
  const consume = (limit: RateLimit): Promise<RateLimitResult> => {
    seen.push(limit);
    const retryAfterMs = refuse[limit.bucket];
    return Promise.resolve(
      retryAfterMs === undefined ? { allowed: true } : { allowed: false, retryAfterMs },
    );
  };
  return { consume, seen };
}

describe("checkSignInLimits", () => {
  it("counts the request against the network, then the address (hashed)", async () => {
    const { consume, seen } = counter();
    expect(await checkSignInLimits(consume, { ip: "203.0.113.9", email: "a@example.com" })).toEqual(
      {
        allowed: true,
      },
    );
    expect(seen).toEqual([
      { ...SIGN_IN_LIMITS.ip, key: "203.0.113.9" },
      { ...SIGN_IN_LIMITS.email, key: emailKey("a@example.com") },
    ]);
    expect(seen[1]?.key).not.toContain("example.com");
  });

  it("refuses for the network with the time to wait, without counting the address", async () => {
    const { consume, seen } = counter({ "sign-in:ip": 5 * 60_000 + 1 });
    const result = await checkSignInLimits(consume, { ip: "203.0.113.9", email: "a@example.com" });
    expect(result).toEqual({
      allowed: false,
      by: "ip",
      retryAfterMs: 5 * 60_000 + 1,
      error: { key: "rate_limited.network", values: { minutes: 6 } },
      message: "Too many sign-in requests from your network. Try again in 6 minutes.",
    });
    expect(seen).toHaveLength(1);
    expect(!result.allowed && (await errorText(result.error, "de"))).toBe(
      "Aus deinem Netzwerk kamen zu viele Anmeldeanfragen. Versuch es in 6 Minuten noch einmal.",
    );
  });

  it("refuses for the address, pointing to the links already sent", async () => {
    const { consume } = counter({ "sign-in:email": 20_000 });
    const result = await checkSignInLimits(consume, { ip: "203.0.113.9", email: "a@example.com" });
    expect(result).toMatchObject({ allowed: false, by: "email", retryAfterMs: 20_000 });
    expect(!result.allowed && result.message).toBe(
      "Too many sign-in links were sent to this address. Use the latest one in your inbox, or try again in a minute.",
    );
    expect(!result.allowed && (await errorText(result.error, "de"))).toBe(
      "An diese Adresse wurden zu viele Anmeldelinks geschickt. Nutze den neuesten in deinem Postfach oder versuch es in einer Minute noch einmal.",
    );
  });

  it("allows a classroom behind one address, and only a few links per address", () => {
    expect(SIGN_IN_LIMITS.ip.limit).toBeGreaterThanOrEqual(30);
    expect(SIGN_IN_LIMITS.email.limit).toBeLessThanOrEqual(5);
  });
});

describe("emailKey", () => {
  it("counts +tag variants and letter case of one mailbox as one address", () => {
    const key = emailKey("pupil@example.com");
    expect(emailKey("pupil+1@example.com")).toBe(key);
    expect(emailKey("Pupil+anything@Example.com")).toBe(key);
    expect(emailKey("pupil2@example.com")).not.toBe(key);
    expect(emailKey("+x@example.com")).not.toBe(key);
  });
});

describe("clientIp", () => {
  it("never takes a forwarding header a client sent: without the server's stamp it is unknown", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBe("unknown");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("unknown");
    expect(clientIp(new Headers({ "x-neuronlab-client": "198.51.100.3" }))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
