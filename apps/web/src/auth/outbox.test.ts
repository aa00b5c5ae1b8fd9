import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addToOutbox, OUTBOX_KEEP, readOutbox } from "./outbox";

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "neuronlab-outbox-")), "outbox");
});
afterEach(() => {
  rmSync(join(dir, ".."), { recursive: true, force: true });
});

const mail = (to: string) => ({
  to,
  from: "Neuronlab <no-reply@neuronlab.local>",
  subject: "Your Neuronlab sign-in link",
  text: "text",
  html: "<p>html</p>",
});

describe("the local outbox", () => {
  it("is empty before any mail", async () => {
    expect(await readOutbox(dir)).toEqual([]);
  });

  it("keeps each message as a file and lists the newest first", async () => {
    await addToOutbox(dir, mail("first@example.com"), new Date(Date.UTC(2026, 0, 1, 10)));
    await addToOutbox(dir, mail("second@example.com"), new Date(Date.UTC(2026, 0, 1, 11)));
    const messages = await readOutbox(dir);
    expect(messages.map((m) => m.to)).toEqual(["second@example.com", "first@example.com"]);
    expect(messages[0]).toMatchObject({
      ...mail("second@example.com"),
      sentAt: "2026-01-01T11:00:00.000Z",
    });
    // Nothing half-written is left behind.
    expect(readdirSync(dir).every((name) => name.endsWith(".json"))).toBe(true);
  });

  it("takes mail from many writers at once (processes share it through files)", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => addToOutbox(dir, mail(`w${i}@example.com`))),
    );
    expect(await readOutbox(dir, 100)).toHaveLength(20);
  });

  it("keeps only the newest messages", async () => {
    for (let i = 0; i < OUTBOX_KEEP + 5; i++) {
      await addToOutbox(dir, mail(`m${i}@example.com`), new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    }
    expect(readdirSync(dir)).toHaveLength(OUTBOX_KEEP);
    expect((await readOutbox(dir, 1))[0]?.to).toBe(`m${OUTBOX_KEEP + 4}@example.com`);
  });
});
