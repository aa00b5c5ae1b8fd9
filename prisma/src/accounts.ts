import type { Db } from "./client.ts";
import type { Role } from "../generated/prisma/enums.ts";

/**
 * Accounts: the magic-link tokens and database sessions next-auth relies on, with the rules the
 * platform adds (a link expires and works once; opening it spends nothing).
 *
 * Tokens are stored as next-auth stores them: a hash of the emailed token (the caller hashes),
 * keyed by the address it was sent to.
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

export interface SessionUserRecord {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/** The user a session cookie belongs to, or null when the session is unknown or has expired. */
export async function findSessionUser(
  db: Db,
  sessionToken: string,
  now: Date = new Date(),
): Promise<SessionUserRecord | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: {
      expires: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  });
  if (!session || session.expires.getTime() <= now.getTime()) return null;
  return session.user;
}

/** Ends one session (signing out); true when there was one. */
export async function deleteSession(db: Db, sessionToken: string): Promise<boolean> {
  if (!sessionToken) return false;
  const { count } = await db.session.deleteMany({ where: { sessionToken } });
  return count > 0;
}
