/**
 * `pnpm --filter @neuronlab/web bench` (second part): whether playground-goal grading can stall
 * the site. Starts the production build itself (`pnpm start`: `next start` with the embedded
 * database, on free ports and a data directory of its own), then runs 20 anonymous clients that
 * submit expensive, distinct goal answers (each a cache miss) as fast as they can, each from its
 * own address (X-Forwarded-For 10.0.<n>.1, the server trusting one proxy), while a probe on its
 * own thread asks GET /api/health every 100 ms. Prints the clients' requests/s and status counts
 * and the health check's latency (p50/p95/p99/max), against the goal p99 < 50 ms.
 *
 * Needs a production build (`pnpm --filter @neuronlab/web build`; without one it says so and
 * exits 0). The clients run at the lowest CPU priority (nice 19; BENCH_CLIENTS_NICE=0 keeps them
 * at the probe's), as if they were on other machines. BENCH_SECONDS (20) is how long
 * the load runs, BENCH_CLIENTS (20) how many clients. With DATABASE_URL set, the server uses that
 * database instead of starting the embedded one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { setPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const GOAL = "deep-circle-goal";
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const clients = Number(process.env.BENCH_CLIENTS ?? 20);
const HEALTH_GOAL_MS = 50;

function fail(message: string): never {
  console.error(`bench-grading: ${message}`);
  process.exit(1);
}

if (!existsSync(join(APP_DIR, ".next", "BUILD_ID"))) {
  // Like bench-progress: `pnpm bench` without a build says what it needs and goes on.
  console.log(
    "bench-grading: skipped. It needs a production build: pnpm --filter @neuronlab/web build",
  );
  process.exit(0);
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The embedded database gets a directory and a port of its own: never another checkout's.
const dataDir = mkdtempSync(join(tmpdir(), "neuronlab-bench-grading-"));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn("pnpm", ["start"], {
  cwd: APP_DIR,
  env: {
    ...process.env,
    PORT: String(port),
    NODE_ENV: "production",
    TRUSTED_PROXY_COUNT: "1",
    PGLITE_DIR: join(dataDir, "pglite"),
    LOCAL_DB_PORT: String(await freePort()),
  },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});

async function stop(): Promise<void> {
  if (server.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    try {
      process.kill(-server.pid, "SIGTERM");
      await Promise.race([exited, pause(15_000)]);
    } catch {
      // Gone already.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await pause(500);
  }
  await stop();
  fail(`the server at ${baseUrl} did not come up (health check).`);
}

/** Expensive set-ups within the goal's limits (4 hidden neurons): all features, big batches. */
const LAYERS = [[4], [2, 2], [3], [1, 1, 1, 1], [4], [2, 1]];
const FEATURES = ["x1", "x2", "x1Squared", "x2Squared", "x1x2", "sinX1", "sinX2"];
let serial = 0;
function answerBody(): string {
  serial += 1;
  return JSON.stringify({
    attemptId: randomUUID(),
    answer: {
      kind: "goal",
      config: {
        hiddenLayers: LAYERS[serial % LAYERS.length],
        features: FEATURES,
        batchSize: 100,
        // Distinct seeds: every answer is a training, never a cache hit.
        seed: 100_000 + serial + Math.floor(Math.random() * 800_000),
      },
    },
  });
}

/** GET /api/health every 100 ms, on a thread of its own so the clients never delay it. */
function probeHealth(url: string, ms: number): Promise<number[]> {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const { url, ms } = workerData;
    const times = [];
    const end = Date.now() + ms;
    (async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const response = await fetch(url, { cache: "no-store" }).catch(() => undefined);
        if (response) await response.arrayBuffer();
        times.push(response && response.ok ? performance.now() - started : Infinity);
        await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - started))));
      }
      parentPort.postMessage(times);
    })();
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url, ms } });
    worker.once("message", (times: number[]) => {
      resolve(times);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(times: number[]): { text: string; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "failed");
  const p99 = percentile(sorted, 99);
  return {
    text: `${sorted.length} probes: p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, p99 ${f(p99)}, max ${f(sorted.at(-1) ?? NaN)}`,
    p99,
  };
}

/** One client: answers as fast as it can until the deadline, counting statuses (and codes). */
async function client(n: number, until: number, counts: Map<string, number>): Promise<number> {
  let sent = 0;
  const headers = {
    "content-type": "application/json",
    "x-forwarded-for": `10.0.${n}.1`,
  };
  while (Date.now() < until) {
    const response = await fetch(`${baseUrl}/api/exercises/${GOAL}/attempts`, {
      method: "POST",
      headers,
      body: answerBody(),
    }).catch(() => undefined);
    sent += 1;
    let label = "network error";
    if (response) {
      const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
      label = `${response.status}${body.error?.code ? ` ${body.error.code}` : ""}`;
    }
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return sent;
}

try {
  await waitForServer();
  // Warm up: compile the routes and start the grading pool's worker.
  for (let i = 0; i < 3; i++) {
    await fetch(`${baseUrl}/api/exercises/${GOAL}/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.0.255.1" },
      body: answerBody(),
    });
  }
  const idle = summary(await probeHealth(`${baseUrl}/api/health`, 3_000));

  const counts = new Map<string, number>();
  const started = Date.now();
  const until = started + seconds * 1000;
  // The probe's thread starts first, at normal priority. Then this thread, which runs the
  // clients, lowers its own: the clients stand for machines elsewhere, and on this one they yield
  // the CPU to the server and the probe instead of competing with them for it.
  const probed = probeHealth(`${baseUrl}/api/health`, seconds * 1000);
  if (process.env.BENCH_CLIENTS_NICE !== "0") setPriority(19);
  const [health, sent] = await Promise.all([
    probed,
    Promise.all(Array.from({ length: clients }, (_, n) => client(n, until, counts))),
  ]);
  const elapsed = (Date.now() - started) / 1000;
  const total = sent.reduce((a, b) => a + b, 0);
  const loaded = summary(health);

  console.log(`bench-grading: ${baseUrl} (next start, ${clients} clients, ${seconds} s)`);
  console.log(
    `goal answers: ${total} in ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(1)} requests/s`,
  );
  for (const [label, count] of [...counts].sort()) console.log(`  ${label}: ${count}`);
  console.log(`health, idle:       ${idle.text}`);
  console.log(`health, under load: ${loaded.text}`);
  console.log(
    loaded.p99 < HEALTH_GOAL_MS
      ? `health p99 under ${HEALTH_GOAL_MS} ms: yes`
      : `health p99 under ${HEALTH_GOAL_MS} ms: NO`,
  );
} finally {
  await stop();
}
