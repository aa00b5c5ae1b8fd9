import packageJson from "../../package.json" with { type: "json" };

export const APP_VERSION: string = packageJson.version;

export interface HealthReport {
  status: "ok";
  version: string;
  /** Seconds since this server process started: a restart shows up as a small number. */
  uptimeSeconds: number;
  time: string;
}

/** What `GET /api/health` answers. The database's state joins here once the platform has one. */
export function healthReport(
  now: Date = new Date(),
  uptime: number = process.uptime(),
): HealthReport {
  return {
    status: "ok",
    version: APP_VERSION,
    uptimeSeconds: Math.floor(uptime),
    time: now.toISOString(),
  };
}
