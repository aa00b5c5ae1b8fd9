import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { HttpError } from "@/http/errors";
import { Link } from "@/i18n/navigation";
import { exerciseLabel } from "@/progress/exercise-labels";
import { PageFrame, SignInFirst } from "@/teaching/page-parts";
import { answerText } from "@/teaching/answer-text";
import { displayName } from "@/teaching/class-view";
import { loadLearnerPage } from "@/teaching/teaching";
import { ScrollRegion } from "@/teaching/scroll-region";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/educator/cohorts/[cohortId]/learners/[learnerId]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Teaching.Learner" });
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function LearnerPage({
  params,
}: PageProps<"/[locale]/educator/cohorts/[cohortId]/learners/[learnerId]">) {
  const { locale, cohortId, learnerId } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Teaching.Learner");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  const href = `/educator/cohorts/${cohortId}/learners/${learnerId}`;
  if (!db || !user) return <SignInFirst title={t("metaTitle")} href={href} locale={locale} />;
  let page;
  try {
    page = await loadLearnerPage(user, db, cohortId, learnerId);
  } catch (error) {
    if (error instanceof HttpError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  }
  const format = await getFormatter();
  const name = displayName(page.learner);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: page.cohort.timeZone });
  return (
    <PageFrame title={name} lead={t("lead", { cohort: page.cohort.name })}>
      <p className="mt-4">
        <Link
          href={`/educator/cohorts/${cohortId}`}
          className="text-accent underline underline-offset-4"
        >
          {t("back", { cohort: page.cohort.name })}
        </Link>
      </p>
      <h2 className="mt-8 text-xl font-semibold">{t("answers")}</h2>
      {page.attempts.length === 0 ? (
        <p className="mt-3 text-muted">{t("noAnswers")}</p>
      ) : (
        <ScrollRegion label={t("answers")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption", { name })}</caption>
            <thead className="bg-panel">
              <tr>
                <th scope="col" className="p-2 font-semibold">
                  {t("exercise")}
                </th>
                <th scope="col" className="p-2 font-semibold">
                  {t("answer")}
                </th>
                <th scope="col" className="p-2 font-semibold">
                  {t("result")}
                </th>
                <th scope="col" className="p-2 font-semibold">
                  {t("time")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {page.attempts.map((a) => {
                const label = exerciseLabel(a.exerciseId, locale);
                return (
                  <tr key={a.id} data-attempt={a.exerciseId}>
                    <td className="p-2">
                      {label
                        ? t("exerciseIn", {
                            number: label.number,
                            of: label.of,
                            lesson: label.lessonTitle,
                          })
                        : a.exerciseId}
                    </td>
                    <td className="p-2">
                      <span className="break-all">
                        {answerText(a.exerciseId, a.answer, locale)}
                      </span>
                    </td>
                    <td className="p-2">{a.correct ? `✓ ${t("right")}` : `✗ ${t("wrong")}`}</td>
                    <td className="p-2 text-muted">
                      <time dateTime={a.createdAt.toISOString()}>{when(a.createdAt)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </PageFrame>
  );
}
