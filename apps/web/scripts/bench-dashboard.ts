/**
 * `pnpm --filter @neuronlab/web bench:dashboard`: how long the class dashboard
 * (/educator/cohorts/<id>) takes to render on the server for a cohort of 200 learners × 8 lessons
 * with 20,000 attempts (and 2,000 other users with 40,000 attempts in the same tables), measured
 * end to end over HTTP against the production build, as a signed-in educator.
 *
 * What it does, all of it throw-away:
 * 1. starts the embedded database as a local run does (scripts/db-server.ts of @neuronlab/db, a
 *    PGlite process of its own) on a new data directory under the system's temporary folder and a
 *    free port, applies the migrations (prisma/migrations, as the tests do), seeds the
 *    cohort (prisma/scripts/class-fixture.ts, the data `bench:class` measures, with the course's
 *    real exercise ids) and runs ANALYZE;
 * 2. signs the cohort's teacher in the way a magic link ends: a Session row stored under the hash of
 *    a token (`createSession`, as next-auth's adapter does), the token sent as the session cookie;
 * 3. starts the platform's server (`tsx server.ts`, as `pnpm start` does) on the existing build in
 *    .next, with NEURONLAB_LOCAL=1, JOB_WORKER=off and its own secret, so nothing of the
 *    developer's own local database or .data/ is read or written;
 * 4. requests the page WARM_UP times, then RUNS times one after another, checks every answer is the
 *    full page (200, the class table with every learner's row), and prints median, p95 and max of
 *    the time to the last byte, with the HTML's size;
 * 5. times, in this process against the same database, the page's queries without the page:
 *    `classActivity` alone (the baseline, as `bench:class`), then loadCohortPage's three queries
 *    with `classView`'s shaping, so the render's share is visible.
 *
 * Exits 1 when the median is over BUDGET_MS (the issue's 300 ms); stops the server and the
 * database whatever happens. Needs a production build (`pnpm --filter @neuronlab/web build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { courseIn } from "@neuronlab/content/course";
import { createSession } from "@neuronlab/db/accounts";
import { certificatesOfCohort } from "@neuronlab/db/certificates";
import { classActivity } from "@neuronlab/db/class-activity";
import { createDb, type Db } from "@neuronlab/db/client";
import { cohortForTeacher } from "@neuronlab/db/cohorts";
import {
  applyMigrations,
  COHORT_ATTEMPTS,
  COHORT_LEARNERS,
  OTHER_ATTEMPTS,
  OTHER_USERS,
  seedClass,
  TEACHER_EMAIL,
} from "../../../prisma/scripts/class-fixture.ts";
import {
  localDbSettings,
  localPoolSize,
  spawnServer,
  waitUntilReachable,
} from "../../../prisma/scripts/local-db.ts";
import { classView } from "../src/teaching/class-view";

const BUDGET_MS = 300;
const WARM_UP = 5;
const RUNS = 30;
const LOCALE = "en";
const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

const fmt = (n: number) => n.toLocaleString("en-US");
const ms = (n: number) => `${n.toFixed(1)} ms`;
const pause = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

function fail(message: string): never {
  console.error(`bench-dashboard: ${message}`);
  process.exit(1);
}

const buildId = join(APP_DIR, ".next/BUILD_ID");
if (!existsSync(buildId)) {
  fail(
    "no production build in apps/web/.next: run `pnpm --filter @neuronlab/web build` first " +
      "(this benchmark measures the build, it does not make one).",
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** `sorted` ascending; nearest rank. */
function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
}

function summarise(times: number[]): Summary {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: median(sorted),
    p95: percentile(sorted, 95),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}

const line = (s: Summary) =>
  `median ${ms(s.median)}, p95 ${ms(s.p95)}, min ${ms(s.min)}, max ${ms(s.max)}`;

async function timed<T>(runs: number, warmUp: number, task: () => Promise<T>): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  return times;
}

// ---------------------------------------------------------------------------------------------
// What runs, and how it stops.

const workDir = mkdtempSync(join(tmpdir(), "neuronlab-bench-dashboard-"));
const dbSettings = localDbSettings({
  ...process.env,
  PGLITE_DIR: join(workDir, "pglite"),
  LOCAL_DB_PORT: String(await freePort()),
  LOCAL_DB_MAX_CONNECTIONS: "20",
});
const serverLog = join(workDir, "server.log");
let dbServer: ChildProcess | undefined;
let webServer: ChildProcess | undefined;
let db: Db | undefined;

function waitForExit(child: ChildProcess, millis: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    // Cleared on exit: a pending timer would keep this process alive after the run.
    const timer = setTimeout(() => {
      child.off("exit", exited);
      resolve(false);
    }, millis);
    const exited = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", exited);
  });
}

/** Signals a child's whole process group (the web server: tsx and the node it runs) or the child. */
function signal(child: ChildProcess, name: NodeJS.Signals, group: boolean): void {
  if (child.pid === undefined) return;
  try {
    if (group) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // gone already
  }
}

async function stopChild(child: ChildProcess | undefined, group: boolean): Promise<void> {
  if (!child) return;
  signal(child, "SIGTERM", group);
  if (!(await waitForExit(child, 15_000))) {
    signal(child, "SIGKILL", group);
    await waitForExit(child, 5_000);
  }
}

let stopped: Promise<void> | undefined;
/** Stops the web server, then the database, and removes the data directory; once. */
function stopAll(): Promise<void> {
  stopped ??= (async () => {
    await stopChild(webServer, true);
    await db?.$disconnect().catch(() => undefined);
    await stopChild(dbServer, false);
    rmSync(workDir, { recursive: true, force: true });
  })();
  return stopped;
}

for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(name, () => {
    console.error(`\nbench-dashboard: ${name}, stopping the server and the database`);
    void stopAll().finally(() => process.exit(130));
  });
}

function serverLogTail(): string {
  try {
    return readFileSync(serverLog, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "(no server log)";
  }
}

async function startDatabase(): Promise<Db> {
  dbServer = spawnServer(dbSettings, { detached: false });
  await waitUntilReachable(dbSettings.url, { server: dbServer, timeoutMs: 60_000 });
  console.info(`database: embedded PGlite (its own process), ${dbSettings.dataDir}`);
  await applyMigrations(dbSettings.url);
  return createDb({ url: dbSettings.url, poolSize: 4 });
}

async function startWebServer(port: number): Promise<string> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = openSync(serverLog, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: dbSettings.url,
    DATABASE_POOL_SIZE: String(localPoolSize(dbSettings)),
    NEURONLAB_LOCAL: "1",
    JOB_WORKER: "off",
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: `http://localhost:${port}`,
    // Given, so the app generates none under .data/ (the developer's own).
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    PGLITE_DIR: dbSettings.dataDir,
    LOCAL_DB_PORT: String(dbSettings.port),
  };
  delete env.SMTP_URL;
  try {
    webServer = spawn(join(APP_DIR, "node_modules/.bin/tsx"), ["server.ts"], {
      cwd: APP_DIR,
      env,
      stdio: ["ignore", log, log],
      detached: true,
    });
  } finally {
    closeSync(log);
  }
  const started = webServer;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (started.exitCode !== null || started.signalCode !== null) {
      throw new Error(
        `the server exited (${String(started.exitCode ?? started.signalCode)}):\n${serverLogTail()}`,
      );
    }
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return baseUrl;
    await pause(250);
  }
  throw new Error(`the server did not answer /api/health within two minutes:\n${serverLogTail()}`);
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
try {
  const build = statSync(buildId);
  console.info(
    `bench-dashboard: build ${readFileSync(buildId, "utf8").trim()} of ${build.mtime.toISOString()}; ` +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}`,
  );
  db = await startDatabase();

  // The real course's exercise ids, so the page's scores and exercise table are filled.
  const course = courseIn(LOCALE).compiledLessons.map(({ meta, exercises }) => ({
    slug: meta.slug,
    exercises,
  }));
  const seedStart = performance.now();
  const { teacherId, cohortId, learners } = await seedClass(db, { course });
  await db.$executeRawUnsafe("ANALYZE");
  console.info(
    `seeded in ${ms(performance.now() - seedStart)}: ${fmt(COHORT_LEARNERS)} learners × ${course.length} lessons, ` +
      `${fmt(COHORT_ATTEMPTS)} attempts (+ ${fmt(OTHER_ATTEMPTS)} by ${fmt(OTHER_USERS)} others); ANALYZE done`,
  );

  // Signed in as the teacher: the session a magic link's callback would have made.
  const token = randomBytes(32).toString("hex");
  await createSession(db, {
    sessionToken: token,
    userId: teacherId,
    expires: new Date(Date.now() + 3_600_000),
  });

  const serverStart = performance.now();
  const baseUrl = await startWebServer(await freePort());
  console.info(
    `server: ${baseUrl} (tsx server.ts, production build), ready in ${ms(performance.now() - serverStart)}`,
  );

  // NEURONLAB_LOCAL: plain-HTTP cookie names (src/auth/config.ts's sessionCookieName).
  const headers = {
    cookie: `next-auth.session-token=${token}; NEXT_LOCALE=${LOCALE}`,
    "accept-language": LOCALE,
  };
  const pageUrl = `${baseUrl}/educator/cohorts/${cohortId}`;
  const lastLearner = learners[learners.length - 1]?.name ?? "";
  let size = 0;
  let firstBytes: number[] = [];

  /** One request, read to its last byte; throws unless it is the whole dashboard. */
  const request = async () => {
    const t0 = performance.now();
    const response = await fetch(pageUrl, { headers, redirect: "manual" });
    const headersAt = performance.now() - t0;
    const html = await response.text();
    // BENCH_SAVE_HTML=<file>: keep one answer, to see what the page is made of.
    if (process.env.BENCH_SAVE_HTML) writeFileSync(process.env.BENCH_SAVE_HTML, html);
    if (response.status !== 200) {
      throw new Error(
        `GET ${pageUrl} answered ${response.status} ${response.headers.get("location") ?? ""}\n${html.slice(0, 500)}\n${serverLogTail()}`,
      );
    }
    const rows = html.split('<tr data-learner="').length - 1;
    const exerciseTable = html.includes('data-testid="exercise-table"');
    if (
      rows !== COHORT_LEARNERS ||
      !html.includes(`<tr data-learner="${lastLearner}"`) ||
      !exerciseTable
    ) {
      throw new Error(
        `the page is not the full dashboard: ${rows} learner rows of ${COHORT_LEARNERS}` +
          (exerciseTable ? "" : ", no exercise table") +
          ` (signed in as ${TEACHER_EMAIL}?)`,
      );
    }
    size = Buffer.byteLength(html);
    firstBytes.push(headersAt);
  };

  const pageTimes = await timed(RUNS, WARM_UP, request);
  firstBytes = firstBytes.slice(WARM_UP);
  const page = summarise(pageTimes);

  // The same work without the page, in this process, on the same database.
  const queries = summarise(
    await timed(RUNS, WARM_UP, async () => {
      if (!(await classActivity(db as Db, teacherId, cohortId))) {
        throw new Error("classActivity found no cohort for its teacher");
      }
    }),
  );
  const loaderAndShape = summarise(
    await timed(RUNS, WARM_UP, async () => {
      const [cohort, activity] = await Promise.all([
        cohortForTeacher(db as Db, teacherId, cohortId),
        classActivity(db as Db, teacherId, cohortId),
        certificatesOfCohort(db as Db, teacherId, cohortId),
      ]);
      if (!cohort || !activity) throw new Error("the cohort's loaders found nothing");
      classView(course, activity, cohort.assignments, new Date());
    }),
  );
  const activity = await classActivity(db, teacherId, cohortId);
  if (!activity) throw new Error("classActivity found no cohort for its teacher");
  const shape = summarise(
    await timed(RUNS, WARM_UP, () => {
      classView(course, activity, [], new Date());
      return Promise.resolve();
    }),
  );

  console.info(
    `\nGET /educator/cohorts/<id> as its teacher, ${RUNS} requests after ${WARM_UP} to warm up, one at a time; ` +
      `every answer 200 with ${COHORT_LEARNERS} learner rows and the exercise table, ${fmt(size)} bytes of HTML`,
  );
  console.info(`  page, time to the last byte:   ${line(page)}`);
  console.info(`  page, time to the headers:      ${line(summarise(firstBytes))}`);
  console.info(`  classActivity alone (baseline): ${line(queries)}`);
  console.info(`  loadCohortPage's queries + classView: ${line(loaderAndShape)}`);
  console.info(`  classView alone (shaping):      ${line(shape)}`);
  console.info(
    `  render and the rest (page median − classActivity median): ${ms(page.median - queries.median)}`,
  );
  const verdict = page.median <= BUDGET_MS ? "within" : "OVER";
  console.info(
    `\nclass dashboard, ${COHORT_LEARNERS} learners × ${course.length} lessons, ${fmt(COHORT_ATTEMPTS)} attempts, ` +
      `embedded PGlite: median ${ms(page.median)}, p95 ${ms(page.p95)}, max ${ms(page.max)} ` +
      `(${verdict} the ${BUDGET_MS} ms budget); classActivity median ${ms(queries.median)}; ` +
      `load average now ${loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}`,
  );
  if (page.median > BUDGET_MS) process.exitCode = 1;
} catch (error) {
  console.error("bench-dashboard failed:", error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
console.info(`total ${ms(performance.now() - started)}`);
