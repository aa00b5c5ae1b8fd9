/**
 * The platform's HTTP server: Next.js behind a thin layer that decides who is asking before the
 * app sees the request (src/http/client-address.ts), turns away clients the app told to wait
 * (src/http/front-door.ts), and listens where src/server/settings.ts says (127.0.0.1 only for a
 * local run), with the job worker (worker.ts) beside it as a process of its own. `pnpm start` and
 * `pnpm dev` run it through `with-db`.
 *
 *   tsx server.ts          production build (run `next build` first)
 *   tsx server.ts --dev    development, with Turbopack
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { EDGE_SECRET_ENV, stampRequest } from "./src/http/client-address";
import { FrontDoor } from "./src/http/front-door";
import { resolveServerSettings } from "./src/server/settings";

const dev = process.argv.includes("--dev");
const settings = resolveServerSettings(process.env, { dev });
const secret = randomBytes(32).toString("base64url");
process.env[EDGE_SECRET_ENV] = secret;

const app = next({
  dev,
  ...(dev ? { turbopack: true } : {}),
  // The name Next.js builds its own request URLs with, not where it listens (server.listen below):
  // a middleware rewrite (next-intl's `/course` → `/en/course`) to another origin than this one
  // would be fetched as if from another server, so it must match the URLs the proxy sees.
  hostname: "localhost",
  port: settings.port,
});
const handle = app.getRequestHandler();
await app.prepare();

// Clients the app told to wait (429, Retry-After) are answered here until then.
const frontDoor = new FrontDoor();

const server = createServer((request, response) => {
  stampRequest(request, { trustedProxies: settings.trustedProxies, secret });
  if (frontDoor.turnAway(request, response)) return;
  frontDoor.watch(request, response);
  void handle(request, response);
});
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => {
    stampRequest(request, { trustedProxies: settings.trustedProxies, secret });
    void upgrade(request, socket, head);
  });
}

server.listen(settings.port, settings.host, () => {
  const shown = settings.host ?? "every interface";
  console.info(`▲ Neuronlab ${dev ? "(development)" : ""} on ${shown}, port ${settings.port}`);
  if (settings.local && settings.host !== undefined) {
    console.info(
      `  local run: http://localhost:${settings.port} (only this machine can connect; see the README to expose it)`,
    );
  }
  if (settings.trustedProxies > 0) {
    console.info(`  trusting ${settings.trustedProxies} proxy hop(s) in X-Forwarded-For`);
  }
});

// Scheduled work runs in its own process, never on this one's event loop. A worker that dies is
// started again (its jobs wait in the database meanwhile).
let worker: ChildProcess | undefined;
let stopping = false;
function startJobWorker(): void {
  const child = fork(fileURLToPath(new URL("./worker.ts", import.meta.url)), {
    execArgv: process.execArgv,
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`job worker stopped (${String(code ?? signal)}); starting it again`);
    setTimeout(startJobWorker, 5000).unref();
  });
  worker = child;
}
if (settings.jobWorker) startJobWorker();

/** Stops the worker and waits for it (it finishes the job in hand, up to ten seconds). */
function stopJobWorker(): Promise<void> {
  const running = worker;
  if (running?.exitCode !== null || running.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    running.once("exit", () => {
      resolve();
    });
    running.kill("SIGTERM");
  });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    server.close();
    void Promise.all([stopJobWorker(), app.close()]).finally(() => process.exit(0));
  });
}
