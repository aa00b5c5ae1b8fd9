import {
  pendingFor,
  withoutSent,
  withPending,
  withPendingAttempt,
  withPendingLesson,
  type Outbox,
  type OutboxEntry,
} from "./outbox";
import {
  markMerged,
  unmerged,
  withAttempt,
  withLesson,
  type AttemptRecord,
  type LessonRecord,
  type Progress,
} from "./progress-store";
import {
  mergeLessonRecords,
  viewOfAccount,
  viewOfBrowser,
  withGradedAttempt,
  type AccountProgress,
  type ProgressResponse,
  type ProgressView,
} from "./progress-view";
import type { StoredValue } from "./stored-value";

/**
 * Where a learner's progress lives and how it gets there. Anonymous visitors keep it in the
 * browser (progress-store.ts). For a signed-in learner the account is the truth: the first time
 * a page finds anonymous progress in the browser, it is merged into the account (and marked
 * merged once the server says so), and every write that fails waits in the outbox (outbox.ts) to
 * be sent again with the same idempotency key. Failures are retried with a growing pause, when
 * the browser comes back online and when the tab is shown again. No zod and no React here: the
 * module ships with every lesson page.
 */

export interface LearnerProgress {
  /** Where the progress shown is kept: this browser, or the signed-in learner's account. */
  source: "browser" | "account";
  view: ProgressView;
  user: AccountProgress["user"] | null;
  /** Whether the server has said who this is yet (until then, the browser's record is shown). */
  known: boolean;
}

type State =
  | { status: "unknown" }
  | { status: "anonymous" }
  | { status: "signed-in"; user: AccountProgress["user"]; view: ProgressView };

export interface SyncDeps {
  fetch: typeof fetch;
  progress: StoredValue<Progress>;
  outbox: StoredValue<Outbox>;
  /** Runs `task` after `ms` milliseconds. */
  later?: (task: () => void, ms: number) => void;
}

/** Attempts per merge request, and playground answers among them (see progress-schemas.ts). */
export const MERGE_BATCH = 100;
export const MERGE_BATCH_TRAININGS = 10;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/** The server could not be reached or failed (5xx, 408, 429): try again later. */
class Unreachable extends Error {
  override name = "Unreachable";
}
/** The session ended (or began) while writing: ask the server who this is again. */
class SessionChanged extends Error {
  override name = "SessionChanged";
}

export interface GradedAttempt {
  attemptId: string;
  exerciseId: string;
  lesson: string;
  answer: unknown;
  correct: boolean;
  /** Whether the server stored it in the learner's account. */
  saved: boolean;
  at: string;
}

export class ProgressSync {
  private state: State = { status: "unknown" };
  private readonly listeners = new Set<() => void>();
  private started = false;
  private needLoad = false;
  private needFlush = false;
  private running = false;
  private failures = 0;
  private retryPending = false;
  private snapshot: { key: unknown[]; value: LearnerProgress } | undefined;
  private readonly later: (task: () => void, ms: number) => void;

  constructor(private readonly deps: SyncDeps) {
    this.later =
      deps.later ??
      ((task, ms) => {
        setTimeout(task, ms);
      });
    deps.progress.subscribe(() => {
      this.emit();
    });
    deps.outbox.subscribe(() => {
      this.emit();
    });
  }

  /** Asks the server who this is, once per page; then merges and sends what waits. */
  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    this.needLoad = true;
    return this.kick();
  }

  /** Tries again now what failed before (the browser is back online, the tab is shown again). */
  retry(): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (this.state.status === "unknown") this.needLoad = true;
    this.needFlush = true;
    return this.kick();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The progress to show; the same object until something changes (for useSyncExternalStore). */
  current(): LearnerProgress {
    const progress = this.deps.progress.get();
    const outbox = this.deps.outbox.get();
    const key = [this.state, progress, outbox];
    if (this.snapshot?.key.every((part, i) => part === key[i])) return this.snapshot.value;
    const state = this.state;
    const value: LearnerProgress =
      state.status === "signed-in"
        ? {
            source: "account",
            view: withPending(state.view, outbox, state.user.id),
            user: state.user,
            known: true,
          }
        : {
            source: "browser",
            view: viewOfBrowser(progress),
            user: null,
            known: state.status !== "unknown",
          };
    this.snapshot = { key, value };
    return value;
  }

  /** An answer the server graded: in the account when it stored it, otherwise in the browser. */
  attemptGraded(attempt: GradedAttempt): void {
    if (attempt.saved) {
      if (this.state.status === "signed-in") {
        this.setState({
          ...this.state,
          view: withGradedAttempt(this.state.view, attempt),
        });
      } else {
        // Signed in since the page asked (in another tab, say): ask again.
        this.needLoad = true;
        void this.kick();
      }
      return;
    }
    const record: AttemptRecord = {
      id: attempt.attemptId,
      exerciseId: attempt.exerciseId,
      lesson: attempt.lesson,
      correct: attempt.correct,
      at: attempt.at,
      answer: attempt.answer,
    };
    this.deps.progress.update((p) => withAttempt(p, record));
    if (this.state.status === "signed-in") {
      this.needLoad = true;
      void this.kick();
    }
  }

  /**
   * An answer that could not be sent. A signed-in learner's waits in the outbox, to be graded
   * and stored when the server can be reached; returns false for an anonymous visitor, whose
   * answer only needs grading (they can simply try again).
   */
  attemptUnsent(attempt: Omit<GradedAttempt, "correct" | "saved">): boolean {
    if (this.state.status !== "signed-in") return false;
    const user = this.state.user.id;
    this.deps.outbox.update((o) =>
      withPendingAttempt(o, {
        user,
        id: attempt.attemptId,
        exerciseId: attempt.exerciseId,
        lesson: attempt.lesson,
        answer: attempt.answer,
        at: attempt.at,
      }),
    );
    this.scheduleRetry();
    return true;
  }

  /** A lesson completed or read further: sent to the account, or kept in the browser. */
  lessonChanged(lesson: string, change: Omit<LessonRecord, "merged">): void {
    if (this.state.status !== "signed-in") {
      this.deps.progress.update((p) => withLesson(p, lesson, change));
      return;
    }
    const user = this.state.user.id;
    this.deps.outbox.update((o) => withPendingLesson(o, user, lesson, change));
    this.needFlush = true;
    void this.kick();
  }

  // -------------------------------------------------------------------------------------------

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private setState(state: State): void {
    this.state = state;
    this.emit();
  }

  /** Runs the pending work one step at a time; a second call while it runs only adds work. */
  private async kick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let sessionChanges = 0;
    try {
      while (this.needLoad || this.needFlush) {
        try {
          await this.step();
        } catch (error) {
          // Signed out (or in) meanwhile: ask who this is, and go on. Twice in a row is no
          // longer a session change but a server that contradicts itself: try again later.
          if (!(error instanceof SessionChanged) || ++sessionChanges > 2) throw error;
          this.needLoad = true;
        }
      }
      this.failures = 0;
    } catch (error) {
      if (!(error instanceof Unreachable || error instanceof SessionChanged)) throw error;
      if (this.state.status === "unknown") this.needLoad = true;
      this.needFlush = true;
      this.scheduleRetry();
    } finally {
      this.running = false;
    }
  }

  private async step(): Promise<void> {
    if (this.needLoad) {
      this.needLoad = false;
      await this.load();
      this.needFlush = true;
      return;
    }
    this.needFlush = false;
    if (this.state.status !== "signed-in") return;
    const user = this.state.user.id;
    if (await this.merge(user)) this.needLoad = true;
    await this.flush(user);
  }

  private scheduleRetry(): void {
    if (this.retryPending) return;
    this.retryPending = true;
    const pause = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** this.failures);
    this.failures += 1;
    this.later(() => {
      this.retryPending = false;
      void this.retry();
    }, pause);
  }

  private async request(url: string, method: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await this.deps.fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch {
      throw new Unreachable(`${method} ${url}: no connection`);
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new Unreachable(`${method} ${url}: ${response.status}`);
    }
    return response;
  }

  private async load(): Promise<void> {
    const response = await this.request("/api/progress", "GET");
    if (!response.ok) throw new Unreachable(`GET /api/progress: ${response.status}`);
    const body = (await response.json()) as ProgressResponse;
    this.setState(
      body.signedIn
        ? { status: "signed-in", user: body.user, view: viewOfAccount(body) }
        : { status: "anonymous" },
    );
  }

  /**
   * Sends the browser's anonymous progress to the account, in batches, and marks each batch
   * merged once the server has it. Returns whether anything was sent.
   */
  private async merge(user: string): Promise<boolean> {
    const part = unmerged(this.deps.progress.get());
    const batches = mergeBatches(part.attempts, part.lessons);
    for (const batch of batches) await this.sendMerge(user, batch);
    return batches.length > 0;
  }

  private async sendMerge(user: string, batch: MergeBatch): Promise<void> {
    const response = await this.request("/api/progress/merge", "POST", {
      attempts: batch.attempts.map((a) => ({
        id: a.id,
        exerciseId: a.exerciseId,
        at: a.at,
        answer: a.answer,
      })),
      lessons: Object.fromEntries(
        Object.entries(batch.lessons).map(([slug, l]) => [
          slug,
          {
            ...(l.completedAt === undefined ? {} : { completedAt: l.completedAt }),
            ...(l.position === undefined ? {} : { position: l.position }),
          },
        ]),
      ),
    });
    if (response.status === 401) throw new SessionChanged();
    if (response.status === 400 && batch.attempts.length > 1) {
      // One entry the server cannot take (from an older version of the site, say) must not hold
      // the others back: halve the batch until it stands alone.
      const half = Math.ceil(batch.attempts.length / 2);
      await this.sendMerge(user, {
        attempts: batch.attempts.slice(0, half),
        lessons: batch.lessons,
      });
      await this.sendMerge(user, { attempts: batch.attempts.slice(half), lessons: {} });
      return;
    }
    // Accepted, or refused for good (a lone entry the server can never take): either way this
    // batch is done, and what it held stays in the browser.
    this.deps.progress.update((p) =>
      markMerged(p, { attemptIds: batch.attempts.map((a) => a.id), lessons: batch.lessons }),
    );
  }

  /** Sends what waits in the outbox for this account, oldest first. */
  private async flush(user: string): Promise<void> {
    for (const entry of pendingFor(this.deps.outbox.get(), user)) {
      const response =
        entry.kind === "attempt"
          ? await this.request(
              `/api/exercises/${encodeURIComponent(entry.exerciseId)}/attempts`,
              "POST",
              { attemptId: entry.id, answer: entry.answer, answeredAt: entry.at },
            )
          : await this.request(`/api/progress/lessons/${encodeURIComponent(entry.lesson)}`, "PUT", {
              ...(entry.completedAt === undefined ? {} : { completedAt: entry.completedAt }),
              ...(entry.position === undefined ? {} : { position: entry.position }),
            });
      if (response.status === 401) throw new SessionChanged();
      if (response.ok) {
        const body = (await response.json()) as { saved?: boolean; correct?: boolean };
        // Graded, but not stored: the session ended. It waits for this learner's next visit.
        if (entry.kind === "attempt" && body.saved !== true) throw new SessionChanged();
        this.acknowledged(entry, body.correct === true);
      }
      // Any other 4xx can never succeed (an exercise or heading the course no longer has).
      this.deps.outbox.update((o) => withoutSent(o, entry));
    }
  }

  /** Keeps the view as it was with the entry pending, now that the account has it. */
  private acknowledged(entry: OutboxEntry, correct: boolean): void {
    if (this.state.status !== "signed-in") return;
    const { view } = this.state;
    if (entry.kind === "attempt") {
      this.setState({ ...this.state, view: withGradedAttempt(view, { ...entry, correct }) });
      return;
    }
    const { kind: _kind, user: _user, lesson, ...change } = entry;
    this.setState({
      ...this.state,
      view: {
        ...view,
        lessons: {
          ...view.lessons,
          [lesson]: mergeLessonRecords(view.lessons[lesson] ?? {}, change),
        },
      },
    });
  }
}

export interface MergeBatch {
  attempts: AttemptRecord[];
  lessons: Record<string, LessonRecord>;
}

/** Whether the server trains a network to grade this answer (a playground goal). */
const trains = (a: AttemptRecord) =>
  typeof a.answer === "object" && a.answer !== null && "config" in a.answer;

/**
 * Splits anonymous progress into merge requests the server accepts: at most MERGE_BATCH attempts
 * and MERGE_BATCH_TRAININGS playground answers each, the lessons with the first.
 */
export function mergeBatches(
  attempts: AttemptRecord[],
  lessons: Record<string, LessonRecord>,
): MergeBatch[] {
  const batches: MergeBatch[] = [];
  let current: MergeBatch = { attempts: [], lessons };
  let trainings = 0;
  for (const attempt of attempts) {
    const heavy = trains(attempt);
    if (current.attempts.length === MERGE_BATCH || (heavy && trainings === MERGE_BATCH_TRAININGS)) {
      batches.push(current);
      current = { attempts: [], lessons: {} };
      trainings = 0;
    }
    current.attempts.push(attempt);
    if (heavy) trainings += 1;
  }
  if (current.attempts.length > 0 || Object.keys(current.lessons).length > 0) batches.push(current);
  return batches;
}
