"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { act, attempt, toDashboard } from "@/teaching/action-kit";
import type { ActionState } from "@/teaching/action-state";
import type { InviteState } from "./invite-state";
import {
  acceptInvitationFor,
  previewInvitationsFor,
  resendInvitationFor,
  revokeInvitationFor,
  sendInvitationsFor,
} from "./invitations";

/**
 * The invitation forms' server actions. Each is a public endpoint: it reads who is asking from
 * the session and hands the form's fields, as sent, to the rules in invitations.ts, which
 * validate them and check the record. A refusal comes back as the form's error in the form's
 * language; a refused request changes nothing.
 */

/** Runs one step of the invitation form, its refusal said in the form's language. */
async function step(
  form: FormData,
  run: (fields: Record<string, string>) => Promise<InviteState>,
): Promise<InviteState> {
  const outcome = await attempt(form, run);
  return outcome.ok ? outcome.value : { step: "error", message: outcome.message, at: Date.now() };
}

/** Step 1: reads the list and answers what was read, row by row. Writes nothing. */
export async function previewInvitationsAction(
  _previous: InviteState,
  form: FormData,
): Promise<InviteState> {
  return step(form, async (fields) => {
    const preview = await previewInvitationsFor(await getSessionUser(), getDb(), fields);
    return { step: "preview", ...preview, at: Date.now() };
  });
}

/** Step 2: invites the list's new addresses and mails them; the cohort page lists them. */
export async function sendInvitationsAction(
  _previous: InviteState,
  form: FormData,
): Promise<InviteState> {
  return step(form, async (fields) => {
    const result = await sendInvitationsFor(await getSessionUser(), getDb(), fields);
    revalidatePath("/[locale]/educator", "layout");
    return { step: "sent", ...result, at: Date.now() };
  });
}

/** Messages of the "Invitations.Done" namespace. */
export const resendInvitationAction = act(resendInvitationFor, "resent");
export const revokeInvitationAction = act(revokeInvitationFor, "revoked");

/** Accepts the invitation whose secret the form carries, and opens the dashboard. */
export async function acceptInvitationAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const outcome = await attempt(form, async (fields) =>
    acceptInvitationFor(await getSessionUser(), getDb(), fields),
  );
  if (!outcome.ok) return { status: "error", message: outcome.message };
  toDashboard("joined", outcome.locale);
}
