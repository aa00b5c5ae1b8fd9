import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorResponse } from "@/http/errors";
import { requestLocale } from "@/i18n/request-locale";
import { csvResponse } from "@/teaching/csv";
import { exportCohortCsv, isSupportedLocale } from "@/teaching/teaching";

export const dynamic = "force-dynamic";

/** GET ?kind=dashboard|attempts[&locale=de]: a cohort's dashboard or answers, as CSV, for its teachers. */
export async function GET(
  request: Request,
  { params }: RouteContext<"/api/educator/cohorts/[cohortId]/export">,
): Promise<Response> {
  const url = new URL(request.url);
  const asked = url.searchParams.get("locale");
  const locale = isSupportedLocale(asked) ? asked : requestLocale(request.headers);
  try {
    const { cohortId } = await params;
    const t = await getTranslations({ locale, namespace: "Teaching.Export" });
    const { filename, csv } = await exportCohortCsv(
      await getSessionUser(),
      getDb(),
      cohortId,
      url.searchParams.get("kind"),
      locale,
      {
        learner: t("learner"),
        joined: t("joined"),
        lessonsDone: t("lessonsDone"),
        exercisesSolved: t("exercisesSolved"),
        lastActivity: t("lastActivity"),
        lessonName: t("lessonName"),
        lesson: (title) => t("lesson", { title }),
        state: { done: t("done"), in_progress: t("inProgress"), not_started: t("notStarted") },
        exercise: t("exercise"),
        answer: t("answer"),
        correct: t("correct"),
        time: t("time"),
        yes: t("yes"),
        no: t("no"),
      },
    );
    return csvResponse(filename, csv);
  } catch (error) {
    return await errorResponse(error, locale);
  }
}
