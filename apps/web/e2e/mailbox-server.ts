/**
 * The end-to-end tests' mail server, started by Playwright before the platform (playwright.config.ts):
 * a real SMTP server (src/testing/smtp-inbox.ts) that the platform sends to (SMTP_URL), and a small
 * loopback HTTP API the tests read what arrived from (e2e/mailbox.ts):
 *
 *   GET /messages?to=<address>   every mail to that address, oldest first, parsed
 *   GET /health                  200 once both servers listen
 */
import { createServer } from "node:http";
import { startInbox } from "../src/testing/smtp-inbox";

const smtpPort = Number(process.env.MAILBOX_SMTP_PORT ?? 3125);
const httpPort = Number(process.env.MAILBOX_HTTP_PORT ?? 3126);

const inbox = await startInbox({ port: smtpPort });

const api = createServer((request, response) => {
  // One request per connection: a test may pause longer than a kept-alive socket lives.
  response.setHeader("connection", "close");
  const url = new URL(request.url ?? "/", "http://mailbox");
  if (request.method === "GET" && url.pathname === "/health") {
    response.writeHead(200).end("ok");
    return;
  }
  if (request.method === "GET" && url.pathname === "/messages") {
    const to = (url.searchParams.get("to") ?? "").toLowerCase();
    const mails = inbox.received.filter((mail) => mail.to.some((r) => r.toLowerCase() === to));
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mails));
    return;
  }
  response.writeHead(404).end();
});
api.listen(httpPort, "127.0.0.1", () => {
  console.info(
    `mailbox: SMTP on ${String(inbox.port)}, messages on http://127.0.0.1:${String(httpPort)}`,
  );
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    api.close();
    void inbox.close().finally(() => process.exit(0));
  });
}
