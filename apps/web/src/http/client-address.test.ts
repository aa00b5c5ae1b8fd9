import type { IncomingMessage } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientAddress, EDGE_SECRET_ENV, isLoopbackRequest, stampRequest } from "./client-address";

const SECRET = "the-server's-secret-for-this-test";

/** What the server's request handler gets: the socket's address and the headers as sent. */
function incoming(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  const socket = { remoteAddress };
  return { headers: { ...headers }, socket, connection: socket } as unknown as IncomingMessage;
}

/** The headers the app sees after the server stamped the request. */
function stamped(
  remoteAddress: string,
  headers: Record<string, string>,
  trustedProxies = 0,
): Headers {
  const request = incoming(remoteAddress, headers);
  stampRequest(request, { trustedProxies, secret: SECRET });
  return new Headers(request.headers as Record<string, string>);
}

beforeEach(() => {
  process.env[EDGE_SECRET_ENV] = SECRET;
});
afterEach(() => {
  Reflect.deleteProperty(process.env, EDGE_SECRET_ENV);
});

describe("without a trusted proxy (the default)", () => {
  it("the client is the socket's address, whatever forwarding headers say", () => {
    const headers = stamped("203.0.113.7", {
      host: "neuronlab.example",
      "x-forwarded-for": "198.51.100.1",
      "x-real-ip": "198.51.100.2",
      forwarded: "for=198.51.100.3",
      "x-forwarded-host": "evil.tld",
      "x-forwarded-proto": "https",
    });
    expect(clientAddress(headers)).toBe("203.0.113.7");
    expect(headers.get("x-forwarded-for")).toBe("203.0.113.7");
    for (const name of ["x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto"]) {
      expect(headers.get(name), name).toBeNull();
    }
  });

  it("a client cannot set its own address or the server's stamp", () => {
    const headers = stamped("203.0.113.7", {
      "x-neuronlab-client": "127.0.0.1",
      "x-neuronlab-edge": "guess",
    });
    expect(clientAddress(headers)).toBe("203.0.113.7");
  });

  it("IPv4 addresses mapped into IPv6 are written as IPv4", () => {
    expect(clientAddress(stamped("::ffff:127.0.0.1", {}))).toBe("127.0.0.1");
  });
});

describe("behind TRUSTED_PROXY_COUNT proxies", () => {
  it("takes the address that many hops back, not the one the client wrote", () => {
    const sent = { "x-forwarded-for": "6.6.6.6, 198.51.100.9" };
    expect(clientAddress(stamped("10.0.0.2", sent, 1))).toBe("198.51.100.9");
    expect(
      clientAddress(
        stamped("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.0.0.1" }, 2),
      ),
    ).toBe("198.51.100.9");
  });

  it("keeps the proxy's X-Forwarded-Proto (HTTPS at the proxy)", () => {
    const headers = stamped(
      "10.0.0.2",
      { "x-forwarded-for": "198.51.100.9", "x-forwarded-proto": "https" },
      1,
    );
    expect(headers.get("x-forwarded-proto")).toBe("https");
  });
});

describe("clientAddress", () => {
  it("knows no address for a request the server did not stamp", () => {
    expect(clientAddress(new Headers({ "x-neuronlab-client": "127.0.0.1" }))).toBeUndefined();
    const headers = stamped("127.0.0.1", {});
    process.env[EDGE_SECRET_ENV] = "another process's secret";
    expect(clientAddress(headers)).toBeUndefined();
  });
});

describe("isLoopbackRequest", () => {
  it("is true for this machine asking for localhost", () => {
    expect(isLoopbackRequest(stamped("127.0.0.1", { host: "localhost:3000" }))).toBe(true);
    expect(isLoopbackRequest(stamped("::1", { host: "[::1]:3000" }))).toBe(true);
    expect(isLoopbackRequest(stamped("::ffff:127.0.0.1", { host: "127.0.0.1:3000" }))).toBe(true);
  });

  it("is false for another machine, even one that claims to be 127.0.0.1", () => {
    const claims = {
      host: "localhost:3000",
      "x-forwarded-for": "127.0.0.1",
      "x-real-ip": "127.0.0.1",
    };
    expect(isLoopbackRequest(stamped("192.168.1.20", claims))).toBe(false);
  });

  it("is false for a page on another site whose name was rebound to 127.0.0.1", () => {
    expect(isLoopbackRequest(stamped("127.0.0.1", { host: "evil.tld:3000" }))).toBe(false);
  });

  it("is false behind a proxy on this machine that forwards for someone else", () => {
    const headers = stamped(
      "127.0.0.1",
      { host: "localhost", "x-forwarded-for": "203.0.113.5" },
      1,
    );
    expect(isLoopbackRequest(headers)).toBe(false);
  });
});
