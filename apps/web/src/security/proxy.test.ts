import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const get = (headers: Record<string, string> = {}, path = "/course") =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));

describe("proxy", () => {
  it("sends HSTS only on responses served over HTTPS", async () => {
    expect(
      (await get({ "x-forwarded-proto": "https" })).headers.get("strict-transport-security"),
    ).toMatch(/max-age=\d{8}/);
    expect((await get()).headers.get("strict-transport-security")).toBeNull();
  });

  it("gives every response a policy with a nonce of its own, and hands the nonce to the page", async () => {
    const [first, second] = await Promise.all([get(), get()]);
    const nonce = (r: Response) =>
      /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce(first));
  });

  it("answers a broken encoding with 400 before any route", async () => {
    const response = await get({}, "/course/%FF");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "malformed_address" } });
  });
});
