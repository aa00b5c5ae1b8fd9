import { describe, expect, it } from "vitest";
import packageJson from "../../../package.json" with { type: "json" };
import { healthReport } from "@/health/health";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers 200 JSON with the status and the app's version, never cached", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", version: packageJson.version });
    expect(typeof body.uptimeSeconds).toBe("number");
    expect(Number.isNaN(Date.parse(String(body.time)))).toBe(false);
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
});
