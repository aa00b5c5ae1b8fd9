import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { stampRequest } from "./client-address";
import { FrontDoor } from "./front-door";
import { THROTTLE_HEADER } from "./retry-later";

/**
 * A real HTTP server put together as server.ts does (stamp, front door, app), with an app that
 * counts the requests it gets and refuses what the test says.
 */
function serve(app: (path: string) => { status: number; headers?: Record<string, string> }) {
  let clock = 1_000_000;
  const door = new FrontDoor({ now: () => clock });
  const reached: string[] = [];
  const server: Server = createServer((request, response) => {
    stampRequest(request, { trustedProxies: 1, secret: "test" });
    if (door.turnAway(request, response)) return;
    door.watch(request, response);
    const path = request.url ?? "/";
    reached.push(`${request.headers["x-neuronlab-client"] as string} ${path}`);
    const { status, headers = {} } = app(path);
    // Headers set one by one and the head written implicitly, as Next.js does.
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.statusCode = status;
    response.end(JSON.stringify({ error: { code: "from_app", message: "the app's answer" } }));
  });
  const ready = new Promise<string>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
  const ask = async (path: string, client: string, method = "POST", language?: string) => {
    const response = await fetch(`${await ready}${path}`, {
      method,
      headers: { "x-forwarded-for": client, ...(language ? { "accept-language": language } : {}) },
    });
    return {
      response,
      body: (await response.json()) as { error: { code: string; message: string } },
    };
  };
  return {
    door,
    reached,
    ask,
    advance: (ms: number) => {
      clock += ms;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const throttled = {
  status: 429,
  headers: { "Retry-After": "30", [THROTTLE_HEADER]: "grading_rate_limited" },
};

describe("FrontDoor", () => {
  it("answers a client the app told to wait itself, until Retry-After has passed", async () => {
    const site = serve(() => throttled);
    close = site.close;
    const first = await site.ask("/api/exercises/goal/attempts", "10.0.0.1");
    expect(first.response.status).toBe(429);
    expect(first.body.error.code).toBe("from_app");
    // The header is for the server only.
    expect(first.response.headers.has(THROTTLE_HEADER)).toBe(false);

    site.advance(10_000);
    const again = await site.ask("/api/exercises/goal/attempts?x=1", "10.0.0.1");
    expect(again.response.status).toBe(429);
    expect(again.response.headers.get("retry-after")).toBe("20");
    expect(again.body.error).toEqual({
      code: "grading_rate_limited",
      message:
        "Too many of these requests came from your network just now. Send it again in 20 seconds.",
    });
    expect(site.reached).toHaveLength(1);
    expect(site.door.turnedAway).toBe(1);

    site.advance(20_000);
    await site.ask("/api/exercises/goal/attempts", "10.0.0.1");
    expect(site.reached).toHaveLength(2);
  });

  it("says why in the request's language", async () => {
    const site = serve(() => throttled);
    close = site.close;
    await site.ask("/api/exercises/goal/attempts", "10.0.0.1");
    site.advance(29_000);
    const again = await site.ask("/api/exercises/goal/attempts", "10.0.0.1", "POST", "de-DE,de");
    expect(again.response.status).toBe(429);
    expect(again.body.error).toEqual({
      code: "grading_rate_limited",
      message:
        "Aus deinem Netzwerk kamen gerade zu viele solcher Anfragen. Sende sie in einer Sekunde noch einmal.",
    });
  });

  it("turns away only that client, that method and that path", async () => {
    const site = serve((path) => (path.startsWith("/refused") ? throttled : { status: 200 }));
    close = site.close;
    await site.ask("/refused", "10.0.0.1");
    await site.ask("/refused", "10.0.0.2");
    await site.ask("/refused", "10.0.0.1", "PUT");
    await site.ask("/other", "10.0.0.1");
    expect(site.reached).toEqual([
      "10.0.0.1 /refused",
      "10.0.0.2 /refused",
      "10.0.0.1 /refused",
      "10.0.0.1 /other",
    ]);
    expect(site.door.turnedAway).toBe(0);
  });

  it("remembers nothing for a 429 without the header, or without a wait", async () => {
    const answers = [
      { status: 429, headers: { "Retry-After": "30" } },
      { status: 429, headers: { [THROTTLE_HEADER]: "busy" } },
      { status: 200, headers: { "Retry-After": "30", [THROTTLE_HEADER]: "busy" } },
    ];
    let n = 0;
    const site = serve(() => answers[n++ % answers.length] ?? { status: 200 });
    close = site.close;
    for (let i = 0; i < 4; i++) await site.ask("/x", "10.0.0.1");
    expect(site.reached).toHaveLength(4);
  });
});
