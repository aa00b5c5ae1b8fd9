import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { localOutboxDir, localSecret, resolveAuthSettings } from "./settings";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "neuronlab-auth-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const base = {
  NEURONLAB_LOCAL: false,
  PORT: 3000,
  EMAIL_FROM: "Neuronlab <no-reply@neuronlab.local>",
} as const;
const production = {
  ...base,
  NODE_ENV: "production",
  NEXTAUTH_URL: "https://neuronlab.example",
  NEXTAUTH_SECRET: "a-secret-of-at-least-16",
  SMTP_URL: "smtp://user:pass@mail.example:587",
} as const;

describe("resolveAuthSettings", () => {
  it("on a production server: secure cookies, SMTP, the configured secret, no outbox", () => {
    const settings = resolveAuthSettings(production, { dataDir });
    expect(settings).toMatchObject({
      secret: production.NEXTAUTH_SECRET,
      siteUrl: production.NEXTAUTH_URL,
      local: false,
      secureCookies: true,
      mail: { kind: "smtp", url: production.SMTP_URL },
      github: undefined,
      google: undefined,
    });
    // A production server keeps no copy of anyone's mail, so it has no outbox page either.
    expect(settings.mail).not.toHaveProperty("outboxDir");
    expect(localOutboxDir(settings.mail)).toBeUndefined();
  });

  it("refuses a production server without its secret, https address or SMTP, listing each", () => {
    expect(() =>
      resolveAuthSettings(
        { ...base, NODE_ENV: "production", NEXTAUTH_URL: "http://x.example" },
        { dataDir },
      ),
    ).toThrow(
      /NEXTAUTH_SECRET is required[\s\S]*NEXTAUTH_URL must be the site's https:\/\/ address[\s\S]*SMTP_URL is required/,
    );
  });

  it("builds links on one configured address: NEXTAUTH_URL, or http://localhost:PORT locally", () => {
    const local = { ...base, NODE_ENV: "production", NEURONLAB_LOCAL: true } as const;
    expect(resolveAuthSettings(local, { dataDir }).siteUrl).toBe("http://localhost:3000");
    expect(resolveAuthSettings({ ...local, PORT: 3100 }, { dataDir }).siteUrl).toBe(
      "http://localhost:3100",
    );
    expect(
      resolveAuthSettings({ ...local, NEXTAUTH_URL: "http://127.0.0.1:3100/" }, { dataDir })
        .siteUrl,
    ).toBe("http://127.0.0.1:3100");
  });

  it("never turns the outbox on for a production server with SMTP, even with the local flag", () => {
    const settings = resolveAuthSettings({ ...production, NEURONLAB_LOCAL: true }, { dataDir });
    expect(settings.mail.kind).toBe("smtp");
  });

  it("in a local run of the production build: outbox, a generated secret kept across restarts", () => {
    const local = { ...base, NODE_ENV: "production", NEURONLAB_LOCAL: true } as const;
    const first = resolveAuthSettings(local, { dataDir });
    expect(first).toMatchObject({
      local: true,
      secureCookies: false,
      mail: { kind: "outbox", dir: join(dataDir, "outbox") },
    });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    // A restart reads the same secret.
    expect(resolveAuthSettings(local, { dataDir }).secret).toBe(first.secret);
  });

  it("in development: the outbox, and SMTP as well when SMTP_URL is set", () => {
    const dev = { ...base, NODE_ENV: "development" } as const;
    expect(resolveAuthSettings(dev, { dataDir }).mail.kind).toBe("outbox");
    expect(
      resolveAuthSettings({ ...dev, SMTP_URL: "smtp://localhost:1025" }, { dataDir }).mail,
    ).toMatchObject({
      kind: "smtp",
      url: "smtp://localhost:1025",
      outboxDir: join(dataDir, "outbox"),
    });
    // Either way the local run's outbox page reads the same folder.
    for (const settings of [
      resolveAuthSettings(dev, { dataDir }),
      resolveAuthSettings({ ...dev, SMTP_URL: "smtp://localhost:1025" }, { dataDir }),
    ]) {
      expect(localOutboxDir(settings.mail)).toBe(join(dataDir, "outbox"));
    }
  });

  it("offers GitHub and Google only when both halves of their keys are set", () => {
    const settings = resolveAuthSettings(
      { ...production, GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" },
      { dataDir },
    );
    expect(settings.github).toEqual({ clientId: "gh-id", clientSecret: "gh-secret" });
    expect(settings.google).toBeUndefined();
    expect(() => resolveAuthSettings({ ...production, GOOGLE_ID: "only-id" }, { dataDir })).toThrow(
      /GOOGLE_ID and GOOGLE_SECRET go together/,
    );
  });
});

describe("localSecret", () => {
  it("is made once, kept private, and read back by every later caller", () => {
    const file = join(dataDir, "nested", "auth-secret");
    const secrets = Array.from({ length: 5 }, () => localSecret(file));
    expect(new Set(secrets).size).toBe(1);
    expect(readFileSync(file, "utf8").trim()).toBe(secrets[0]);
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
