import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests, on a free loopback port: it takes every mail (except to addresses
 * it is told to refuse, like a mailbox that does not exist) and keeps it parsed, as a mail program
 * would read it. The unit tests use it in-process; the end-to-end tests run it as a server of their
 * own (e2e/mailbox-server.ts).
 */

export interface ReceivedMail {
  /** The envelope's recipients. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Attachments and alternatives, such as a calendar invite. */
  attachments: { filename: string | undefined; contentType: string; content: string }[];
  receivedAt: string;
}

export interface Inbox {
  port: number;
  /** smtp://127.0.0.1:PORT, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startInbox({
  port = 0,
  refuse = [],
}: { port?: number; refuse?: readonly string[] } = {}): Promise<Inbox> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address)) callback(new Error("550 no such mailbox"));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const headers: Record<string, string> = {};
          for (const line of mail.headerLines)
            headers[line.key] = line.line.slice(line.key.length + 1).trim();
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: (mail.text ?? "").replace(/\n$/, ""),
            html: typeof mail.html === "string" ? mail.html : "",
            headers,
            attachments: mail.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content.toString("utf8"),
            })),
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        });
    },
  });
  server.listen(port, "127.0.0.1");
  await once(server.server, "listening");
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${String(bound)}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
