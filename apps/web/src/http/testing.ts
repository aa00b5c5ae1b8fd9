import { CLIENT_HEADER, EDGE_HEADER, EDGE_SECRET_ENV } from "./client-address";
import { HttpError } from "./errors";

/** For tests: the HttpError a call is refused with (and a failure if it succeeds or fails otherwise). */
export async function refusal(call: Promise<unknown>): Promise<HttpError> {
  const outcome = await call.then(
    () => new Error("was accepted"),
    (caught: unknown) => caught,
  );
  if (!(outcome instanceof HttpError))
    throw new Error(`expected an HttpError, got ${String(outcome)}`);
  return outcome;
}

/**
 * For tests: the headers the platform's server (server.ts) puts on a request from `address`, so a
 * handler called directly sees that client address (src/http/client-address.ts).
 */
export function fromClient(address: string): Record<string, string> {
  const secret = (process.env[EDGE_SECRET_ENV] ??= "the-test-server's-secret");
  return { [CLIENT_HEADER]: address, [EDGE_HEADER]: secret };
}
