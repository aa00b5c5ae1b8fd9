import packageJson from "../../package.json" with { type: "json" };

export const APP_VERSION: string = packageJson.version;

/** "ok": it answered `SELECT 1` in time; "unreachable": it did not. */
export type DatabaseState = "ok" | "unreachable";

export interface HealthReport {
  /** "degraded" when the database is configured but unreachable: the app cannot serve accounts. */
  status: "ok" | "degraded";
  version: string;
  /** Seconds since this server process started: a restart shows up as a small number. */
  uptimeSeconds: number;
  time: string;
  /** Present when DATABASE_URL is configured. */
  database?: DatabaseState;
}

/** What `GET /api/health` answers. */
export function healthReport(
  now: Date = new Date(),
  uptime: number = process.uptime(),
  database?: DatabaseState,
): HealthReport {
  return {
    status: database === "unreachable" ? "degraded" : "ok",
    version: APP_VERSION,
    uptimeSeconds: Math.floor(uptime),
    time: now.toISOString(),
    ...(database === undefined ? {} : { database }),
  };
}
