import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Env } from "../env-schema";

export type MailSettings =
  /** SMTP; a local run also keeps a copy of each mail in its outbox (`outboxDir`). */
  | { kind: "smtp"; url: string; from: string; outboxDir?: string }
  | { kind: "outbox"; dir: string; from: string };

/** The folder a local run keeps its mail in (with or without SMTP); undefined on a real server. */
export function localOutboxDir(mail: MailSettings): string | undefined {
  return mail.kind === "outbox" ? mail.dir : mail.outboxDir;
}

export interface OAuthKeys {
  clientId: string;
  clientSecret: string;
}

/** How accounts work in this process, decided once from the environment. */
export interface AuthSettings {
  /** Signs next-auth's CSRF and callback cookies and hashes the magic-link tokens. */
  secret: string;
  /**
   * The site's canonical origin (NEXTAUTH_URL, or http://localhost:PORT in a local run): links in
   * e-mails are built on it, never on a request's headers.
   */
  siteUrl: string;
  /** A developer's machine or CI: local outbox, generated secret, a localhost address. */
  local: boolean;
  /** Cookies only over HTTPS, with the __Secure- prefix: always on a production server. */
  secureCookies: boolean;
  mail: MailSettings;
  github: OAuthKeys | undefined;
  google: OAuthKeys | undefined;
}

/** Folder (under the app's working directory) for local-only state: the secret, the outbox. */
export const LOCAL_DATA_DIR = ".data";

type AuthEnv = Pick<
  Env,
  | "NODE_ENV"
  | "NEURONLAB_LOCAL"
  | "NEXTAUTH_URL"
  | "PORT"
  | "NEXTAUTH_SECRET"
  | "SMTP_URL"
  | "EMAIL_FROM"
  | "GITHUB_ID"
  | "GITHUB_SECRET"
  | "GOOGLE_ID"
  | "GOOGLE_SECRET"
>;

/**
 * The rules: a production server that is not a local run needs its secret, its HTTPS address and
 * an SMTP server, and fails with every missing one listed. A local run (NEURONLAB_LOCAL, or any
 * non-production NODE_ENV) keeps a generated secret in .data/ so sessions survive restarts, and
 * sends mail to the local outbox (and, when SMTP_URL is set, through SMTP as well).
 */
export function resolveAuthSettings(
  env: AuthEnv,
  { dataDir = LOCAL_DATA_DIR }: { dataDir?: string } = {},
): AuthSettings {
  const relaxed = env.NODE_ENV !== "production" || env.NEURONLAB_LOCAL;
  const problems: string[] = [];
  if (!relaxed) {
    if (!env.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET is required in production.");
    if (!env.NEXTAUTH_URL?.startsWith("https://")) {
      problems.push("NEXTAUTH_URL must be the site's https:// address in production.");
    }
    if (!env.SMTP_URL) problems.push("SMTP_URL is required in production to send sign-in links.");
  }
  const github = oauthKeys("GITHUB", env.GITHUB_ID, env.GITHUB_SECRET, problems);
  const google = oauthKeys("GOOGLE", env.GOOGLE_ID, env.GOOGLE_SECRET, problems);
  if (problems.length > 0) {
    throw new Error(`Accounts are not configured:\n${problems.join("\n")}`);
  }
  return {
    secret: env.NEXTAUTH_SECRET ?? localSecret(join(dataDir, "auth-secret")),
    siteUrl: new URL(env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).origin,
    local: relaxed,
    secureCookies: !relaxed,
    mail: env.SMTP_URL
      ? {
          kind: "smtp",
          url: env.SMTP_URL,
          from: env.EMAIL_FROM,
          ...(relaxed ? { outboxDir: join(dataDir, "outbox") } : {}),
        }
      : { kind: "outbox", dir: join(dataDir, "outbox"), from: env.EMAIL_FROM },
    github,
    google,
  };
}

function oauthKeys(
  name: string,
  clientId: string | undefined,
  clientSecret: string | undefined,
  problems: string[],
): OAuthKeys | undefined {
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (clientId || clientSecret) problems.push(`${name}_ID and ${name}_SECRET go together.`);
  return undefined;
}

/**
 * A random secret kept in a file: made by the first process that needs it (an exclusive create,
 * so two starting at once agree on one), read by every later one.
 */
export function localSecret(file: string): string {
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not made yet
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim(); // another process made it first
  }
}
