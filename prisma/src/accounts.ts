import { createHash } from "node:crypto";
import type { Db } from "./client.ts";
import type { Role } from "../generated/prisma/enums.ts";

/**
 * Accounts: the magic-link tokens and database sessions next-auth relies on, with the rules the
 * platform adds (a link expires and works once; opening it spends nothing).
 *
 * Magic-link tokens are stored as next-auth stores them: a hash of the emailed token (the caller
 * hashes), keyed by the address it was sent to. Session tokens are stored as a hash too
 * (`hashSessionToken`, applied here): the cookie holds the token, the database only its hash.
 */
export interface VerificationTokenKey {
  /** The e-mail address the link was sent to (normalised). */
  identifier: string;
  /** The hash of the token in the link, never the token itself. */
  token: string;
}

export interface VerificationTokenRecord extends VerificationTokenKey {
  expires: Date;
}

export async function createVerificationToken(
  db: Db,
  data: VerificationTokenRecord,
): Promise<VerificationTokenRecord> {
  return db.verificationToken.create({
    data,
    select: { identifier: true, token: true, expires: true },
  });
}

/**
 * Spends a token: deletes it and returns it, or null when there is none (never issued, already
 * spent) or it has expired (an expired one is deleted too). The delete is the check, so of two
 * requests racing with one link, exactly one gets it.
 */
export async function consumeVerificationToken(
  db: Db,
  { identifier, token }: VerificationTokenKey,
  now: Date = new Date(),
): Promise<VerificationTokenRecord | null> {
  if (!identifier || !token) return null;
  const rows = await db.$queryRaw<VerificationTokenRecord[]>`
    DELETE FROM "VerificationToken"
    WHERE "identifier" = ${identifier} AND "token" = ${token}
    RETURNING "identifier", "token", "expires"`;
  const row = rows[0];
  if (!row || row.expires.getTime() <= now.getTime()) return null;
  return row;
}

/**
 * Whether a link would still work, without spending it: what the confirm page shows on a GET
 * (mail scanners open links; only the form's POST spends the token).
 */
export async function peekVerificationToken(
  db: Db,
  { identifier, token }: VerificationTokenKey,
  now: Date = new Date(),
): Promise<{ identifier: string; expires: Date } | null> {
  if (!identifier || !token) return null;
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier, token } },
    select: { identifier: true, expires: true },
  });
  return row && row.expires.getTime() > now.getTime() ? row : null;
}

/** Forgets links that can no longer be used. */
export async function deleteExpiredVerificationTokens(
  db: Db,
  now: Date = new Date(),
): Promise<number> {
  const { count } = await db.verificationToken.deleteMany({ where: { expires: { lte: now } } });
  return count;
}

/** Forgets sessions past their end (next-auth refuses them anyway; this keeps nothing longer). */
export async function deleteExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expires: { lte: now } } });
  return count;
}

/**
 * What `Session.sessionToken` holds for a session cookie's value: its SHA-256, hex. A copy of the
 * table (a backup, a leaked dump) then names no cookie that would sign anyone in.
 *
 * A plain hash, with no salt, key or slow function, is enough because the token is not a password:
 * next-auth draws it at random (a random UUID, 122 random bits, or 32 random bytes where
 * `crypto.randomUUID` is missing), so there is no dictionary to try and no way to search back from
 * the hash. Unsalted also means one lookup by the hash, through the unique index.
 */
export function hashSessionToken(sessionToken: string): string {
  return createHash("sha256").update(sessionToken, "utf8").digest("hex");
}

export interface SessionRecord {
  /** The cookie's value: the clear token, never stored. */
  sessionToken: string;
  userId: string;
  expires: Date;
}

/**
 * Stores a new session under the hash of its token and returns it with the clear token (what
 * next-auth puts in the cookie).
 */
export async function createSession(db: Db, session: SessionRecord): Promise<SessionRecord> {
  const { userId, expires } = await db.session.create({
    data: {
      sessionToken: hashSessionToken(session.sessionToken),
      userId: session.userId,
      expires: session.expires,
    },
    select: { userId: true, expires: true },
  });
  return { sessionToken: session.sessionToken, userId, expires };
}

export interface SessionUserRecord {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/**
 * The user a session cookie belongs to, or null when the session is unknown or has expired.
 * `sessionToken` is the cookie's value; the stored hash itself finds nothing.
 */
export async function findSessionUser(
  db: Db,
  sessionToken: string,
  now: Date = new Date(),
): Promise<SessionUserRecord | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({
    where: { sessionToken: hashSessionToken(sessionToken) },
    select: {
      expires: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  });
  if (!session || session.expires.getTime() <= now.getTime()) return null;
  return session.user;
}

/** Ends one session (signing out), named by the cookie's value; true when there was one. */
export async function deleteSession(db: Db, sessionToken: string): Promise<boolean> {
  if (!sessionToken) return false;
  const { count } = await db.session.deleteMany({
    where: { sessionToken: hashSessionToken(sessionToken) },
  });
  return count > 0;
}
