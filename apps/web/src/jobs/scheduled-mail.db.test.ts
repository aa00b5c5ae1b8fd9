import { createCohort, joinCohort, setAssignment } from "@neuronlab/db/cohorts";
import { createDb } from "@neuronlab/db/client";
import { setMailChoices } from "@neuronlab/db/reminders";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import { createMailer } from "@/auth/mail";
import { startInbox, type Inbox } from "@/testing/smtp-inbox";
import { runMaintenance } from "./maintenance";
import { enqueue, JOBS, openQueue, startWorker } from "./queue";
import { sendDueReminders, sendWeeklySummaries, type ScheduledMailDeps } from "./scheduled-mail";

/**
 * The scheduled mails end to end, through a real SMTP server started here: the clock is moved by
 * passing the moment (as a job's `at` does), never by waiting. Reminders go once per learner and
 * due date, in the learner's language, even with two workers at once; a refused mail is tried
 * again on the next run; the weekly summary counts the week; and a job put on the queue on the
 * database (pg-boss) is run by a worker.
 */

const SITE = "https://neuronlab.example";
const REFUSED = "full-mailbox@example.com";
const DAY = 86_400_000;
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 4, day, hour));

let inbox: Inbox;
let t: TestDb;

beforeAll(async () => {
  inbox = await startInbox({ refuse: [REFUSED] });
  t = await createTestDb();
}, 120_000);

afterAll(async () => {
  await t.close();
  await inbox.close();
});

beforeEach(() => {
  inbox.received.length = 0;
});

const deps = (db = t.db): ScheduledMailDeps => ({
  db,
  sendMail: createMailer({
    kind: "smtp",
    url: inbox.url,
    from: "Neuronlab <no-reply@neuronlab.example>",
  }),
  siteUrl: SITE,
});

let serial = 0;
async function person(
  name: string,
  extra: { locale?: string; email?: string; role?: "EDUCATOR" } = {},
) {
  const n = ++serial;
  return t.db.user.create({
    data: {
      email: extra.email ?? `${name.toLowerCase()}-${String(n)}@example.com`,
      name,
      locale: extra.locale ?? null,
      role: extra.role ?? "LEARNER",
    },
    select: { id: true, email: true },
  });
}

async function classWith(names: string[], { locale = "en", teacherName = "Ada" } = {}) {
  const teacher = await person(teacherName, { role: "EDUCATOR" });
  const name = `Class ${String(++serial)}`;
  const created = await createCohort(t.db, teacher.id, {
    name,
    description: null,
    locale,
    timeZone: "Europe/Berlin",
  });
  const cohort = { ...created, name };
  const learners = [];
  for (const name of names) {
    const learner = await person(name, name === "Jonas" ? { locale: "de" } : {});
    await joinCohort(t.db, learner.id, cohort.joinCode);
    learners.push(learner);
  }
  return { teacher, cohort, learners };
}

function only<T>(items: T[]): T {
  const [item] = items;
  if (!item || items.length !== 1) throw new Error(`expected one, got ${String(items.length)}`);
  return item;
}

const mailsTo = (email: string) => inbox.received.filter((m) => m.to.includes(email));

describe("assignment reminders", () => {
  it("one mail per unfinished learner, in their language, with the lesson's link; a second run sends none", async () => {
    const { teacher, cohort, learners } = await classWith(["Lea", "Jonas", "Done"]);
    const [lea, jonas, done] = learners as [
      (typeof learners)[0],
      (typeof learners)[0],
      (typeof learners)[0],
    ];
    await t.db.lessonProgress.create({
      data: { userId: done.id, lessonSlug: "a-single-neuron", completedAt: at(1) },
    });
    const dueAt = at(20, 21); // 23:00 in Berlin
    await setAssignment(t.db, teacher.id, cohort.id, "a-single-neuron", dueAt);

    // Three days before: nothing yet.
    expect(await sendDueReminders(deps(), new Date(dueAt.getTime() - 3 * DAY))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(inbox.received).toHaveLength(0);

    const result = await sendDueReminders(deps(), new Date(dueAt.getTime() - DAY));
    expect(result).toEqual({ sent: 2, failed: 0 });
    expect(mailsTo(done.email)).toHaveLength(0);

    const [english] = mailsTo(lea.email);
    expect(english?.subject).toBe(
      "Reminder: “Inside a single neuron” is due Wednesday, May 20, 2026 at 11:00 PM",
    );
    expect(english?.text).toContain("Hello Lea,");
    expect(english?.text).toContain(
      `Your class ${cohort.name} has the lesson Inside a single neuron to finish by`,
    );
    expect(english?.text).toContain(`${SITE}/course/a-single-neuron`);
    expect(english?.text).toContain(`${SITE}/account#mail`);
    expect(english?.html).toContain(`<strong>${cohort.name}</strong>`);
    expect(english?.headers["list-unsubscribe"]).toBe(`<${SITE}/account#mail>`);

    const [german] = mailsTo(jonas.email);
    expect(german?.subject).toBe(
      "Erinnerung: „Ein einzelnes Neuron von innen“ ist fällig am Mittwoch, 20. Mai 2026 um 23:00",
    );
    expect(german?.text).toContain("Hallo Jonas,");
    expect(german?.text).toContain(`${SITE}/de/course/a-single-neuron`);
    expect(german?.text).not.toMatch(/Reminder|Hello|lesson/);

    // The worker runs every ten minutes: the next runs send nothing more.
    inbox.received.length = 0;
    expect(await sendDueReminders(deps(), new Date(dueAt.getTime() - DAY + 600_000))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await sendDueReminders(deps(), new Date(dueAt.getTime() - 3_600_000))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(inbox.received).toHaveLength(0);
  });

  it("a goal exercise's reminder names the exercise and links to it", async () => {
    const { teacher, cohort, learners } = await classWith(["Ex"]);
    const learner = only(learners);
    await setAssignment(
      t.db,
      teacher.id,
      cohort.id,
      { kind: "EXERCISE", lessonSlug: "a-single-neuron", exerciseId: "neuron-separate" },
      at(26),
    );
    expect(await sendDueReminders(deps(), new Date(at(26).getTime() - DAY))).toEqual({
      sent: 1,
      failed: 0,
    });
    const mail = only(mailsTo(learner.email));
    expect(mail.text).toContain(
      `Your class ${cohort.name} has Goal exercise 5 of 5 in “Inside a single neuron” to solve by`,
    );
    expect(mail.text).toContain(`${SITE}/course/a-single-neuron#exercise-neuron-separate`);
  });

  it("two workers running at the same moment send each reminder once", async () => {
    const { teacher, cohort, learners } = await classWith(["A", "B", "C", "D", "E"]);
    await setAssignment(t.db, teacher.id, cohort.id, "measuring-error", at(22));
    const now = new Date(at(22).getTime() - DAY);
    const other = createDb({ url: t.url, poolSize: 2 });
    try {
      const results = await Promise.all([
        sendDueReminders(deps(), now),
        sendDueReminders(deps(other), now),
      ]);
      expect(results[0].sent + results[1].sent).toBe(5);
    } finally {
      await other.$disconnect();
    }
    for (const learner of learners) expect(mailsTo(learner.email)).toHaveLength(1);
  });

  it("a learner who turned reminders off gets none; a refused mail is tried again next run", async () => {
    const { teacher, cohort } = await classWith([]);
    const quiet = await person("Quiet");
    const full = await person("Full", { email: REFUSED });
    for (const learner of [quiet, full]) await joinCohort(t.db, learner.id, cohort.joinCode);
    await setMailChoices(t.db, quiet.id, { mailReminders: false, mailSummary: true });
    await setAssignment(t.db, teacher.id, cohort.id, "the-forward-pass", at(24));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const now = new Date(at(24).getTime() - DAY);

    expect(await sendDueReminders(deps(), now)).toEqual({ sent: 0, failed: 1 });
    // Given back: the next run tries again (and the mailbox still refuses).
    expect(await sendDueReminders(deps(), now)).toEqual({ sent: 0, failed: 1 });
    expect(mailsTo(quiet.email)).toHaveLength(0);
    expect(await t.db.assignmentReminder.count({ where: { userId: full.id } })).toBe(0);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});

describe("weekly summary", () => {
  it("sums up last week for each educator, once per week, not to those who opted out", async () => {
    const { teacher, cohort, learners } = await classWith(["Lea", "Max"], { teacherName: "Grace" });
    const lea = only(learners.slice(0, 1));
    await t.db.lessonProgress.create({
      data: { userId: lea.id, lessonSlug: "a-single-neuron", completedAt: at(5) },
    });
    await setAssignment(t.db, teacher.id, cohort.id, "measuring-error", at(13));
    const monday = at(11, 6); // Monday 11 May 2026, 06:00 UTC
    const quiet = await classWith([], { teacherName: "Quiet" });
    await setMailChoices(t.db, quiet.teacher.id, { mailReminders: true, mailSummary: false });

    const first = await sendWeeklySummaries(deps(), monday);
    expect(first.failed).toBe(0);
    const [mail] = mailsTo(teacher.email);
    expect(mailsTo(quiet.teacher.email)).toHaveLength(0);
    expect(mail?.subject).toBe("Your classes on Neuronlab, May 4, 2026 – May 10, 2026");
    expect(mail?.text).toContain("Hello Grace,");
    expect(mail?.text).toContain(
      `${cohort.name}: 1 of 2 learners active, 1 lesson finished, no answers given.`,
    );
    expect(mail?.text).toContain("- Measuring how wrong we are, due May 13, 2026: 0 of 2 finished");
    expect(mail?.text).toContain(`${SITE}/educator`);

    inbox.received.length = 0;
    await sendWeeklySummaries(deps(), new Date(monday.getTime() + 3_600_000));
    expect(mailsTo(teacher.email)).toHaveLength(0);
    // The next week: the next summary.
    await sendWeeklySummaries(deps(), new Date(monday.getTime() + 7 * DAY));
    expect(mailsTo(teacher.email)).toHaveLength(1);
  });
});

describe("the job queue on the database", () => {
  it("a worker runs a queued reminder job for the moment it names; two workers share the queue", async () => {
    const { teacher, cohort, learners } = await classWith(["Queue"]);
    const learner = only(learners);
    await setAssignment(t.db, teacher.id, cohort.id, "a-single-neuron", at(28));
    const first = await openQueue({ url: t.url, connections: 1 });
    const second = await openQueue({ url: t.url, connections: 1 });
    try {
      await startWorker(first, deps(), { pollSeconds: 0.5, log: () => undefined });
      await startWorker(second, deps(), { pollSeconds: 0.5, log: () => undefined });
      const moment = new Date(at(28).getTime() - DAY).toISOString();
      await enqueue(first, JOBS.reminders.name, { at: moment });
      await enqueue(second, JOBS.reminders.name, { at: moment });
      await expect.poll(() => mailsTo(learner.email).length, { timeout: 20_000 }).toBe(1);
      // Both jobs done: still one mail.
      await expect
        .poll(
          async () => (await first.getQueueSize(JOBS.reminders.name)) + (await activeJobs(first)),
          { timeout: 20_000 },
        )
        .toBe(0);
      expect(mailsTo(learner.email)).toHaveLength(1);
      // Both workers keep the same schedules, once each.
      const schedules = await first.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
        [JOBS.reminders.name, JOBS.reminders.cron],
        [JOBS.maintenance.name, JOBS.maintenance.cron],
        [JOBS.summaries.name, JOBS.summaries.cron],
      ]);
    } finally {
      await first.stop({ graceful: false, wait: true });
      await second.stop({ graceful: false, wait: true });
    }
  });
});

async function activeJobs(boss: Awaited<ReturnType<typeof openQueue>>): Promise<number> {
  const queue = await boss.getQueue(JOBS.reminders.name);
  return (queue as { activeCount?: number } | null)?.activeCount ?? 0;
}

describe("daily maintenance", () => {
  it("deletes expired sign-in links and sessions and request counts older than a day, nothing else", async () => {
    const now = at(30);
    const user = await person("Keep");
    await t.db.session.createMany({
      data: [
        { sessionToken: `old-${user.id}`, userId: user.id, expires: new Date(now.getTime() - 1) },
        { sessionToken: `new-${user.id}`, userId: user.id, expires: new Date(now.getTime() + DAY) },
      ],
    });
    await t.db.verificationToken.createMany({
      data: [
        { identifier: user.email, token: `old-${user.id}`, expires: new Date(now.getTime() - 1) },
        {
          identifier: user.email,
          token: `new-${user.id}`,
          expires: new Date(now.getTime() + 60_000),
        },
      ],
    });
    await t.db.rateLimitHit.createMany({
      data: [
        { bucket: "test", key: user.id, at: new Date(now.getTime() - DAY - 1) },
        { bucket: "test", key: user.id, at: new Date(now.getTime() - 60_000) },
      ],
    });
    const result = await runMaintenance({ db: t.db }, now);
    expect(result.sent).toBeGreaterThanOrEqual(3);
    expect(
      await t.db.session.findMany({ where: { userId: user.id }, select: { sessionToken: true } }),
    ).toEqual([{ sessionToken: `new-${user.id}` }]);
    expect(await t.db.verificationToken.count({ where: { identifier: user.email } })).toBe(1);
    expect(await t.db.rateLimitHit.count({ where: { key: user.id } })).toBe(1);
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(1);
  });
});
