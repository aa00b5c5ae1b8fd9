import { databaseState } from "@/health/database";
import { healthReport } from "@/health/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = healthReport(new Date(), process.uptime(), await databaseState());
  return Response.json(report, {
    // 503 while the database is unreachable, so a load balancer sends requests elsewhere.
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
