import PgBoss from "pg-boss";
import {
  sendDueReminders,
  sendWeeklySummaries,
  type RunResult,
  type ScheduledMailDeps,
} from "./scheduled-mail";
import { runMaintenance } from "./maintenance";

/**
 * The platform's scheduled work, on pg-boss: the queue lives in the platform's own PostgreSQL (the
 * embedded PGlite in a local run), in its own schema "pgboss". pg-boss rather than
 * graphile-worker: the current releases of both need Node 22, and pg-boss 10 is the newest line of
 * either that runs on Node 20 (this platform's runtime); its cron schedules are kept in the
 * database and each is turned into one job per minute however many workers run, and it needs no
 * LISTEN/NOTIFY, which the embedded server's connections do not carry.
 *
 * Each job is a scan that finds what is due and claims every mail in the database before sending
 * it (scheduled-mail.ts), so a job run twice, or by two workers at once, sends each mail once.
 */

export const JOBS = {
  /** Reminders of assignments due: every ten minutes. */
  reminders: { name: "assignment-reminders", cron: "*/10 * * * *" },
  /** The educators' weekly summary: Mondays at 06:00 UTC. */
  summaries: { name: "weekly-summaries", cron: "0 6 * * 1" },
  /** Expired sign-in links and sessions, and old request counts: daily at 03:30 UTC. */
  maintenance: { name: "daily-maintenance", cron: "30 3 * * *" },
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS]["name"];

export const JOB_NAMES: readonly JobName[] = Object.values(JOBS).map((j) => j.name);

export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}

/** A job's data: the moment to run for (ISO 8601), else the moment it runs. */
export interface JobData {
  at?: string;
}

const RUNS: Record<JobName, (deps: ScheduledMailDeps, now: Date) => Promise<RunResult>> = {
  "assignment-reminders": sendDueReminders,
  "weekly-summaries": sendWeeklySummaries,
  "daily-maintenance": runMaintenance,
};

export interface QueueOptions {
  url: string;
  /** Connections the queue may hold (keep the sum of every client within the server's limit). */
  connections?: number;
  /** How often a worker looks for jobs, in seconds (pg-boss's default: 2). */
  pollSeconds?: number;
}

/** A started pg-boss on the platform's database, with the queues made. Stop it when done. */
export async function openQueue({ url, connections = 3 }: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: connections,
    application_name: "neuronlab-jobs",
  });
  boss.on("error", (error) => {
    console.error("job queue:", error);
  });
  await boss.start();
  for (const name of JOB_NAMES) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: 3 });
  }
  return boss;
}

/** Puts a job on the queue (a test moves the clock with `at`); returns its id. */
export async function enqueue(boss: PgBoss, name: JobName, data: JobData = {}): Promise<string> {
  const id = await boss.send(name, data);
  if (!id) throw new Error(`the queue did not take the ${name} job`);
  return id;
}

/**
 * Makes this process a worker: keeps the schedules (idempotent: every worker sets the same ones)
 * and runs every job that arrives. Returns when it has started; the work goes on until `boss.stop`.
 */
export async function startWorker(
  boss: PgBoss,
  deps: ScheduledMailDeps,
  {
    pollSeconds = 2,
    log = console.info,
  }: { pollSeconds?: number; log?: (line: string) => void } = {},
): Promise<void> {
  for (const job of Object.values(JOBS)) {
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    await boss.work<JobData>(job.name, { pollingIntervalSeconds: pollSeconds }, async (jobs) => {
      for (const { data } of jobs) {
        const at = data.at === undefined ? new Date() : new Date(data.at);
        if (Number.isNaN(at.getTime()))
          throw new Error(`${job.name}: not a moment: ${String(data.at)}`);
        const result = await RUNS[job.name](deps, at);
        if (result.sent + result.failed > 0) {
          log(
            `${job.name} for ${at.toISOString()}: ${String(result.sent)} sent, ${String(result.failed)} to retry`,
          );
        }
        // A mail the server refused was given back: fail the job so pg-boss retries it soon.
        if (result.failed > 0) throw new Error(`${String(result.failed)} mail(s) not sent`);
      }
    });
  }
}
