import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

/**
 * Who is asking, decided once per request by the platform's HTTP server (server.ts) from the
 * socket and from forwarding headers only as far as they are trusted, then read by the app.
 *
 * Next.js itself fills X-Forwarded-For from the socket only when a client has not sent one, so a
 * client could choose its own address. The server therefore rewrites every request before Next.js
 * sees it: with no trusted proxy (the default) forwarding headers are dropped and the socket's
 * address is the client; behind `TRUSTED_PROXY_COUNT` proxies the client is the address that many
 * hops back in X-Forwarded-For (proxy-addr). The result goes in X-Neuronlab-Client, next to a
 * per-process secret that proves the server wrote it: a request that did not pass through the
 * server (a plain `next start`, a test) has no known client address.
 */
export const CLIENT_HEADER = "x-neuronlab-client";
export const EDGE_HEADER = "x-neuronlab-edge";
/** The environment variable the server puts its per-process secret in. */
export const EDGE_SECRET_ENV = "NEURONLAB_EDGE_SECRET";

/** Headers that say something about the path a request took; only trusted proxies may set them. */
const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
] as const;

export interface StampOptions {
  /** How many proxies in front of the server append to X-Forwarded-For (0: clients connect directly). */
  trustedProxies: number;
  /** The server's per-process secret (EDGE_SECRET_ENV). */
  secret: string;
}

/** Rewrites a request's forwarding headers as described above. Called by server.ts for every request. */
export function stampRequest(request: IncomingMessage, { trustedProxies, secret }: StampOptions) {
  const client = normaliseAddress(
    trustedProxies > 0
      ? proxyaddr(request, (_address, hop) => hop < trustedProxies)
      : request.socket.remoteAddress,
  );
  const headers = request.headers;
  Reflect.deleteProperty(headers, CLIENT_HEADER);
  Reflect.deleteProperty(headers, EDGE_HEADER);
  if (trustedProxies === 0) {
    for (const name of FORWARDING_HEADERS) Reflect.deleteProperty(headers, name);
  } else {
    delete headers.forwarded;
    Reflect.deleteProperty(headers, "x-real-ip");
  }
  if (client) {
    headers["x-forwarded-for"] = client;
    headers[CLIENT_HEADER] = client;
  }
  headers[EDGE_HEADER] = secret;
}

/** The client's address as the server decided it, or undefined when the request did not pass through it. */
export function clientAddress(headers: Headers): string | undefined {
  const secret = process.env[EDGE_SECRET_ENV];
  const sent = headers.get(EDGE_HEADER);
  if (!secret || !sent || !sameSecret(sent, secret)) return undefined;
  return headers.get(CLIENT_HEADER) ?? undefined;
}

/**
 * Whether a request comes from this machine itself, asked for by a loopback name: the client
 * address is a loopback address, and the Host is `localhost`, `127.0.0.1` or `[::1]` (a page on
 * another site that rebinds its own name to 127.0.0.1 sends its own name as the Host).
 */
export function isLoopbackRequest(headers: Headers): boolean {
  const address = clientAddress(headers);
  if (!address || !isLoopbackAddress(address)) return false;
  const host = headers.get("host");
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

export function isLoopbackAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "loopback";
}

/** IPv4 addresses that arrive IPv6-mapped (`::ffff:10.0.0.1`) are written as IPv4. */
function normaliseAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
