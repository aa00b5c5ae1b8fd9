import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@neuronlab/config/locales";
import { answerText } from "./answer-text";
import type { ExerciseStats } from "./class-view";
import { ScrollRegion } from "./scroll-region";

/**
 * Per exercise: how many tried, solved, got it right at the first try, and the answers most
 * often given wrongly (as stored: a number, a choice, an order), so a teacher sees what to
 * explain again.
 */
export async function ExerciseTable({
  lessons,
  exercises,
  locale,
}: {
  locale: Locale;
  lessons: { slug: string; title: string; exercises: readonly string[] }[];
  exercises: ExerciseStats[];
}) {
  const [t, format] = await Promise.all([getTranslations("Teaching.Exercises"), getFormatter()]);
  // Only what someone answered: a class's first weeks would otherwise be rows of zeros.
  const tried = exercises.filter((e) => e.tried > 0);
  if (tried.length === 0) return <p className="mt-3 text-muted">{t("noneTried")}</p>;
  const untried = exercises.length - tried.length;
  return (
    <>
      <ScrollRegion label={t("scrollRegion")}>
        <table className="w-full text-left text-sm" data-testid="exercise-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-panel">
            <tr>
              <th scope="col" className="p-2 font-semibold">
                {t("exercise")}
              </th>
              <th scope="col" className="p-2 text-right font-semibold">
                {t("tried")}
              </th>
              <th scope="col" className="p-2 text-right font-semibold">
                {t("solved")}
              </th>
              <th scope="col" className="p-2 text-right font-semibold">
                {t("firstTry")}
              </th>
              <th scope="col" className="p-2 text-right font-semibold">
                {t("attempts")}
              </th>
              <th scope="col" className="p-2 font-semibold">
                {t("commonWrong")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {tried.map((e) => {
              const lesson = lessons.find((l) => l.slug === e.lessonSlug);
              const number = (lesson?.exercises.indexOf(e.exerciseId) ?? -1) + 1;
              return (
                <tr key={e.exerciseId} data-exercise={e.exerciseId}>
                  <th scope="row" className="p-2 font-normal">
                    {t("label", { number, lesson: lesson?.title ?? e.lessonSlug })}
                  </th>
                  <td className="p-2 text-right tabular-nums" data-column="tried">
                    {e.tried}
                  </td>
                  <td className="p-2 text-right tabular-nums" data-column="solved">
                    {e.solved}
                  </td>
                  <td className="p-2 text-right tabular-nums" data-column="first-try">
                    {e.firstTryShare === null
                      ? "—"
                      : format.number(e.firstTryShare, { style: "percent" })}
                  </td>
                  <td className="p-2 text-right tabular-nums" data-column="attempts">
                    {e.attempts}
                  </td>
                  <td className="p-2">
                    {e.wrongAnswers.length === 0 ? (
                      <span className="text-muted">—</span>
                    ) : (
                      <ul>
                        {e.wrongAnswers.map((w) => (
                          <li key={w.answer}>
                            <span className="break-all font-medium">
                              {answerText(e.exerciseId, parseStored(w.answer), locale)}
                            </span>{" "}
                            <span className="text-muted">{t("times", { count: w.count })}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {untried > 0 ? (
        <p className="mt-2 text-sm text-muted">{t("untried", { count: untried })}</p>
      ) : null}
    </>
  );
}

/** The database gives a wrong answer back as JSON text. */
function parseStored(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
