import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { expect, test } from "./fixtures";
import { probe } from "./probe.ts";

// The holes found when the platform was probed as an attacker (issue 10), each tried again here
// against the running server, as the attacker sent it.

const uniqueEmail = (what: string) =>
  `${what}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

test.describe("local mode", () => {
  test("listens on 127.0.0.1 only: the machine's other addresses are refused", async ({
    baseURL,
  }) => {
    const port = Number(new URL(baseURL ?? "").port);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === "IPv4")
      .map((a) => a?.address ?? "");
    test.skip(others.length === 0, "this machine has no address but loopback");
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port });
        socket.once("connect", () => {
          socket.destroy();
          resolve("connected");
        });
        socket.once("error", (error: NodeJS.ErrnoException) => {
          resolve(error.code ?? "error");
        });
      });
      expect(outcome, `${address}:${String(port)}`).toBe("ECONNREFUSED");
    }
  });

  test("the outbox answers only this machine asking for localhost, whatever headers claim", async ({
    baseURL,
  }) => {
    const base = baseURL ?? "";
    expect((await probe(base, { path: "/dev/outbox" })).status).toBe(200);
    // A page on another site whose name was rebound to 127.0.0.1 sends its own name.
    expect(
      (await probe(base, { path: "/dev/outbox", headers: { host: "evil.tld:3100" } })).status,
    ).toBe(404);
    // Behind a proxy on this machine, the proxy's forwarding headers say who really asks; the
    // server trusts no proxy here, so it cannot know, and refuses.
    const forwarded = await probe(base, {
      path: "/dev/outbox",
      headers: { "x-forwarded-for": "203.0.113.9", host: "evil.tld" },
    });
    expect(forwarded.status).toBe(404);
  });

  test("a mailed link is built on the configured address, never on X-Forwarded-Host or Host", async ({
    baseURL,
    request,
  }) => {
    const email = uniqueEmail("forged-host");
    const asked = await probe(baseURL ?? "", {
      method: "POST",
      path: "/api/auth/signin/email",
      headers: {
        "content-type": "application/json",
        "x-forwarded-host": "evil.tld",
        "x-forwarded-proto": "https",
      },
      body: JSON.stringify({ email }),
    });
    expect(asked.status).toBe(200);
    const outbox = await (await request.get("/dev/outbox")).text();
    const start = outbox.indexOf(email);
    expect(start).toBeGreaterThan(-1);
    const links = [...outbox.slice(start).matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(links[0]).toMatch(/^http:\/\/127\.0\.0\.1:3100\/auth\/confirm\?/);
    expect(outbox).not.toContain("evil.tld");
  });
});

test("login CSRF: the e-mail callback refuses a request from another site and signs nobody in", async ({
  baseURL,
}) => {
  for (const headers of [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.tld" }]) {
    const answer = await probe(baseURL ?? "", {
      method: "POST",
      path: "/api/auth/callback/email",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: "token=anything&email=attacker%40example.com&callbackUrl=%2Fcourse",
    });
    expect(answer.status).toBe(403);
    expect(answer.headers["set-cookie"]).toBeUndefined();
  }
});

test("a chunked body past the limit is refused with 413 without being read whole", async ({
  baseURL,
}) => {
  const answer = await probe(baseURL ?? "", {
    method: "POST",
    path: "/api/exercises/neuron-compute-z/attempts",
    headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    body: " ".repeat(64 * 1024),
    chunks: 16 * 16, // 16 MB on offer
  });
  expect(answer.status).toBe(413);
});

test("next-auth's error route encodes the code it is given (no raw bytes in a header)", async ({
  baseURL,
}) => {
  for (const code of ["%E7%A2%81", "a%0Ab", "constructor"]) {
    const answer = await probe(baseURL ?? "", { path: `/api/auth/error?error=${code}` });
    expect(answer.status).toBe(302);
    expect(String(answer.headers.location)).toMatch(/^\/auth\/error\?error=[\w%.-]+$/);
  }
});

test("pages that look up a message by a user-given code show their own fallback for prototype names", async ({
  page,
}) => {
  for (const name of ["constructor", "__proto__", "toString"]) {
    await page.goto(`/auth/error?error=${name}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-in did not finish");
    const response = await page.goto(`/sign-in?error=${name}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  }
});
