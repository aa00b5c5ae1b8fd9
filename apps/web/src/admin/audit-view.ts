import { ownEntry } from "@/http/lookup";

/**
 * How the audit log reads: an entry's stored JSON (`before`, `after`) as the fields it changed,
 * and the people it names (its actor, the person it is about, a certificate's holder), so a page
 * can show names instead of ids. Pure: the pages translate and format.
 */

/** An entry as the log stores it (the fields this needs). */
export interface StoredEntry {
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

/** The message key (Admin.Audit.actions.*) of each action the platform writes. */
const ACTION_KEYS = {
  "user.role": "role",
  "certificate.revoke": "revokeCertificate",
} as const;

export type ActionKey = (typeof ACTION_KEYS)[keyof typeof ACTION_KEYS];

/** The message key of an action; undefined for one this version does not know (shown as stored). */
export function actionKey(action: string): ActionKey | undefined {
  return ownEntry(ACTION_KEYS, action);
}

/** A field of a stored JSON object; undefined when it is not an object or has no such field. */
export function field(json: unknown, name: string): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  return Object.hasOwn(json, name) ? (json as Record<string, unknown>)[name] : undefined;
}

function keysOf(json: unknown): string[] {
  return typeof json === "object" && json !== null && !Array.isArray(json) ? Object.keys(json) : [];
}

export interface ChangeLine {
  field: string;
  /** Undefined: the field was not there (a value added or taken away). */
  before: unknown;
  after: unknown;
}

/**
 * The fields an entry changed, in the order they first appear (before's, then after's new ones);
 * a field with the same value before and after (a certificate's code, say) is left out.
 */
export function changedFields(before: unknown, after: unknown): ChangeLine[] {
  const names = [...new Set([...keysOf(before), ...keysOf(after)])];
  return names
    .map((name) => ({ field: name, before: field(before, name), after: field(after, name) }))
    .filter((line) => JSON.stringify(line.before) !== JSON.stringify(line.after));
}

/** A certificate entry's code and holder, as the entry recorded them. */
export function certificateOf(entry: StoredEntry): { code: string; holderId: string | null } {
  const code = field(entry.after, "code") ?? field(entry.before, "code");
  const holder = field(entry.after, "holderId") ?? field(entry.before, "holderId");
  return {
    code: typeof code === "string" ? code : entry.subjectId,
    holderId: typeof holder === "string" ? holder : null,
  };
}

/** Everyone the entries name: their actors, the people they are about, certificates' holders. */
export function peopleNamedIn(entries: readonly StoredEntry[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    ids.add(entry.actorId);
    if (entry.subjectType === "User") ids.add(entry.subjectId);
    if (entry.subjectType === "Certificate") {
      const { holderId } = certificateOf(entry);
      if (holderId) ids.add(holderId);
    }
  }
  return [...ids];
}
