/**
 * The platform's HTTP server: Next.js behind a thin layer that decides who is asking before the
 * app sees the request (src/http/client-address.ts), turns away clients the app told to wait
 * (src/http/front-door.ts), and listens where src/server/settings.ts says (127.0.0.1 only for a
 * local run). `pnpm start` and `pnpm dev` run it through `with-db`.
 *
 *   tsx server.ts          production build (run `next build` first)
 *   tsx server.ts --dev    development, with Turbopack
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
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

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
