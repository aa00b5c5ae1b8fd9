import "server-only";
import { z } from "zod";
import type { Db } from "@neuronlab/db/client";
import {
  acceptInvitation,
  addressStatuses,
  createInvitations,
  INVITATION_DAYS,
  INVITATION_MAIL_BUCKET,
  invitationByLink,
  invitationMailsSince,
  invitationsOfCohort as listInvitations,
  resendInvitation,
  revokeInvitation,
  type InvitationListItem,
} from "@neuronlab/db/invitations";
import { consumeRateLimit } from "@neuronlab/db/rate-limit";
import { authSettings } from "@/auth/config";
import { createMailer, type SendMail } from "@/auth/mail";
import { HttpError, issueValues } from "@/http/errors";
import { requireEducator, requireSignedIn, type Actor } from "@/teaching/teaching";
import { MAX_ADDRESSES, MAX_LIST_BYTES, readAddressList, type ListProblem } from "./address-list";
import type { InvitationPreview, PreviewRow, SendResult } from "./invite-state";
import { sendInvitationMails } from "./mail";

/**
 * Inviting learners to a cohort by e-mail: one function per page and server action, each taking
 * who is asking (from the session, never from the request), the database and the request's fields
 * as they arrived, like teaching.ts. The role is checked here, the record in the database query;
 * a refusal is an HttpError the caller says in the user's language, and changes nothing.
 */

export { INVITATION_DAYS, MAX_ADDRESSES, MAX_LIST_BYTES };

/** Invitation mails one educator may send in 24 hours (lists and resends together). */
export const INVITATIONS_PER_DAY = 1000;
const DAY_MS = 24 * 60 * 60_000;

/** What sending needs from the outside world: tests hand in their own. */
export interface InvitationDeps {
  sendMail: SendMail;
  /** The site's configured address: links are built on it. */
  siteUrl: string;
  now: () => Date;
  perDay: number;
}

let mailer: SendMail | undefined;

/** The process's mailer and site address (auth/config.ts). */
export function defaultInvitationDeps(): InvitationDeps {
  const settings = authSettings();
  mailer ??= createMailer(settings.mail);
  return {
    sendMail: mailer,
    siteUrl: settings.siteUrl,
    now: () => new Date(),
    perDay: INVITATIONS_PER_DAY,
  };
}

const cohortNotFound = () => new HttpError(404, "cohort_not_found");

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new HttpError(400, "invalid_invitation_form", issueValues(result.error, input));
  }
  return result.data;
}

const id = z.string().min(1).max(64);
/** A list's text: its size is checked as it is read, with a message of its own. */
const listText = z.string();

function listRefusal(problem: ListProblem): HttpError {
  switch (problem.kind) {
    case "too_large":
      return new HttpError(413, "invitation_list_too_large", {
        kb: String(MAX_LIST_BYTES / 1024),
      });
    case "too_many":
      return new HttpError(413, "invitation_list_too_long", {
        max: MAX_ADDRESSES,
        count: problem.count,
      });
    case "empty":
      return new HttpError(400, "invitation_list_empty");
    case "csv":
      return new HttpError(400, "invitation_list_unreadable", { line: problem.line });
  }
}

function readList(text: string) {
  // More characters than the limit's bytes is more bytes too: not worth encoding to count them.
  if (text.length > MAX_LIST_BYTES) throw listRefusal({ kind: "too_large", bytes: text.length });
  const list = readAddressList(text);
  if (!list.ok) throw listRefusal(list.problem);
  return list.entries;
}

/** Reads a list and says, row by row, what sending it would do. Writes nothing. */
async function previewList(
  db: Db,
  teacherId: string,
  cohortId: string,
  text: string,
  now: Date,
): Promise<InvitationPreview> {
  const entries = readList(text);
  const emails = entries.flatMap((e) => (e.email && e.duplicateOf === undefined ? [e.email] : []));
  const statuses = await addressStatuses(db, teacherId, cohortId, emails, now);
  if (!statuses) throw cohortNotFound();
  const rows = entries.map((entry): PreviewRow => {
    const base = { row: entry.row, value: entry.value };
    if (!entry.email) return { ...base, status: "invalid", reason: entry.reason ?? "format" };
    if (entry.duplicateOf !== undefined) {
      return { ...base, status: "duplicate", duplicateOf: entry.duplicateOf };
    }
    return { ...base, status: statuses.get(entry.email) ?? "new" };
  });
  const invite = emails.filter((email) => statuses.get(email) === "new");
  return { rows, invite };
}

/**
 * Step 1: the list as pasted or read from a file in the browser (`addresses`), read and checked
 * against the cohort. Nothing is written.
 */
export async function previewInvitationsFor(
  actor: Actor,
  db: Db,
  input: unknown,
  now: Date = new Date(),
): Promise<InvitationPreview> {
  const user = requireEducator(actor);
  const { cohortId, addresses } = parse(z.object({ cohortId: id, addresses: listText }), input);
  return previewList(db, user.id, cohortId, addresses, now);
}

/** Refuses, before anything is written or counted, a send that would pass the daily limit. */
async function checkDailyLimit(db: Db, teacherId: string, count: number, deps: InvitationDeps) {
  const now = deps.now();
  const used = await invitationMailsSince(db, teacherId, new Date(now.getTime() - DAY_MS));
  if (used + count > deps.perDay) {
    throw new HttpError(429, "invitation_rate_limited", {
      limit: deps.perDay,
      left: Math.max(0, deps.perDay - used),
      count,
    });
  }
}

/**
 * Counts mails against the daily limit, one hit each in the rate limit's shared record; false
 * when the limit refused one (another send of the same educator's got there first). One short
 * transaction a mail: a list of 500 takes seconds on the embedded database.
 */
async function countMails(
  db: Db,
  teacherId: string,
  count: number,
  deps: InvitationDeps,
): Promise<boolean> {
  const now = deps.now();
  const limit = {
    bucket: INVITATION_MAIL_BUCKET,
    key: teacherId,
    limit: deps.perDay,
    windowMs: DAY_MS,
  };
  for (let i = 0; i < count; i++) {
    if (!(await consumeRateLimit(db, limit, now)).allowed) return false;
  }
  return true;
}

/**
 * Step 2: invites every address of the list that is new to the cohort, in one transaction, and
 * mails each its link. The list is read and checked again here (the preview is not trusted); an
 * address that joined or was invited since is skipped.
 */
export async function sendInvitationsFor(
  actor: Actor,
  db: Db,
  input: unknown,
  deps: InvitationDeps = defaultInvitationDeps(),
): Promise<SendResult> {
  const user = requireEducator(actor);
  const { cohortId, addresses } = parse(z.object({ cohortId: id, addresses: listText }), input);
  const now = deps.now();
  const preview = await previewList(db, user.id, cohortId, addresses, now);
  if (preview.invite.length === 0) throw new HttpError(409, "invitation_nothing_to_send");
  await checkDailyLimit(db, user.id, preview.invite.length, deps);
  if (!(await countMails(db, user.id, preview.invite.length, deps))) {
    throw new HttpError(429, "invitation_rate_limited", {
      limit: deps.perDay,
      left: 0,
      count: preview.invite.length,
    });
  }
  const created = await createInvitations(db, user.id, cohortId, preview.invite, now);
  if (!created) throw cohortNotFound();
  const failed = await sendInvitationMails(deps.sendMail, deps.siteUrl, created, created.invited);
  return {
    sent: created.invited.length - failed.length,
    skipped: preview.rows.length - created.invited.length,
    failed,
  };
}

const invitationInput = z.object({ cohortId: id, invitationId: id });

/** Sends a pending or expired invitation again, with a new link; the old one stops working. */
export async function resendInvitationFor(
  actor: Actor,
  db: Db,
  input: unknown,
  deps: InvitationDeps = defaultInvitationDeps(),
): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, invitationId } = parse(invitationInput, input);
  await checkDailyLimit(db, user.id, 1, deps);
  const result = await resendInvitation(db, user.id, cohortId, invitationId, deps.now());
  switch (result.status) {
    case "not_found":
      throw new HttpError(404, "invitation_not_found");
    case "accepted":
      throw new HttpError(409, "invitation_accepted");
    case "revoked":
      throw new HttpError(409, "invitation_withdrawn");
    case "resent":
      break;
  }
  // Counted once it is sure to go out (the limit was checked above, before anything changed).
  await countMails(db, user.id, 1, deps);
  const failed = await sendInvitationMails(deps.sendMail, deps.siteUrl, result, [
    result.invitation,
  ]);
  if (failed.length > 0) throw new HttpError(503, "mail_failed");
}

/** Withdraws a pending or expired invitation: its link stops working. */
export async function revokeInvitationFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, invitationId } = parse(invitationInput, input);
  const result = await revokeInvitation(db, user.id, cohortId, invitationId);
  if (result === "not_found") throw new HttpError(404, "invitation_not_found");
  if (result === "accepted") throw new HttpError(409, "invitation_accepted");
}

export type { InvitationListItem };

/**
 * A cohort's invitations, newest first, for one of its teachers (the cohort page's loader: it
 * has checked the teacher already, and this checks again in the query). 404 for anyone else.
 */
export async function invitationsOfCohort(
  db: Db,
  teacherId: string,
  cohortId: string,
  now: Date = new Date(),
): Promise<InvitationListItem[]> {
  const list = await listInvitations(db, teacherId, cohortId, now);
  if (!list) throw cohortNotFound();
  return list;
}

/** The same, as a rule: for an educator who teaches the cohort. */
export async function loadInvitationsFor(
  actor: Actor,
  db: Db,
  cohortId: string,
  now: Date = new Date(),
): Promise<InvitationListItem[]> {
  const user = requireEducator(actor);
  return invitationsOfCohort(db, user.id, cohortId, now);
}

/** What an invitation's page shows: nothing about the cohort unless the link is usable. */
export type InvitationPage =
  | { state: "unknown" | "expired" | "revoked" | "used" | "closed" }
  | { state: "yours" | "teacher"; cohortName: string }
  | {
      state: "open";
      cohort: { name: string; description: string | null; teachers: string[] };
      signedIn: boolean;
    };

/** The page a link opens, for whoever opens it (signed in or not). */
export async function loadInvitationPage(
  actor: Actor,
  db: Db,
  secret: string,
  now: Date = new Date(),
): Promise<InvitationPage> {
  const link = await invitationByLink(db, secret, now);
  if (!link) return { state: "unknown" };
  const { cohort } = link;
  if (link.status === "accepted") {
    return link.acceptedById !== null && link.acceptedById === actor?.id
      ? { state: "yours", cohortName: cohort.name }
      : { state: "used" };
  }
  if (link.status !== "pending") return { state: link.status };
  if (cohort.archived) return { state: "closed" };
  if (actor && cohort.teacherIds.includes(actor.id)) {
    return { state: "teacher", cohortName: cohort.name };
  }
  return {
    state: "open",
    cohort: { name: cohort.name, description: cohort.description, teachers: cohort.teachers },
    signedIn: actor !== null,
  };
}

const UNUSABLE = {
  unknown: { status: 404, key: "invitation_unusable.unknown" },
  expired: { status: 410, key: "invitation_unusable.expired" },
  revoked: { status: 410, key: "invitation_unusable.revoked" },
  used: { status: 409, key: "invitation_unusable.used" },
  closed: { status: 409, key: "invitation_unusable.closed" },
  teacher: { status: 409, key: "invitation_unusable.teacher" },
} as const;

/**
 * A signed-in user accepts the invitation whose link they hold, with whichever account they are
 * signed in with: they join its cohort. Once: a used, expired, withdrawn or unknown link is
 * refused and changes nothing.
 */
export async function acceptInvitationFor(
  actor: Actor,
  db: Db,
  input: unknown,
  now: Date = new Date(),
): Promise<{ cohortId: string; already: boolean }> {
  const user = requireSignedIn(actor);
  const { secret } = parse(z.object({ secret: z.string().max(200) }), input);
  const result = await acceptInvitation(db, user.id, secret, now);
  switch (result.status) {
    case "accepted":
      return { cohortId: result.cohortId, already: result.already };
    case "yours":
      return { cohortId: result.cohortId, already: true };
    default: {
      const { status, key } = UNUSABLE[result.status];
      throw new HttpError(status, key);
    }
  }
}
