/**
 * `pnpm job <name> [--at <ISO moment>]`: puts one job on the queue now, for the worker beside the
 * platform to run; `--at` runs it as if at that moment (a due date's reminder can be tried without
 * waiting for the day). Names: assignment-reminders, weekly-summaries. Needs DATABASE_URL, which
 * `pnpm job` sets through with-db (the embedded database when none is configured).
 */
import { enqueue, isJobName, JOB_NAMES, openQueue } from "../src/jobs/queue";

const [name, flag, at] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!name || !isJobName(name) || (flag !== undefined && (flag !== "--at" || !at))) {
  console.error(`usage: pnpm job <${JOB_NAMES.join("|")}> [--at 2026-03-10T09:00:00Z]`);
  process.exit(2);
}
if (at !== undefined && Number.isNaN(new Date(at).getTime())) {
  console.error(`not a moment: ${at}`);
  process.exit(2);
}
if (!url) {
  console.error("DATABASE_URL is not set: run it as `pnpm job …`.");
  process.exit(2);
}
const boss = await openQueue({ url, connections: 1 });
try {
  const id = await enqueue(boss, name, at === undefined ? {} : { at: new Date(at).toISOString() });
  console.info(`queued ${name} (${id})`);
} finally {
  await boss.stop({ graceful: false, wait: true });
}
