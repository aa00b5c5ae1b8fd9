/**
 * `pnpm job <name> [--at <ISO moment>] [--wait]`: puts one job on the queue now, for the worker
 * beside the platform to run. `--at` runs it as if at that moment (a due date's reminder can be
 * tried without waiting for the day); `--wait` returns once the worker has finished it (non-zero
 * if it failed). Names: assignment-reminders, weekly-summaries. Needs DATABASE_URL, which
 * `pnpm job` sets through with-db (the embedded database when none is configured).
 */
import { parseArgs } from "node:util";
import { enqueue, isJobName, JOB_NAMES, openQueue } from "../src/jobs/queue";

const usage = `usage: pnpm job <${JOB_NAMES.join("|")}> [--at 2026-03-10T09:00:00Z] [--wait]`;
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { at: { type: "string" }, wait: { type: "boolean", default: false } },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error, `\n${usage}`);
  process.exit(2);
}
const [name, ...extra] = parsed.positionals;
const { at, wait } = parsed.values;
if (!name || !isJobName(name) || extra.length > 0) {
  console.error(usage);
  process.exit(2);
}
if (at !== undefined && Number.isNaN(new Date(at).getTime())) {
  console.error(`not a moment: ${at}\n${usage}`);
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: run it as `pnpm job …`.");
  process.exit(2);
}

const boss = await openQueue({ url, connections: 1 });
let failed = false;
try {
  const id = await enqueue(boss, name, at === undefined ? {} : { at: new Date(at).toISOString() });
  console.info(`queued ${name} (${id})`);
  if (wait) {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const job = await boss.getJobById(name, id, { includeArchive: true });
      if (job?.state === "completed") break;
      if (job?.state === "failed" || job?.state === "cancelled" || Date.now() > deadline) {
        console.error(`${name} (${id}): ${job?.state ?? "not found"}`, job?.output ?? "");
        failed = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!failed) console.info(`${name} (${id}) done`);
  }
} finally {
  await boss.stop({ graceful: false, wait: true });
}
process.exit(failed ? 1 : 0);
