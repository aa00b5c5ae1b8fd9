import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { requestLocale } from "../i18n/request-locale";
import { CLIENT_HEADER } from "./client-address";
import { errorText } from "./errors";
import { THROTTLE_HEADER, waitValues } from "./retry-later";

/** Refusals remembered at once (one per client, method and path); the oldest go first. */
const ENTRIES = 10_000;

interface Refusal {
  /** When the client may ask again (ms since the epoch). */
  until: number;
  code: string;
}

/**
 * The platform's server turns a client away itself while the app has told it to wait.
 *
 * When the app answers 429 with Retry-After and the throttle header (RetryLaterError), the server
 * remembers the client's address, the method and the path until then, and answers the same
 * request from the same client with a 429 of its own, never reaching Next.js. A client hammering
 * a refused route (as fast as it can, ignoring Retry-After) then costs a map lookup per request
 * instead of a trip through the app, and the event loop stays free for everyone else: the reason
 * `/api/health` stays fast while twenty clients flood goal grading (scripts/bench-grading.ts).
 *
 * Only requests the server has a client address for are remembered (server.ts stamps every one).
 */
export class FrontDoor {
  readonly #refused: LRUCache<string, Refusal>;
  readonly #now: () => number;
  /** Requests answered here (for tests). */
  turnedAway = 0;

  constructor({
    entries = ENTRIES,
    now = Date.now,
  }: { entries?: number; now?: () => number } = {}) {
    this.#refused = new LRUCache({ max: entries });
    this.#now = now;
  }

  /**
   * Answers the request with a 429 when its client was told to wait for it; true when it did
   * (the caller then leaves the request alone).
   */
  turnAway(request: IncomingMessage, response: ServerResponse): boolean {
    const key = refusalKey(request);
    if (key === undefined) return false;
    const refusal = this.#refused.get(key);
    if (!refusal) return false;
    const left = refusal.until - this.#now();
    if (left <= 0) {
      this.#refused.delete(key);
      return false;
    }
    const seconds = Math.max(1, Math.ceil(left / 1000));
    this.turnedAway += 1;
    // The message in the request's language (Accept-Language); the answer follows once it is.
    const language = request.headers["accept-language"];
    const locale = requestLocale(new Headers(language ? { "accept-language": language } : {}));
    void errorText({ key: "throttled", values: waitValues(seconds) }, locale).then((message) => {
      const body = JSON.stringify({ error: { code: refusal.code, message } });
      response.writeHead(429, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(body),
        "Cache-Control": "no-store",
        "Retry-After": String(seconds),
        "X-Content-Type-Options": "nosniff",
      });
      response.end(body);
    });
    return true;
  }

  /**
   * Watches the app's answer to a request: a 429 with the throttle header is remembered for its
   * Retry-After, and the header (meant for the server only) is taken off.
   */
  watch(request: IncomingMessage, response: ServerResponse): void {
    const key = refusalKey(request);
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    const remember = (code: string, retryAfter: unknown) => {
      const seconds = Number(retryAfter);
      if (key === undefined || !Number.isFinite(seconds) || seconds <= 0) return;
      this.#refused.set(key, { until: this.#now() + seconds * 1000, code });
    };
    // ServerResponse writes its head through `this.writeHead`, also when the head is implicit.
    response.writeHead = (statusCode: number, ...rest: unknown[]) => {
      // Headers given here join those set before, so that all are read in one place.
      const args: unknown[] = [];
      for (const arg of rest) {
        if (typeof arg !== "object" || arg === null || Array.isArray(arg)) args.push(arg);
        else {
          const headers = arg as OutgoingHttpHeaders;
          for (const [name, value] of Object.entries(headers)) {
            if (value !== undefined) response.setHeader(name, value);
          }
        }
      }
      const code = response.getHeader(THROTTLE_HEADER);
      if (code !== undefined) {
        response.removeHeader(THROTTLE_HEADER);
        if (statusCode === 429) remember(String(code), response.getHeader("retry-after"));
      }
      return writeHead(statusCode, ...args);
    };
  }
}

/** Who asks for what: the client's address (stamped by the server), the method and the path. */
function refusalKey(request: IncomingMessage): string | undefined {
  const client = request.headers[CLIENT_HEADER];
  if (typeof client !== "string" || client === "") return undefined;
  const path = (request.url ?? "/").split("?", 1)[0];
  return `${client} ${request.method ?? "GET"} ${path}`;
}
