import "server-only";
import { env } from "../env";
import { resolveAuthSettings, type AuthSettings } from "./settings";

let cached: AuthSettings | undefined;

/** This process's account settings (see settings.ts for the rules); throws when misconfigured. */
export function authSettings(): AuthSettings {
  cached ??= resolveAuthSettings(env());
  return cached;
}

/**
 * next-auth's session cookie name: its default, with the __Secure- prefix when cookies are secure.
 * Depends only on the environment, so reading a session never fails on mail settings.
 */
export function sessionCookieName(): string {
  const { NODE_ENV, NEURONLAB_LOCAL } = env();
  const secure = NODE_ENV === "production" && !NEURONLAB_LOCAL;
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}
