/**
 * The job worker: a process of its own, beside the web server, that runs the platform's scheduled
 * work from the job queue in its database (src/jobs/queue.ts): assignment reminders and the
 * educators' weekly summary. The web server starts one beside itself (server.ts; JOB_WORKER=off
 * not to); several servers mean several workers, and each mail still goes out once.
 *
 *   tsx worker.ts     (with DATABASE_URL, as `pnpm worker` sets it through with-db)
 */
import { createDb } from "@neuronlab/db/client";
import { createMailer } from "./src/auth/mail";
import { resolveAuthSettings } from "./src/auth/settings";
import { parseEnv } from "./src/env-schema";
import { openQueue, startWorker } from "./src/jobs/queue";

const env = parseEnv(process.env);
if (!env.DATABASE_URL) {
  console.error("job worker: DATABASE_URL is not set (start it with `pnpm worker`).");
  process.exit(2);
}
const auth = resolveAuthSettings(env);
// A few connections: the web server's pool and this one share the database's limit.
const db = createDb({ url: env.DATABASE_URL, poolSize: 2 });
const boss = await openQueue({ url: env.DATABASE_URL, connections: 3 });
await startWorker(boss, { db, sendMail: createMailer(auth.mail), siteUrl: auth.siteUrl });
console.info("  job worker: assignment reminders, weekly summaries");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Lets a running job finish (its claims make a cut-off run safe to repeat anyway).
    void boss
      .stop({ graceful: true, wait: true, timeout: 10_000 })
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  });
}
