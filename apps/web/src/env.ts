import "server-only";
import { parseEnv, type Env } from "./env-schema";

/**
 * The platform's configuration, read and checked once from the environment. Packages never read
 * process.env; they take what they need from here as arguments.
 */
export type { Env } from "./env-schema";

let cached: Env | undefined;

/** The checked environment; throws with every problem listed when it is invalid. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
