import type { LessonRecord } from "./progress-store";
import { mergeLessonRecords, type ProgressView } from "./progress-view";

/**
 * Writes to a learner's account that have not reached the server yet (offline, a server
 * restart), kept in localStorage and sent again later with the same idempotency key: the attempt
 * id for an answer; for a lesson, the write itself, which the server applies idempotently (the
 * earliest completion and the newest position win). Each entry names the account it belongs to,
 * so nothing is ever sent into someone else's. Pure, like progress-store.ts.
 */

export const OUTBOX_KEY = "neuronlab.outbox.v1";
/** Oldest entries are dropped beyond this, so localStorage never fills up. */
export const MAX_OUTBOX = 500;

export interface PendingAttempt {
  kind: "attempt";
  user: string;
  /** The attempt id, sent with every try. */
  id: string;
  exerciseId: string;
  lesson: string;
  answer: unknown;
  /** When the learner answered (ISO 8601). */
  at: string;
}

export interface PendingLesson extends Omit<LessonRecord, "merged"> {
  kind: "lesson";
  user: string;
  lesson: string;
}

export type OutboxEntry = PendingAttempt | PendingLesson;

export interface Outbox {
  version: 1;
  entries: OutboxEntry[];
}

export const emptyOutbox = (): Outbox => ({ version: 1, entries: [] });

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string =>
  typeof v === "string" && v.length > 0 && v.length <= 200;
const isTime = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(Date.parse(v));

function isEntry(v: unknown): v is OutboxEntry {
  if (!isRecord(v) || !isText(v.user)) return false;
  if (v.kind === "attempt") {
    return (
      isText(v.id) && isText(v.exerciseId) && isText(v.lesson) && isTime(v.at) && "answer" in v
    );
  }
  if (v.kind !== "lesson" || !isText(v.lesson)) return false;
  if (v.completedAt !== undefined && !isTime(v.completedAt)) return false;
  const { position } = v;
  return (
    position === undefined || (isRecord(position) && isText(position.anchor) && isTime(position.at))
  );
}

/** Reads the stored outbox; damaged entries are dropped, sound ones kept. */
export function parseOutbox(raw: string | null): Outbox {
  if (raw === null) return emptyOutbox();
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || parsed.version !== 1 || !Array.isArray(parsed.entries)) {
      return emptyOutbox();
    }
    return { version: 1, entries: parsed.entries.filter(isEntry).slice(-MAX_OUTBOX) };
  } catch {
    return emptyOutbox();
  }
}

export function withPendingAttempt(outbox: Outbox, attempt: Omit<PendingAttempt, "kind">): Outbox {
  if (outbox.entries.some((e) => e.kind === "attempt" && e.id === attempt.id)) return outbox;
  const entry: PendingAttempt = { kind: "attempt", ...attempt };
  return { ...outbox, entries: [...outbox.entries, entry].slice(-MAX_OUTBOX) };
}

/** Adds a lesson write, folded into the one already waiting for that lesson and account. */
export function withPendingLesson(
  outbox: Outbox,
  user: string,
  lesson: string,
  change: Omit<LessonRecord, "merged">,
): Outbox {
  const index = outbox.entries.findIndex(
    (e) => e.kind === "lesson" && e.user === user && e.lesson === lesson,
  );
  const before = index < 0 ? undefined : (outbox.entries[index] as PendingLesson);
  const merged = mergeLessonRecords(before ?? {}, change);
  const entry: PendingLesson = { kind: "lesson", user, lesson, ...merged };
  if (before && sameEntry(before, entry)) return outbox;
  const entries = [...outbox.entries];
  if (index < 0) entries.push(entry);
  else entries[index] = entry;
  return { ...outbox, entries: entries.slice(-MAX_OUTBOX) };
}

/**
 * Removes an entry the server has acknowledged. A lesson entry that changed while it was on its
 * way stays, so the newer write is sent too.
 */
export function withoutSent(outbox: Outbox, sent: OutboxEntry): Outbox {
  const entries = outbox.entries.filter((e) =>
    sent.kind === "attempt"
      ? !(e.kind === "attempt" && e.id === sent.id)
      : !(e.kind === "lesson" && sameEntry(e, sent)),
  );
  return entries.length === outbox.entries.length ? outbox : { ...outbox, entries };
}

function sameEntry(a: PendingLesson, b: PendingLesson): boolean {
  return (
    a.user === b.user &&
    a.lesson === b.lesson &&
    a.completedAt === b.completedAt &&
    a.position?.anchor === b.position?.anchor &&
    a.position?.at === b.position?.at
  );
}

export function pendingFor(outbox: Outbox, user: string): OutboxEntry[] {
  return outbox.entries.filter((e) => e.user === user);
}

/** The account's progress as it will be once this account's waiting writes arrive. */
export function withPending(view: ProgressView, outbox: Outbox, user: string): ProgressView {
  const mine = pendingFor(outbox, user);
  if (mine.length === 0) return view;
  const exercises = { ...view.exercises };
  const lessons = { ...view.lessons };
  for (const entry of mine) {
    if (entry.kind === "lesson") {
      const { kind: _kind, user: _user, lesson, ...change } = entry;
      lessons[lesson] = mergeLessonRecords(lessons[lesson] ?? {}, change);
    } else {
      const before = exercises[entry.exerciseId];
      exercises[entry.exerciseId] = {
        lesson: entry.lesson,
        attempts: before?.attempts ?? 0,
        solved: before?.solved ?? false,
        pending: (before?.pending ?? 0) + 1,
      };
    }
  }
  return { exercises, lessons };
}
