import { createDb, type Db } from "@neuronlab/db/client";
import { afterAll, describe, expect, it, vi } from "vitest";
import packageJson from "../../../package.json" with { type: "json" };
import { healthReport } from "@/health/health";

// `server-only` refuses to load outside a React server build; these tests are the server.
vi.mock("server-only", () => ({}));

/** The database the route sees: none, or one at an address where nothing answers. */
let configured: Db | undefined;
vi.mock("@/db", () => ({ maybeDb: () => configured }));

const { GET } = await import("./route");

// Nothing listens on the loopback's port 9.
const unreachable = createDb({
  url: "postgresql://postgres:postgres@127.0.0.1:9/postgres",
  poolSize: 1,
});
afterAll(() => unreachable.$disconnect());

describe("GET /api/health", () => {
  it("answers 200 JSON with the status and the app's version, never cached", async () => {
    configured = undefined;
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", version: packageJson.version });
    expect(body).not.toHaveProperty("database");
    expect(typeof body.uptimeSeconds).toBe("number");
    expect(Number.isNaN(Date.parse(String(body.time)))).toBe(false);
  });

  it("answers 503, degraded, when the configured database does not answer", async () => {
    configured = unreachable;
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "degraded", database: "unreachable" });
  });
});

describe("healthReport", () => {
  it("reports whole seconds of uptime and the given time", () => {
    const report = healthReport(new Date("2026-01-02T03:04:05.000Z"), 12.9);
    expect(report).toEqual({
      status: "ok",
      version: packageJson.version,
      uptimeSeconds: 12,
      time: "2026-01-02T03:04:05.000Z",
    });
  });

  it("adds the database's state when there is one", () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    expect(healthReport(at, 1, "ok")).toMatchObject({ status: "ok", database: "ok" });
    expect(healthReport(at, 1, "unreachable")).toMatchObject({
      status: "degraded",
      database: "unreachable",
    });
  });
});
