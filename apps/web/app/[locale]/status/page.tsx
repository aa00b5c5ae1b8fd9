import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { databaseState } from "@/health/database";
import { healthReport } from "@/health/health";
import { TextPage } from "@/site/legal";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/status">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Status" });
  return { title: t("metaTitle") };
}

// Checked on every visit.
export const dynamic = "force-dynamic";

/** The service's state for people: what works now, in words; /api/health says it to machines. */
export default async function StatusPage({ params }: PageProps<"/[locale]/status">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format] = await Promise.all([getTranslations("Status"), getFormatter()]);
  const report = healthReport(new Date(), process.uptime(), await databaseState());
  const summary =
    report.database === undefined
      ? t("noDatabase")
      : report.status === "ok"
        ? t("ok")
        : t("degraded");
  const database =
    report.database === undefined
      ? t("databaseNone")
      : report.database === "ok"
        ? t("databaseOk")
        : t("databaseDown");
  return (
    <TextPage title={t("title")}>
      <p
        role="status"
        data-status={report.status}
        className="rounded-lg border border-line bg-panel p-4 text-lg font-semibold"
      >
        <span aria-hidden="true">{report.status === "ok" ? "● " : "▲ "}</span>
        {summary}
      </p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("database")}</dt>
        <dd data-testid="status-database">{database}</dd>
        <dt className="font-semibold">{t("version")}</dt>
        <dd>{report.version}</dd>
        <dt className="font-semibold">{t("uptime")}</dt>
        <dd>{t("uptimeValue", { hours: Math.floor(report.uptimeSeconds / 3600) })}</dd>
      </dl>
      <p className="text-sm text-muted">
        {t("checked", {
          time: format.dateTime(new Date(report.time), {
            dateStyle: "medium",
            timeStyle: "medium",
            timeZone: "UTC",
          }),
        })}{" "}
        {t("machine")}
      </p>
    </TextPage>
  );
}
