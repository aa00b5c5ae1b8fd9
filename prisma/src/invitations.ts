import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

/**
 * Invitations to a cohort by e-mail, as its teachers send them and invited people accept them.
 * Every function that acts for a teacher takes their id and checks in the same query that they
 * teach the cohort (and, for a change, that it is not archived), so a forged id finds nothing.
 *
 * An invitation's link carries a random secret (`/invitations/<secret>`); the database keeps only
 * its SHA-256 (hex), so a leaked table opens no cohort. Sending it again replaces the secret (the
 * old link stops working) and the expiry.
 */

/** How long an invitation's link works, from the moment its (last) mail went out. */
export const INVITATION_DAYS = 14;
const INVITATION_MS = INVITATION_DAYS * 24 * 60 * 60_000;

/** A new link secret: 32 random bytes, base64url (43 characters). */
export function newInvitationSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a secret: its SHA-256, in hex (as the migration computed it). */
export function hashInvitationSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * Whether a link's last segment can be a secret at all: base64url, 32 to 128 characters. Anything
 * else is not looked up. (Nothing before this module made invitations, so no link of another
 * shape is in anyone's inbox.)
 */
export function isInvitationSecret(value: string): boolean {
  return /^[A-Za-z0-9_-]{32,128}$/.test(value);
}

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

/** An invitation's state: accepted and revoked are final; an open one expires with its link. */
export function invitationStatus(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

/** Whether an address can be invited now: new, already in the cohort, or invited and pending. */
export type AddressStatus = "new" | "member" | "pending";

type Client = Db | Prisma.TransactionClient;

const taughtOpen = (teacherId: string) => ({
  archivedAt: null,
  teachers: { some: { userId: teacherId } },
});

/** The statuses of addresses (lower-case) in a cohort; the caller has checked the teacher. */
async function statusesIn(
  db: Client,
  cohortId: string,
  emails: readonly string[],
  now: Date,
): Promise<Map<string, AddressStatus>> {
  const statuses = new Map<string, AddressStatus>(emails.map((email) => [email, "new"]));
  if (emails.length === 0) return statuses;
  const [pending, members] = await Promise.all([
    db.cohortInvitation.findMany({
      where: {
        cohortId,
        email: { in: [...emails] },
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      select: { email: true },
    }),
    db.cohortMembership.findMany({
      where: { cohortId, user: { email: { in: [...emails] } } },
      select: { user: { select: { email: true } } },
    }),
  ]);
  for (const { email } of pending) statuses.set(email, "pending");
  // A member is a member, whether or not an invitation is also pending.
  for (const { user } of members) statuses.set(user.email.toLowerCase(), "member");
  return statuses;
}

/**
 * Which of these addresses a teacher could invite to a cohort now, by address in lower case. Null
 * when they do not teach it or it is archived.
 */
export async function addressStatuses(
  db: Db,
  teacherId: string,
  cohortId: string,
  emails: readonly string[],
  now: Date = new Date(),
): Promise<Map<string, AddressStatus> | null> {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, ...taughtOpen(teacherId) },
    select: { id: true },
  });
  if (!cohort) return null;
  return statusesIn(db, cohortId, [...new Set(emails.map((email) => email.toLowerCase()))], now);
}

/** What a mail about an invitation names: the cohort, its language, and who invites. */
export interface InvitationContext {
  cohort: { id: string; name: string; locale: string; timeZone: string };
  /** The teacher who sends it: their name, else their address. */
  teacher: string;
}

export interface MadeInvitation {
  id: string;
  email: string;
  /** The link's secret, for the mail only: never stored. */
  secret: string;
  expiresAt: Date;
}

export interface CreatedInvitations extends InvitationContext {
  invited: MadeInvitation[];
  /** Addresses not invited: they joined or were invited since the teacher looked. */
  skipped: { email: string; status: Exclude<AddressStatus, "new"> }[];
}

/** Room for a list of 500 on a busy server (Prisma's defaults: 2 s to start, 5 s to run). */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

async function context(db: Client, cohortId: string, teacherId: string) {
  const [cohort, teacher] = await Promise.all([
    db.cohort.findUniqueOrThrow({
      where: { id: cohortId },
      select: { id: true, name: true, locale: true, timeZone: true },
    }),
    db.user.findUniqueOrThrow({ where: { id: teacherId }, select: { name: true, email: true } }),
  ]);
  // A name of spaces is no name.
  const name = teacher.name?.trim() ?? "";
  return { cohort, teacher: name.length > 0 ? name : teacher.email };
}

/**
 * Invites addresses (lower-case, each once) to a cohort the teacher teaches and that is not
 * archived: in one transaction, each address that is neither a member nor invited and pending
 * gets an invitation with a new secret. Sends to one cohort take turns on its row, so two at once
 * cannot both invite an address. Null when the teacher cannot invite to this cohort (nothing is
 * written).
 */
export async function createInvitations(
  db: Db,
  teacherId: string,
  cohortId: string,
  emails: readonly string[],
  now: Date = new Date(),
  newSecret: () => string = newInvitationSecret,
): Promise<CreatedInvitations | null> {
  const unique = [...new Set(emails.map((email) => email.toLowerCase()))];
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "Cohort" c
      WHERE c."id" = ${cohortId} AND c."archivedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "CohortTeacher" t
                    WHERE t."cohortId" = c."id" AND t."userId" = ${teacherId})
      FOR UPDATE OF c`;
    if (locked.length === 0) return null;
    const statuses = await statusesIn(tx, cohortId, unique, now);
    const expiresAt = new Date(now.getTime() + INVITATION_MS);
    const made = unique
      .filter((email) => statuses.get(email) === "new")
      .map((email) => {
        const secret = newSecret();
        return { email, secret, codeHash: hashInvitationSecret(secret) };
      });
    if (made.length > 0) {
      await tx.cohortInvitation.createMany({
        data: made.map(({ email, codeHash }) => ({
          cohortId,
          email,
          codeHash,
          expiresAt,
          sentAt: now,
        })),
      });
    }
    const ids = new Map(
      (
        await tx.cohortInvitation.findMany({
          where: { codeHash: { in: made.map((m) => m.codeHash) } },
          select: { id: true, codeHash: true },
        })
      ).map((row) => [row.codeHash, row.id]),
    );
    const skipped = unique.flatMap((email) => {
      const status = statuses.get(email) ?? "new";
      return status === "new" ? [] : [{ email, status }];
    });
    return {
      ...(await context(tx, cohortId, teacherId)),
      invited: made.map(({ email, secret, codeHash }) => ({
        id: ids.get(codeHash) ?? "",
        email,
        secret,
        expiresAt,
      })),
      skipped,
    };
  }, TRANSACTION_OPTIONS);
}

export interface InvitationListItem {
  id: string;
  email: string;
  status: InvitationStatus;
  expiresAt: Date;
  sentAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/**
 * A cohort's invitations for one of its teachers (archived cohorts too: they are read-only),
 * newest first. Null when they do not teach it. Who accepted is not said: they may have used
 * another address than the one the teacher typed.
 */
export async function invitationsOfCohort(
  db: Db,
  teacherId: string,
  cohortId: string,
  now: Date = new Date(),
): Promise<InvitationListItem[] | null> {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, teachers: { some: { userId: teacherId } } },
    select: {
      invitations: {
        select: {
          id: true,
          email: true,
          expiresAt: true,
          sentAt: true,
          acceptedAt: true,
          revokedAt: true,
          createdAt: true,
        },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      },
    },
  });
  if (!cohort) return null;
  return cohort.invitations.map((row) => ({ ...row, status: invitationStatus(row, now) }));
}

export type ResendResult =
  | ({ status: "resent"; invitation: MadeInvitation } & InvitationContext)
  | { status: "not_found" | "accepted" | "revoked" };

/**
 * Sends a pending or expired invitation again: a new secret (the old link stops working at once)
 * and a new expiry. An accepted or withdrawn one is not sent again.
 */
export async function resendInvitation(
  db: Db,
  teacherId: string,
  cohortId: string,
  invitationId: string,
  now: Date = new Date(),
  newSecret: () => string = newInvitationSecret,
): Promise<ResendResult> {
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + INVITATION_MS);
  return db.$transaction(async (tx) => {
    const where = { id: invitationId, cohortId, cohort: taughtOpen(teacherId) };
    const { count } = await tx.cohortInvitation.updateMany({
      where: { ...where, acceptedAt: null, revokedAt: null },
      data: { codeHash: hashInvitationSecret(secret), expiresAt, sentAt: now },
    });
    const row = await tx.cohortInvitation.findFirst({
      where,
      select: { id: true, email: true, acceptedAt: true, revokedAt: true },
    });
    if (!row) return { status: "not_found" };
    if (count === 0) return { status: row.acceptedAt ? "accepted" : "revoked" };
    return {
      status: "resent",
      invitation: { id: row.id, email: row.email, secret, expiresAt },
      ...(await context(tx, cohortId, teacherId)),
    };
  });
}

/**
 * Withdraws a pending or expired invitation: its link stops working. Withdrawing one already
 * withdrawn changes nothing; an accepted one cannot be withdrawn (remove the learner instead).
 */
export async function revokeInvitation(
  db: Db,
  teacherId: string,
  cohortId: string,
  invitationId: string,
  now: Date = new Date(),
): Promise<"revoked" | "already" | "accepted" | "not_found"> {
  const where = { id: invitationId, cohortId, cohort: taughtOpen(teacherId) };
  const { count } = await db.cohortInvitation.updateMany({
    where: { ...where, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 1) return "revoked";
  const row = await db.cohortInvitation.findFirst({ where, select: { acceptedAt: true } });
  if (!row) return "not_found";
  return row.acceptedAt ? "accepted" : "already";
}

/** What an invitation's link opens to, before anyone accepts: the cohort and who teaches it. */
export interface InvitationByLink {
  status: InvitationStatus;
  acceptedById: string | null;
  cohort: {
    id: string;
    name: string;
    description: string | null;
    archived: boolean;
    teachers: string[];
    teacherIds: string[];
  };
}

/** The invitation a link's secret opens; null for a secret that opens none. */
export async function invitationByLink(
  db: Db,
  secret: string,
  now: Date = new Date(),
): Promise<InvitationByLink | null> {
  if (!isInvitationSecret(secret)) return null;
  const row = await db.cohortInvitation.findUnique({
    where: { codeHash: hashInvitationSecret(secret) },
    select: {
      expiresAt: true,
      acceptedAt: true,
      acceptedById: true,
      revokedAt: true,
      cohort: {
        select: {
          id: true,
          name: true,
          description: true,
          archivedAt: true,
          teachers: {
            select: { userId: true, user: { select: { name: true } } },
            orderBy: [{ addedAt: "asc" }, { userId: "asc" }],
          },
        },
      },
    },
  });
  if (!row) return null;
  const { cohort } = row;
  return {
    status: invitationStatus(row, now),
    acceptedById: row.acceptedById,
    cohort: {
      id: cohort.id,
      name: cohort.name,
      description: cohort.description,
      archived: cohort.archivedAt !== null,
      teachers: cohort.teachers.flatMap(({ user }) => (user.name ? [user.name] : [])),
      teacherIds: cohort.teachers.map((t) => t.userId),
    },
  };
}

export type AcceptResult =
  | { status: "accepted"; cohortId: string; already: boolean }
  | { status: "unknown" | "expired" | "revoked" | "used" | "closed" | "teacher" }
  /** This user accepted it before: nothing to do again. */
  | { status: "yours"; cohortId: string };

/**
 * A signed-in user accepts the invitation whose link they hold (whatever address it went to):
 * they join its cohort and the invitation is marked accepted by them, once. Two at once: one
 * accepts, the other finds it used. Nothing changes for a link that is unknown, expired, revoked
 * or used, for an archived cohort, or for one of its teachers.
 */
export async function acceptInvitation(
  db: Db,
  userId: string,
  secret: string,
  now: Date = new Date(),
): Promise<AcceptResult> {
  if (!isInvitationSecret(secret)) return { status: "unknown" };
  const codeHash = hashInvitationSecret(secret);
  return db.$transaction(async (tx) => {
    const read = () =>
      tx.cohortInvitation.findUnique({
        where: { codeHash },
        select: {
          id: true,
          cohortId: true,
          expiresAt: true,
          acceptedAt: true,
          acceptedById: true,
          revokedAt: true,
          cohort: { select: { archivedAt: true, teachers: { where: { userId } } } },
        },
      });
    const refusal = (row: NonNullable<Awaited<ReturnType<typeof read>>>): AcceptResult | null => {
      const status = invitationStatus(row, now);
      if (status === "accepted") {
        return row.acceptedById === userId
          ? { status: "yours", cohortId: row.cohortId }
          : { status: "used" };
      }
      if (status !== "pending") return { status };
      if (row.cohort.archivedAt) return { status: "closed" };
      if (row.cohort.teachers.length > 0) return { status: "teacher" };
      return null;
    };
    const row = await read();
    if (!row) return { status: "unknown" };
    const refused = refusal(row);
    if (refused) return refused;
    const { count } = await tx.cohortInvitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (count === 0) {
      // Someone else accepted it, or a teacher withdrew it, since it was read.
      const again = await read();
      return (again && refusal(again)) ?? { status: "used" };
    }
    const joined = await tx.cohortMembership.createMany({
      data: [{ cohortId: row.cohortId, userId }],
      skipDuplicates: true,
    });
    return { status: "accepted", cohortId: row.cohortId, already: joined.count === 0 };
  });
}

/**
 * The invitation mails a teacher sent since a moment: the rate limit's own record
 * (`consumeRateLimit` with this bucket, one hit per mail), read before a list is sent so a list
 * that would pass the limit is refused whole, before any of it counts.
 */
export const INVITATION_MAIL_BUCKET = "invitation-mail:teacher";

export function invitationMailsSince(db: Db, teacherId: string, since: Date): Promise<number> {
  return db.rateLimitHit.count({
    where: { bucket: INVITATION_MAIL_BUCKET, key: teacherId, at: { gt: since } },
  });
}
