/**
 * `pnpm --filter @neuronlab/web bench`: how fast the platform stores learners' progress. Runs
 * autocannon against `next start` (the production build) on PostgreSQL, as a signed-in learner,
 * and prints requests per second and p50/p99 latency for each kind of write.
 *
 * Needs: a production build (`pnpm --filter @neuronlab/web build`) and DATABASE_URL naming a
 * PostgreSQL database with the migrations applied (`pnpm db:deploy`). Without DATABASE_URL it
 * says so and exits 0, so `pnpm bench` on a laptop skips it. The learner it writes as (a user and
 * a session row made here) is deleted afterwards, with everything it wrote.
 *
 * BENCH_URL: a server already running (it must use the same database); otherwise one is started
 * on a free port. BENCH_REQUESTS (per scenario, 1000) and BENCH_CONNECTIONS (10). A scenario ends
 * after a number of answers rather than at a deadline, so no request is cut off half-way.
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createSession } from "@neuronlab/db/accounts";
import { createDb } from "@neuronlab/db/client";
import { deleteUser } from "@neuronlab/db/users";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const databaseUrl = process.env.DATABASE_URL ?? "";
const amount = Number(process.env.BENCH_REQUESTS ?? 1000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.log(
    [
      "bench-progress: skipped. It needs PostgreSQL and a production build:",
      "  pnpm --filter @neuronlab/web build",
      "  DATABASE_URL=postgresql://user:password@host:5432/db pnpm db:deploy",
      "  DATABASE_URL=postgresql://user:password@host:5432/db pnpm --filter @neuronlab/web bench",
    ].join("\n"),
  );
  process.exit(0);
}

function fail(message: string): never {
  console.error(`bench-progress: ${message}`);
  process.exit(1);
}

if (!process.env.BENCH_URL && !existsSync(`${APP_DIR}/.next/BUILD_ID`)) {
  fail("no production build in apps/web/.next: run `pnpm --filter @neuronlab/web build` first.");
}

const db = createDb({ url: databaseUrl, poolSize: 2 });
const [version] = await db.$queryRaw<{ version: string }[]>`SELECT version()`.catch(
  (error: unknown) => fail(`cannot reach DATABASE_URL: ${String(error)}`),
);
await db.exerciseAttempt
  .count({ take: 1 })
  .catch(() => fail("the database has no tables: apply the migrations with `pnpm db:deploy`."));

// The learner the benchmark writes as: a user and a database session, as sign-in would make.
const token = randomBytes(32).toString("hex");
const learner = await db.user.create({
  data: { email: `bench-${randomUUID()}@bench.invalid`, name: "Benchmark learner" },
  select: { id: true },
});
await createSession(db, {
  sessionToken: token,
  userId: learner.id,
  expires: new Date(Date.now() + 3_600_000),
});

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

let server: ReturnType<typeof spawn> | undefined;
let baseUrl = process.env.BENCH_URL ?? "";
if (!baseUrl) {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(`${APP_DIR}/node_modules/.bin/next`, ["start", "--port", String(port)], {
    cwd: APP_DIR,
    // Local mode: plain-HTTP cookie names and no mail settings needed; the database is real.
    env: { ...process.env, NODE_ENV: "production", NEURONLAB_LOCAL: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stop(): Promise<void> {
  const running = server;
  if (running?.pid !== undefined && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once("exit", resolve));
    try {
      process.kill(-running.pid, "SIGTERM");
      await Promise.race([exited, pause(10_000)]);
    } catch {
      // Gone already.
    }
  }
  // Only once the server is gone: a request still in flight would find its learner missing.
  await deleteUser(db, learner.id).catch(() => undefined);
  await db.$disconnect();
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await pause(250);
  }
  await stop();
  fail(`the server at ${baseUrl} did not answer /api/health within a minute.`);
}

// Both names: the server reads the one its mode uses (`__Secure-` behind HTTPS).
const cookie = `next-auth.session-token=${token}; __Secure-next-auth.session-token=${token}`;
const json = { "content-type": "application/json", cookie };
const anchors = [
  "a-function-with-knobs",
  "everything-becomes-numbers",
  "not-a-brain-just-arithmetic",
];
const retried = randomUUID();

interface Scenario {
  name: string;
  method: "POST" | "PUT";
  path: string;
  body: () => string;
}

const scenarios: Scenario[] = [
  {
    name: "answer an exercise (graded, stored: a new attempt)",
    method: "POST",
    path: "/api/exercises/neuron-compute-z/attempts",
    body: () =>
      JSON.stringify({ attemptId: randomUUID(), answer: { kind: "numeric", value: -0.7 } }),
  },
  {
    name: "retry of one attempt (graded, stored once)",
    method: "POST",
    path: "/api/exercises/neuron-compute-z/attempts",
    body: () => JSON.stringify({ attemptId: retried, answer: { kind: "numeric", value: -0.7 } }),
  },
  {
    name: "save the reading position",
    method: "PUT",
    path: "/api/progress/lessons/introduction",
    body: () =>
      JSON.stringify({
        position: {
          anchor: anchors[Math.floor(Math.random() * anchors.length)],
          at: new Date().toISOString(),
        },
      }),
  },
];

try {
  await waitForServer();
  console.log(`bench-progress: ${baseUrl}, ${version?.version.split(",")[0] ?? "PostgreSQL"}`);
  console.log(
    `${connections} connections, ${amount} requests per scenario, as a signed-in learner\n`,
  );
  const rows: string[][] = [];
  for (const scenario of scenarios) {
    // Warm up: the first requests compile routes and fill the connection pool.
    for (let i = 0; i < 30; i++) {
      await fetch(`${baseUrl}${scenario.path}`, {
        method: scenario.method,
        headers: json,
        body: scenario.body(),
      });
    }
    const before = await db.exerciseAttempt.count({ where: { userId: learner.id } });
    const result = await autocannon({
      url: baseUrl,
      connections,
      amount,
      requests: [
        {
          method: scenario.method,
          path: scenario.path,
          headers: json,
          setupRequest: (request) => ({ ...request, body: scenario.body() }),
        },
      ],
    });
    const stored = (await db.exerciseAttempt.count({ where: { userId: learner.id } })) - before;
    const ok = result["2xx"];
    if (result.non2xx > 0 || result.errors > 0) {
      console.error(
        `  ${scenario.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`,
      );
    }
    rows.push([
      scenario.name,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p99),
      String(ok),
      scenario.method === "POST" ? String(stored) : "-",
    ]);
  }
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "2xx", "rows added"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
} finally {
  await stop();
}
