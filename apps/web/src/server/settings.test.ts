import { describe, expect, it } from "vitest";
import { resolveServerSettings } from "./settings";

describe("resolveServerSettings", () => {
  it("a local run listens on 127.0.0.1 only", () => {
    expect(resolveServerSettings({ NEURONLAB_LOCAL: "1" }, { dev: false }).host).toBe("127.0.0.1");
    expect(resolveServerSettings({}, { dev: true }).host).toBe("127.0.0.1");
  });

  it("HOST exposes a local run on purpose; a server listens on every interface", () => {
    expect(
      resolveServerSettings({ NEURONLAB_LOCAL: "1", HOST: "0.0.0.0" }, { dev: false }).host,
    ).toBe("0.0.0.0");
    expect(resolveServerSettings({ NODE_ENV: "production" }, { dev: false }).host).toBeUndefined();
  });

  it("trusts no proxy unless told how many, and refuses nonsense", () => {
    expect(resolveServerSettings({}, { dev: false }).trustedProxies).toBe(0);
    expect(resolveServerSettings({ TRUSTED_PROXY_COUNT: "2" }, { dev: false }).trustedProxies).toBe(
      2,
    );
    expect(() => resolveServerSettings({ TRUSTED_PROXY_COUNT: "-1" }, { dev: false })).toThrow(
      /TRUSTED_PROXY_COUNT/,
    );
    expect(() => resolveServerSettings({ PORT: "http" }, { dev: false })).toThrow(/PORT/);
  });

  it("starts the job worker beside the server unless told not to", () => {
    expect(resolveServerSettings({}, { dev: false }).jobWorker).toBe(true);
    expect(resolveServerSettings({ JOB_WORKER: "off" }, { dev: false }).jobWorker).toBe(false);
    expect(() => resolveServerSettings({ JOB_WORKER: "maybe" }, { dev: false })).toThrow(
      /JOB_WORKER/,
    );
  });
});
