/**
 * The record is checked by hand rather than with zod: this module ships to every lesson page, and
 * zod (even zod/mini) would add more than 20 KB gzipped to the budget of 200.
 */

export const STORAGE_KEY = "neuronlab.progress.v1";
/** Oldest attempts are dropped beyond this, so localStorage never fills up. */
export const MAX_ATTEMPTS = 1000;

export interface AttemptRecord {
  /** Made in the browser (crypto.randomUUID) and sent with the answer: the idempotency key. */
  id: string;
  exerciseId: string;
  lesson: string;
  correct: boolean;
  /** ISO 8601 time of the answer. */
  at: string;
  /** The answer as sent, so it can be replayed into an account. */
  answer: unknown;
  /** Moved into an account at sign-in (kept here until then, and after). */
  merged?: true | undefined;
}

export interface LessonRecord {
  completedAt?: string | undefined;
  /** Where the learner was: the nearest heading above the top of the screen. */
  position?: { anchor: string; at: string } | undefined;
  /** Moved into an account at sign-in, as it is now: a later change clears it. */
  merged?: true | undefined;
}

export interface Progress {
  version: 1;
  attempts: AttemptRecord[];
  lessons: Record<string, LessonRecord>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.length >= 1 && value.length <= max;
const isTime = (value: unknown): value is string =>
  typeof value === "string" && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));

export function isAttemptRecord(value: unknown): value is AttemptRecord {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    UUID.test(value.id) &&
    isText(value.exerciseId, 64) &&
    isText(value.lesson, 64) &&
    typeof value.correct === "boolean" &&
    isTime(value.at) &&
    "answer" in value &&
    (value.merged === undefined || value.merged === true)
  );
}

export function isLessonRecord(value: unknown): value is LessonRecord {
  if (!isRecord(value)) return false;
  if (value.completedAt !== undefined && !isTime(value.completedAt)) return false;
  if (value.merged !== undefined && value.merged !== true) return false;
  const { position } = value;
  if (position === undefined) return true;
  return isRecord(position) && isText(position.anchor, 200) && isTime(position.at);
}

export const emptyProgress = (): Progress => ({ version: 1, attempts: [], lessons: {} });

/**
 * Reads the stored record. A value from another version or not JSON at all starts afresh; inside
 * a version-1 record, an entry that is damaged is dropped and every sound one kept.
 */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return emptyProgress();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return emptyProgress();
  }
  if (!isRecord(parsed) || parsed.version !== 1) return emptyProgress();
  const attempts = Array.isArray(parsed.attempts)
    ? parsed.attempts.filter(isAttemptRecord).slice(-MAX_ATTEMPTS)
    : [];
  const lessons = isRecord(parsed.lessons)
    ? Object.fromEntries(Object.entries(parsed.lessons).filter(([, v]) => isLessonRecord(v)))
    : {};
  return { version: 1, attempts, lessons: lessons as Record<string, LessonRecord> };
}

/** Pure updates: each returns a new record. */
export function withAttempt(progress: Progress, attempt: AttemptRecord): Progress {
  if (progress.attempts.some((a) => a.id === attempt.id)) return progress;
  const attempts = [...progress.attempts, attempt].slice(-MAX_ATTEMPTS);
  return { ...progress, attempts };
}

export function withLesson(progress: Progress, slug: string, change: LessonRecord): Progress {
  const { merged: _merged, ...before } = progress.lessons[slug] ?? {};
  return { ...progress, lessons: { ...progress.lessons, [slug]: { ...before, ...change } } };
}

/** What has not moved into an account yet: the part a merge sends. */
export function unmerged(progress: Progress): Pick<Progress, "attempts" | "lessons"> {
  return {
    attempts: progress.attempts.filter((a) => !a.merged),
    lessons: Object.fromEntries(Object.entries(progress.lessons).filter(([, l]) => !l.merged)),
  };
}

/**
 * Marks what the server acknowledged as merged. A lesson changed since it was sent stays
 * unmerged, so the change goes with the next merge.
 */
export function markMerged(
  progress: Progress,
  sent: { attemptIds: readonly string[]; lessons: Record<string, LessonRecord> },
): Progress {
  const ids = new Set(sent.attemptIds);
  const attempts = progress.attempts.map((a) =>
    ids.has(a.id) && !a.merged ? { ...a, merged: true as const } : a,
  );
  const lessons = { ...progress.lessons };
  for (const [slug, record] of Object.entries(sent.lessons)) {
    const now = lessons[slug];
    if (now && !now.merged && sameLesson(now, record)) lessons[slug] = { ...now, merged: true };
  }
  return { ...progress, attempts, lessons };
}

function sameLesson(a: LessonRecord, b: LessonRecord): boolean {
  return (
    a.completedAt === b.completedAt &&
    a.position?.anchor === b.position?.anchor &&
    a.position?.at === b.position?.at
  );
}

/** The record without what moved into an account (for when that account is deleted). */
export function withoutMerged(progress: Progress): Progress {
  return {
    ...progress,
    attempts: progress.attempts.filter((a) => !a.merged),
    lessons: Object.fromEntries(Object.entries(progress.lessons).filter(([, l]) => !l.merged)),
  };
}
