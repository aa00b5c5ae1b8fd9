import "server-only";
import { z } from "zod";
import {
  auditLog,
  changeRole,
  peopleByIds,
  revokeCertificateAsAdmin,
  searchUsers,
  userForAdmin,
} from "@neuronlab/db/admin";
import type { Db } from "@neuronlab/db/client";
import { HttpError, issueValues } from "@/http/errors";
import { firstValue } from "@/http/query";
import { requireSignedIn, type Actor } from "@/teaching/teaching";
import { peopleNamedIn } from "./audit-view";

/**
 * The admins' area: finding people, changing their role, revoking a certificate, and reading the
 * audit log every such change writes. One function per page and server action, taking who is
 * asking (from the session, never from the request), the database and the request's fields as
 * they arrived; each checks the role first, validates every field here and refuses with an
 * HttpError the caller says in the admin's language. The database functions check again, in the
 * transaction that writes, that the actor is still an admin.
 *
 * Roles: an admin moves people between learner and educator. Nobody is made an admin here, no
 * admin's role is changed here, and no admin changes their own: admins are made by the operators.
 */

export function requireAdmin(actor: Actor): NonNullable<Actor> {
  const user = requireSignedIn(actor);
  if (user.role !== "ADMIN") throw new HttpError(403, "forbidden");
  return user;
}

/** The shortest and longest reason an admin gives for a change (it is kept in the audit log). */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** The longest search text. */
export const MAX_QUERY = 200;

const id = z.string().min(1).max(64);

const reason = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(REASON_MIN).max(REASON_MAX));

/** A page number from an address's query (`?page=2`); absent is the first. */
const pageField = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number)
  .pipe(z.number().int().min(1))
  .default(1);

/**
 * Checks a form or a query against `schema`. A reason that is missing, too short or too long gets
 * its own message; any other problem says where it is.
 */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.path[0] === "reason") {
    if (issue.code === "too_big")
      throw new HttpError(400, "admin_reason.too_long", { max: REASON_MAX });
    throw new HttpError(400, "admin_reason.too_short", { limit: REASON_MIN });
  }
  throw new HttpError(400, "invalid_admin_form", issueValues(result.error, input));
}

// ---------------------------------------------------------------------------------------------
// Pages

/** The admins' home: people whose address or name contains `q`, 25 a page. */
export async function loadUserSearch(actor: Actor, db: Db, query: Record<string, unknown>) {
  requireAdmin(actor);
  const { q, page } = parse(
    z.object({
      q: z
        .string()
        .transform((s) => s.trim())
        .pipe(z.string().max(MAX_QUERY))
        .default(""),
      page: pageField,
    }),
    { q: firstValue(query.q), page: firstValue(query.page) },
  );
  return { query: q, results: await searchUsers(db, { query: q, page }) };
}

/** One person for an admin: their facts, certificates and the audit history about them. */
export async function loadAdminUserPage(
  actor: Actor,
  db: Db,
  userId: string,
  query: Record<string, unknown> = {},
) {
  requireAdmin(actor);
  const { page } = parse(z.object({ page: pageField }), { page: firstValue(query.page) });
  if (!id.safeParse(userId).success) throw new HttpError(404, "user_not_found");
  const user = await userForAdmin(db, userId);
  if (!user) throw new HttpError(404, "user_not_found");
  // Entries about the person and about each of their certificates.
  const subjects = [user.id, ...user.certificates.map((c) => c.id)];
  const history = await auditLog(db, { page, subjectId: subjects });
  return { user, history, people: await peopleByIds(db, peopleNamedIn(history.items)) };
}

/** The whole audit log, newest first, 25 a page. */
export async function loadAuditPage(actor: Actor, db: Db, query: Record<string, unknown> = {}) {
  requireAdmin(actor);
  const { page } = parse(z.object({ page: pageField }), { page: firstValue(query.page) });
  const log = await auditLog(db, { page });
  return { log, people: await peopleByIds(db, peopleNamedIn(log.items)) };
}

// ---------------------------------------------------------------------------------------------
// Server actions

export const ROLE_CHOICES = ["LEARNER", "EDUCATOR", "ADMIN"] as const;

/** Sets a person's role to learner or educator, with the admin's reason, into the audit log. */
export async function changeRoleFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const admin = requireAdmin(actor);
  const fields = parse(z.object({ userId: id, role: z.enum(ROLE_CHOICES), reason }), input);
  const result = await changeRole(db, admin, fields);
  switch (result.status) {
    case "changed":
      return;
    case "unchanged":
      throw new HttpError(409, "role_unchanged");
    case "not_found":
      throw new HttpError(404, "user_not_found");
    case "own_role":
      throw new HttpError(403, "role_refused.own");
    case "admin_role":
      throw new HttpError(
        403,
        fields.role === "ADMIN" ? "role_refused.grant_admin" : "role_refused.admin",
      );
    case "pupil":
      throw new HttpError(409, "role_refused.pupil");
    case "not_admin":
      throw new HttpError(403, "forbidden");
  }
}

/** Revokes a certificate by its code, with the admin's reason, into the audit log. */
export async function revokeCertificateFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const admin = requireAdmin(actor);
  const fields = parse(z.object({ code: z.string().min(1).max(64), reason }), input);
  const result = await revokeCertificateAsAdmin(db, admin, fields);
  switch (result.status) {
    case "revoked":
      return;
    case "not_found":
      throw new HttpError(404, "certificate_not_found");
    case "already_revoked":
      throw new HttpError(409, "certificate_already_revoked");
    case "not_admin":
      throw new HttpError(403, "forbidden");
  }
}
