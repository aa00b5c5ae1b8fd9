import type { InvalidReason } from "./address-list";

/** What the invitation form's steps answer, shared by the server actions and the form. */

export type PreviewStatus = "new" | "member" | "pending" | "duplicate" | "invalid";

/** One entry of a list as read, and what sending the list would do with it. */
export interface PreviewRow {
  row: number;
  /** As read, to show back. */
  value: string;
  status: PreviewStatus;
  reason?: InvalidReason;
  duplicateOf?: number;
}

export interface InvitationPreview {
  rows: PreviewRow[];
  /** The addresses that would be invited: what the send step gets back. */
  invite: string[];
}

export interface SendResult {
  sent: number;
  /** Entries of the list not invited: invalid, duplicates, members, invited already. */
  skipped: number;
  /** Invited, but their mail could not be sent: they can be sent again from the list. */
  failed: string[];
}

/** `at` tells two answers of the same kind apart (the form moves focus to each new one). */
export type InviteState =
  | { step: "idle" }
  | { step: "error"; message: string; at: number }
  | ({ step: "preview"; at: number } & InvitationPreview)
  | ({ step: "sent"; at: number } & SendResult);

export const inviteIdle: InviteState = { step: "idle" };
