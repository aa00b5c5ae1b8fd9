import type { Db } from "./client.ts";
import { Prisma, type Role } from "../generated/prisma/client.ts";
import { normaliseCertificateCode } from "./certificates.ts";
import { isPupilEmail, PUPIL_EMAIL_DOMAIN } from "./pupils.ts";

/**
 * The admins' area: finding people, their role, revoking a certificate, and the audit log every
 * admin action writes. Each change runs in one transaction with its audit entry, so a change is
 * never without its entry nor an entry without its change. The actor is checked in the same
 * transaction (still an admin, read from the database, never from the request), and the address
 * the entry keeps is theirs at that moment.
 *
 * Roles: an admin moves people between LEARNER and EDUCATOR. Nobody becomes ADMIN this way, and an
 * admin's role is not changed this way either (nor one's own): admins are made and unmade by the
 * operators, in the database, so one admin account taken over cannot make more of them or lock
 * the others out.
 *
 * The log is append-only: the migration's rules make every UPDATE and DELETE of "AuditEntry"
 * change nothing, whoever sends it.
 */

/** Rows per page of the user search and of the audit log. */
export const ADMIN_PAGE_SIZE = 25;

/** Audit actions this module writes. */
export const AUDIT_ACTIONS = {
  role: "user.role",
  revokeCertificate: "certificate.revoke",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

/** Who does it: the signed-in admin's id (their role and address are read in the transaction). */
export interface AdminActor {
  id: string;
}

/** A page number as asked (1 is the first); anything else is the first. */
function pageNumber(page: number | undefined): number {
  return page !== undefined && Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** Text for a LIKE pattern: its own %, _ and \ are literal characters, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------------
// Finding people

export interface UserListItem {
  id: string;
  name: string | null;
  /** Null for a pupil: their placeholder address says nothing and is never shown. */
  email: string | null;
  pupil: boolean;
  role: Role;
  createdAt: Date;
}

export interface Paged<T> {
  items: T[];
  total: number;
  /** The page these items are (1 is the first). */
  page: number;
  pageSize: number;
  /** How many pages there are (at least 1). */
  pages: number;
}

function paged<T>(items: T[], total: number, page: number): Paged<T> {
  return {
    items,
    total,
    page,
    pageSize: ADMIN_PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
  };
}

const pupilDomain = `@${PUPIL_EMAIL_DOMAIN}`;

function listItem(user: Omit<UserListItem, "pupil">): UserListItem {
  const pupil = isPupilEmail(user.email ?? "");
  return { ...user, email: pupil ? null : user.email, pupil };
}

/**
 * People whose address or name contains `query` (any letter case; an empty query finds everyone),
 * newest first, 25 a page, with how many there are in all. A pupil is found by name only: their
 * placeholder address is neither searched nor shown.
 */
export async function searchUsers(
  db: Db,
  { query, page }: { query: string; page?: number },
): Promise<Paged<UserListItem>> {
  const current = pageNumber(page);
  const text = query.trim();
  // A raw query: Prisma's `contains` leaves % and _ as wildcards, so the pattern is made here.
  const pattern = `%${likeLiteral(text)}%`;
  const where: Prisma.Sql =
    text === ""
      ? Prisma.sql`TRUE`
      : Prisma.sql`(("email" ILIKE ${pattern} AND "email" NOT LIKE ${`%${likeLiteral(pupilDomain)}`})
          OR "name" ILIKE ${pattern})`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Omit<UserListItem, "pupil">[]>`
      SELECT "id", "name", "email", "role", "createdAt" FROM "User"
      WHERE ${where}
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${ADMIN_PAGE_SIZE} OFFSET ${(current - 1) * ADMIN_PAGE_SIZE}`,
    db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM "User" WHERE ${where}`,
  ]);
  return paged(rows.map(listItem), Number(counted[0]?.n ?? 0), current);
}

export interface AdminCertificate {
  id: string;
  code: string;
  /** The name printed on it. */
  name: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

export interface UserForAdmin extends UserListItem {
  cohortsTaught: number;
  cohortsJoined: number;
  certificates: AdminCertificate[];
}

/** What an admin sees about one person; null when there is no such account. */
export async function userForAdmin(db: Db, userId: string): Promise<UserForAdmin | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      _count: { select: { teaching: true, memberships: true } },
      certificates: {
        select: { id: true, code: true, name: true, issuedAt: true, revokedAt: true },
        orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
      },
    },
  });
  if (!user) return null;
  const { _count, certificates, ...rest } = user;
  return {
    ...listItem(rest),
    cohortsTaught: _count.teaching,
    cohortsJoined: _count.memberships,
    certificates,
  };
}

/**
 * The people with these ids as a list shows them (for the audit log's actors and subjects): a
 * pupil by name only. Ids of accounts that are gone are left out.
 */
export async function peopleByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Pick<UserListItem, "name" | "email" | "pupil">>> {
  const rows = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, email: true },
  });
  return new Map(
    rows.map((row) => {
      const pupil = isPupilEmail(row.email);
      return [row.id, { name: row.name, email: pupil ? null : row.email, pupil }];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Changes, each with its audit entry

interface AuditInput {
  action: AuditAction;
  subjectType: "User" | "Certificate";
  subjectId: string;
  before: Prisma.InputJsonObject;
  after: Prisma.InputJsonObject;
  reason: string;
}

/** The actor as the database knows them now; null unless they are an admin. */
async function adminIn(tx: Prisma.TransactionClient, actor: AdminActor) {
  const found = await tx.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, role: true },
  });
  return found?.role === "ADMIN" ? found : null;
}

async function writeAudit(
  tx: Prisma.TransactionClient,
  admin: { id: string; email: string },
  entry: AuditInput,
): Promise<void> {
  await tx.auditEntry.create({
    data: { actorId: admin.id, actorEmail: admin.email, ...entry },
  });
}

export type ChangeRoleResult =
  | { status: "changed"; before: Role; after: Role }
  /** They have this role already: nothing was written. */
  | { status: "unchanged" }
  | { status: "not_found" }
  /** The actor is not (or no longer) an admin. */
  | { status: "not_admin" }
  /** An admin's own role stays as it is. */
  | { status: "own_role" }
  /** Nobody is made an admin, and an admin's role is not changed, here. */
  | { status: "admin_role" }
  /** A pupil's account (made from a printed card) cannot teach. */
  | { status: "pupil" };

/**
 * Sets a person's role to LEARNER or EDUCATOR, with its audit entry (before, after, reason), in
 * one transaction; the person's row is locked first, so two admins at once take turns and the
 * second sees the first's change. Refusals and a change to the role they have write nothing.
 * Their cohorts stay as they are (an educator made a learner no longer reaches them).
 */
export async function changeRole(
  db: Db,
  actor: AdminActor,
  { userId, role, reason }: { userId: string; role: Role; reason: string },
): Promise<ChangeRoleResult> {
  return db.$transaction(async (tx): Promise<ChangeRoleResult> => {
    const admin = await adminIn(tx, actor);
    if (!admin) return { status: "not_admin" };
    if (admin.id === userId) return { status: "own_role" };
    const locked = await tx.$queryRaw<{ role: Role; email: string }[]>`
      SELECT "role", "email" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const target = locked[0];
    if (!target) return { status: "not_found" };
    if (role === "ADMIN" || target.role === "ADMIN") return { status: "admin_role" };
    if (target.role === role) return { status: "unchanged" };
    if (role === "EDUCATOR" && (await isPupilIn(tx, userId, target.email))) {
      return { status: "pupil" };
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    await writeAudit(tx, admin, {
      action: AUDIT_ACTIONS.role,
      subjectType: "User",
      subjectId: userId,
      before: { role: target.role },
      after: { role },
      reason,
    });
    return { status: "changed", before: target.role, after: role };
  });
}

async function isPupilIn(tx: Prisma.TransactionClient, userId: string, email: string) {
  return isPupilEmail(email) || (await tx.pupilCard.count({ where: { userId } })) > 0;
}

export type RevokeCertificateResult =
  | { status: "revoked"; certificateId: string; userId: string; code: string; revokedAt: Date }
  /** Not a code, or no certificate has it. */
  | { status: "not_found" }
  | { status: "already_revoked"; revokedAt: Date }
  | { status: "not_admin" };

/**
 * Revokes a certificate by its code (as typed: case, spaces and dashes do not matter), with its
 * audit entry, in one transaction; its public page then says it is revoked. A certificate that is
 * already revoked stays as it was, and nothing is written.
 */
export async function revokeCertificateAsAdmin(
  db: Db,
  actor: AdminActor,
  { code, reason }: { code: string; reason: string },
  now: Date = new Date(),
): Promise<RevokeCertificateResult> {
  const normalised = normaliseCertificateCode(code);
  return db.$transaction(async (tx): Promise<RevokeCertificateResult> => {
    const admin = await adminIn(tx, actor);
    if (!admin) return { status: "not_admin" };
    if (!normalised) return { status: "not_found" };
    const locked = await tx.$queryRaw<{ id: string; userId: string; revokedAt: Date | null }[]>`
      SELECT "id", "userId", "revokedAt" FROM "Certificate" WHERE "code" = ${normalised} FOR UPDATE`;
    const certificate = locked[0];
    if (!certificate) return { status: "not_found" };
    if (certificate.revokedAt)
      return { status: "already_revoked", revokedAt: certificate.revokedAt };
    await tx.certificate.update({ where: { id: certificate.id }, data: { revokedAt: now } });
    await writeAudit(tx, admin, {
      action: AUDIT_ACTIONS.revokeCertificate,
      subjectType: "Certificate",
      subjectId: certificate.id,
      before: { code: normalised, holderId: certificate.userId, revokedAt: null },
      after: { code: normalised, holderId: certificate.userId, revokedAt: now.toISOString() },
      reason,
    });
    return {
      status: "revoked",
      certificateId: certificate.id,
      userId: certificate.userId,
      code: normalised,
      revokedAt: now,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the log

export interface AuditLogEntry {
  id: string;
  actorId: string;
  actorEmail: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  reason: string | null;
  createdAt: Date;
}

/**
 * The audit log, newest first, 25 a page: all of it, or what concerns one record (`subjectId`)
 * or several (a person and their certificates).
 */
export async function auditLog(
  db: Db,
  { page, subjectId }: { page?: number; subjectId?: string | readonly string[] },
): Promise<Paged<AuditLogEntry>> {
  const current = pageNumber(page);
  const where: Prisma.AuditEntryWhereInput =
    subjectId === undefined
      ? {}
      : { subjectId: typeof subjectId === "string" ? subjectId : { in: [...subjectId] } };
  const [items, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
    }),
    db.auditEntry.count({ where }),
  ]);
  return paged(items, total, current);
}

/**
 * Whether the latest admin decision on this person's role made them a learner: an educator role
 * an admin took away. For "I teach", which should not simply undo that decision.
 */
export async function educatorRoleRevoked(db: Db, userId: string): Promise<boolean> {
  const latest = await db.auditEntry.findFirst({
    where: { action: AUDIT_ACTIONS.role, subjectType: "User", subjectId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { after: true },
  });
  const after = latest?.after;
  return (
    typeof after === "object" && after !== null && !Array.isArray(after) && after.role === "LEARNER"
  );
}
