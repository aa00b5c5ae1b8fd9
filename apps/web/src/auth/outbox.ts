import { randomUUID } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The local outbox: mail a local run would have sent, one JSON file per message, so every process
 * (the web server, a second instance, a test) sees the same outbox. Files are written whole and
 * renamed into place: a reader never sees half a message.
 */
export interface OutboxMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

/** Messages kept; older ones are removed as new ones arrive. */
export const OUTBOX_KEEP = 100;

export async function addToOutbox(
  dir: string,
  message: Omit<OutboxMessage, "id" | "sentAt">,
  now: Date = new Date(),
): Promise<OutboxMessage> {
  await mkdir(dir, { recursive: true });
  // The name sorts by time: a zero-padded millisecond count, then a random part.
  const id = `${String(now.getTime()).padStart(15, "0")}-${randomUUID()}`;
  const stored: OutboxMessage = { id, ...message, sentAt: now.toISOString() };
  const file = join(dir, `${id}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(stored), { mode: 0o600 });
  await rename(`${file}.tmp`, file);
  await prune(dir);
  return stored;
}

/** The newest messages first. */
export async function readOutbox(dir: string, limit = 50): Promise<OutboxMessage[]> {
  const names = (await messageFiles(dir)).reverse().slice(0, limit);
  const messages = await Promise.all(
    names.map(async (name) => {
      try {
        return JSON.parse(await readFile(join(dir, name), "utf8")) as OutboxMessage;
      } catch {
        return undefined; // pruned by another process meanwhile
      }
    }),
  );
  return messages.filter((message): message is OutboxMessage => message !== undefined);
}

async function messageFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  } catch {
    return [];
  }
}

async function prune(dir: string): Promise<void> {
  const names = await messageFiles(dir);
  const old = names.slice(0, Math.max(0, names.length - OUTBOX_KEEP));
  await Promise.all(old.map((name) => rm(join(dir, name), { force: true })));
}
