import { describe, expect, it } from "vitest";
import { emptyOutbox, parseOutbox, withPendingLesson, type Outbox } from "./outbox";
import { emptyProgress, withAttempt, withLesson, type AttemptRecord } from "./progress-store";
import { mergeBatches, ProgressSync, MERGE_BATCH, MERGE_BATCH_TRAININGS } from "./progress-sync";
import type { AccountProgress } from "./progress-view";
import { memoryValue } from "./stored-value";

const USER = { id: "user-1", email: "ana@example.com", name: "Ana" };

function account(over: Partial<AccountProgress> = {}): AccountProgress {
  return {
    signedIn: true,
    user: USER,
    totals: { lessonsCompleted: 0, exercisesAttempted: 0, exercisesSolved: 0 },
    lessons: [],
    exercises: [],
    recentAttempts: [],
    ...over,
  };
}

let n = 0;
function attempt(exerciseId = "neuron-compute-z", answer: unknown = { kind: "numeric", value: 1 }) {
  n += 1;
  const record: AttemptRecord = {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    exerciseId,
    lesson: "a-single-neuron",
    correct: true,
    at: "2026-03-01T09:00:00.000Z",
    answer,
  };
  return record;
}

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/**
 * A stand-in for the server: answers by route, records every call, and can be told to fail
 * (`down`) like a network that dropped or a server that restarted.
 */
function fakeServer(signedIn = true) {
  const calls: Call[] = [];
  const state = { signedIn, down: false, progress: account() };
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input as string;
    const method = init?.method ?? "GET";
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body });
    if (state.down) return Promise.reject(new TypeError("Failed to fetch"));
    if (url === "/api/progress") {
      return Promise.resolve(Response.json(state.signedIn ? state.progress : { signedIn: false }));
    }
    if (!state.signedIn && !url.includes("/attempts")) {
      return Promise.resolve(Response.json({ error: {} }, { status: 401 }));
    }
    if (url === "/api/progress/merge") {
      return Promise.resolve(
        Response.json({ attemptsAdded: 1, attemptsSkipped: 0, lessonsChanged: 0, ignored: 0 }),
      );
    }
    if (url.startsWith("/api/progress/lessons/")) return Promise.resolve(Response.json({}));
    return Promise.resolve(Response.json({ correct: true, saved: state.signedIn }));
  }) as typeof fetch;
  return { calls, state, fetchImpl };
}

function setUp(
  server: ReturnType<typeof fakeServer>,
  progress = emptyProgress(),
  outbox: Outbox = emptyOutbox(),
) {
  const timers: (() => void)[] = [];
  const deps = {
    fetch: server.fetchImpl,
    progress: memoryValue(progress),
    outbox: memoryValue(outbox),
    later: (task: () => void) => {
      timers.push(task);
    },
  };
  const sync = new ProgressSync(deps);
  /** Runs the retries that are due, as the timers would. */
  const tick = async () => {
    for (const task of timers.splice(0)) task();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
  };
  /** Waits until the sync has nothing left in flight. */
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { sync, deps, timers, tick, settle };
}

describe("ProgressSync", () => {
  it("shows the browser's record to an anonymous visitor, and keeps their writes there", async () => {
    const server = fakeServer(false);
    const { sync, deps, settle } = setUp(server, withAttempt(emptyProgress(), attempt()));
    expect(sync.current()).toMatchObject({ source: "browser", known: false });
    await sync.start();
    await settle();
    expect(sync.current()).toMatchObject({ source: "browser", known: true, user: null });
    expect(sync.current().view.exercises["neuron-compute-z"]?.attempts).toBe(1);

    sync.lessonChanged("introduction", { completedAt: "2026-03-01T09:00:00.000Z" });
    expect(deps.progress.get().lessons.introduction?.completedAt).toBe("2026-03-01T09:00:00.000Z");
    // Nothing but the one question "who is this?" went to the server.
    expect(server.calls.map((c) => c.url)).toEqual(["/api/progress"]);
  });

  it("merges anonymous progress at sign-in once, marks it merged, and shows the account", async () => {
    const server = fakeServer(true);
    let local = withAttempt(emptyProgress(), attempt());
    local = withLesson(local, "introduction", { completedAt: "2026-03-01T09:00:00.000Z" });
    const { sync, deps, settle } = setUp(server, local);
    await sync.start();
    await settle();

    const merges = server.calls.filter((c) => c.url === "/api/progress/merge");
    expect(merges).toHaveLength(1);
    expect(merges[0]?.body).toEqual({
      attempts: [
        {
          id: local.attempts[0]?.id,
          exerciseId: "neuron-compute-z",
          at: "2026-03-01T09:00:00.000Z",
          answer: { kind: "numeric", value: 1 },
        },
      ],
      lessons: { introduction: { completedAt: "2026-03-01T09:00:00.000Z" } },
    });
    // Kept in the browser, marked: the next page merges nothing.
    expect(deps.progress.get().attempts[0]?.merged).toBe(true);
    expect(deps.progress.get().lessons.introduction?.merged).toBe(true);
    // The account was asked again after the merge.
    expect(server.calls.filter((c) => c.url === "/api/progress")).toHaveLength(2);
    expect(sync.current()).toMatchObject({ source: "account", user: USER });

    const again = setUp(server, deps.progress.get());
    await again.sync.start();
    await again.settle();
    expect(server.calls.filter((c) => c.url === "/api/progress/merge")).toHaveLength(1);
  });

  it("keeps the record unmerged when the merge fails, and merges it on a later try", async () => {
    const server = fakeServer(true);
    const { sync, deps, settle, tick, timers } = setUp(
      server,
      withAttempt(emptyProgress(), attempt()),
    );
    await sync.start();
    await settle();
    server.calls.length = 0;
    server.state.down = true;
    // Fails this time: a retry is scheduled and the record is untouched.
    deps.progress.update((p) => withAttempt(p, attempt()));
    await sync.retry();
    await settle();
    expect(timers.length).toBeGreaterThan(0);
    expect(deps.progress.get().attempts.filter((a) => a.merged)).toHaveLength(1);

    server.state.down = false;
    await tick();
    expect(deps.progress.get().attempts.every((a) => a.merged)).toBe(true);
  });

  it("sends a signed-in learner's lesson writes, keeps failed ones in the outbox and retries them with the same content", async () => {
    const server = fakeServer(true);
    const { sync, deps, settle, tick } = setUp(server);
    await sync.start();
    await settle();
    server.state.down = true;
    sync.lessonChanged("introduction", {
      position: { anchor: "a", at: "2026-03-01T09:00:00.000Z" },
    });
    sync.lessonChanged("introduction", {
      position: { anchor: "b", at: "2026-03-01T09:01:00.000Z" },
    });
    await settle();
    // Waiting, folded into one write, and already shown.
    expect(deps.outbox.get().entries).toEqual([
      {
        kind: "lesson",
        user: USER.id,
        lesson: "introduction",
        position: { anchor: "b", at: "2026-03-01T09:01:00.000Z" },
      },
    ]);
    expect(sync.current().view.lessons.introduction?.position?.anchor).toBe("b");
    expect(deps.progress.get().lessons).toEqual({});

    server.state.down = false;
    server.calls.length = 0;
    await tick();
    const puts = server.calls.filter((c) => c.method === "PUT");
    expect(puts.at(-1)).toEqual({
      method: "PUT",
      url: "/api/progress/lessons/introduction",
      body: { position: { anchor: "b", at: "2026-03-01T09:01:00.000Z" } },
    });
    expect(deps.outbox.get().entries).toEqual([]);
    // Acknowledged: still shown, now from the account's side.
    expect(sync.current().view.lessons.introduction?.position?.anchor).toBe("b");
  });

  it("keeps an answer that could not be sent, and sends it later with its attempt id and time", async () => {
    const server = fakeServer(true);
    const { sync, deps, settle, tick } = setUp(server);
    await sync.start();
    await settle();
    server.state.down = true;
    const kept = sync.attemptUnsent({
      attemptId: "11111111-1111-4111-8111-111111111111",
      exerciseId: "neuron-compute-z",
      lesson: "a-single-neuron",
      answer: { kind: "numeric", value: -0.7 },
      at: "2026-03-01T09:00:00.000Z",
    });
    expect(kept).toBe(true);
    expect(sync.current().view.exercises["neuron-compute-z"]).toMatchObject({
      attempts: 0,
      pending: 1,
    });

    server.state.down = false;
    server.calls.length = 0;
    await tick();
    expect(server.calls.filter((c) => c.method === "POST")).toEqual([
      {
        method: "POST",
        url: "/api/exercises/neuron-compute-z/attempts",
        body: {
          attemptId: "11111111-1111-4111-8111-111111111111",
          answer: { kind: "numeric", value: -0.7 },
          answeredAt: "2026-03-01T09:00:00.000Z",
        },
      },
    ]);
    expect(deps.outbox.get().entries).toEqual([]);
    expect(sync.current().view.exercises["neuron-compute-z"]).toMatchObject({
      attempts: 1,
      solved: true,
      pending: 0,
    });
  });

  it("an anonymous visitor's unsent answer is not kept: they simply try again", async () => {
    const { sync, deps, settle } = setUp(fakeServer(false));
    await sync.start();
    await settle();
    const kept = sync.attemptUnsent({
      attemptId: "11111111-1111-4111-8111-111111111111",
      exerciseId: "q",
      lesson: "l",
      answer: {},
      at: "2026-03-01T09:00:00.000Z",
    });
    expect(kept).toBe(false);
    expect(deps.outbox.get().entries).toEqual([]);
  });

  it("never sends one account's waiting writes into another's", async () => {
    const server = fakeServer(true);
    const theirs = withPendingLesson(emptyOutbox(), "someone-else", "introduction", {
      completedAt: "2026-03-01T09:00:00.000Z",
    });
    const { sync, deps, settle } = setUp(server, emptyProgress(), theirs);
    await sync.start();
    await settle();
    expect(server.calls.filter((c) => c.method === "PUT")).toEqual([]);
    expect(deps.outbox.get()).toEqual(theirs);
    expect(sync.current().view.lessons).toEqual({});
  });

  it("when signed out meanwhile, keeps the waiting writes for the account's next visit", async () => {
    const server = fakeServer(true);
    const { sync, deps, settle } = setUp(server);
    await sync.start();
    await settle();
    server.state.down = true;
    sync.lessonChanged("introduction", { completedAt: "2026-03-01T09:00:00.000Z" });
    await settle();
    server.state.down = false;
    server.state.signedIn = false;
    await sync.retry();
    await settle();
    expect(sync.current()).toMatchObject({ source: "browser", known: true });
    expect(deps.outbox.get().entries).toHaveLength(1);
  });

  it("gives the same snapshot until something changes", async () => {
    const { sync, deps, settle } = setUp(fakeServer(false));
    await sync.start();
    await settle();
    const first = sync.current();
    expect(sync.current()).toBe(first);
    deps.progress.update((p) => withAttempt(p, attempt()));
    expect(sync.current()).not.toBe(first);
  });
});

describe("mergeBatches", () => {
  it("splits a long record into requests the server takes, with the lessons in the first", () => {
    const lessons = { introduction: { completedAt: "2026-03-01T09:00:00.000Z" } };
    const many = Array.from({ length: MERGE_BATCH * 2 + 1 }, () => attempt());
    const batches = mergeBatches(many, lessons);
    expect(batches.map((b) => b.attempts.length)).toEqual([MERGE_BATCH, MERGE_BATCH, 1]);
    expect(batches.map((b) => Object.keys(b.lessons).length)).toEqual([1, 0, 0]);
  });

  it("puts at most a few playground answers in one request", () => {
    const goals = Array.from({ length: MERGE_BATCH_TRAININGS + 2 }, () =>
      attempt("deep-circle-goal", { kind: "goal", config: { hiddenLayers: [4] } }),
    );
    const batches = mergeBatches([attempt(), ...goals], {});
    expect(batches.map((b) => b.attempts.length)).toEqual([MERGE_BATCH_TRAININGS + 1, 2]);
  });

  it("sends lessons alone when there are no attempts, and nothing when there is nothing", () => {
    expect(mergeBatches([], { intro: {} })).toHaveLength(1);
    expect(mergeBatches([], {})).toEqual([]);
  });
});

describe("the outbox record", () => {
  it("reads back what it wrote and drops damaged entries", () => {
    const outbox = withPendingLesson(emptyOutbox(), "u", "intro", {
      completedAt: "2026-03-01T09:00:00.000Z",
    });
    expect(parseOutbox(JSON.stringify(outbox))).toEqual(outbox);
    const damaged = JSON.stringify({
      version: 1,
      entries: [...outbox.entries, { kind: "lesson", user: "u" }, { kind: "attempt", user: "u" }],
    });
    expect(parseOutbox(damaged)).toEqual(outbox);
    for (const raw of [null, "{", "[]", '{"version":2,"entries":[]}']) {
      expect(parseOutbox(raw)).toEqual(emptyOutbox());
    }
  });

  it("folds lesson writes: the earliest completion and the newest position", () => {
    let outbox = withPendingLesson(emptyOutbox(), "u", "intro", {
      completedAt: "2026-03-01T09:05:00.000Z",
      position: { anchor: "b", at: "2026-03-01T09:05:00.000Z" },
    });
    outbox = withPendingLesson(outbox, "u", "intro", {
      completedAt: "2026-03-01T09:09:00.000Z",
      position: { anchor: "a", at: "2026-03-01T09:01:00.000Z" },
    });
    expect(outbox.entries).toEqual([
      {
        kind: "lesson",
        user: "u",
        lesson: "intro",
        completedAt: "2026-03-01T09:05:00.000Z",
        position: { anchor: "b", at: "2026-03-01T09:05:00.000Z" },
      },
    ]);
    // Another account's write for the same lesson is its own entry.
    expect(
      withPendingLesson(outbox, "v", "intro", { completedAt: "2026-03-01T09:00:00.000Z" }).entries,
    ).toHaveLength(2);
  });
});
