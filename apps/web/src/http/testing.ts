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
