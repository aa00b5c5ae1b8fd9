import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getPathname } from "@/i18n/navigation";
import type { LearnerRow, LessonState } from "./class-view";
import { ScrollRegion } from "./scroll-region";

const STATES = ["done", "in_progress", "not_started"] as const satisfies readonly LessonState[];
const MARK: Record<LessonState, string> = { done: "✓", in_progress: "◐", not_started: "·" };
const TONE: Record<LessonState, string> = {
  done: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  in_progress: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
  not_started: "text-muted",
};
const CELL = Object.fromEntries(
  STATES.map((state) => [state, `inline-block min-w-14 rounded px-1 py-0.5 ${TONE[state]}`]),
) as Record<LessonState, string>;

/**
 * Learners × lessons: each cell says the lesson's state in words for screen readers, a mark and
 * a colour for the eye (never colour alone), and the exercises solved. The learner column stays
 * in view while a narrow screen scrolls the lessons sideways.
 *
 * A class of 200 has 1,600 cells, and the page must render in under 300 ms
 * (`pnpm --filter @neuronlab/web bench:dashboard`): the words of a state and of a score are
 * formatted once each, not once per cell; each piece of a cell is one text node; and the learners'
 * links are plain links to the learner's page, not 200 client components (each one serialised
 * into the page's payload, hydrated, and prefetching its page once in view).
 */
export async function ClassTable({
  cohortId,
  lessons,
  learners,
  timeZone,
}: {
  cohortId: string;
  lessons: { slug: string; title: string }[];
  learners: LearnerRow[];
  timeZone: string;
}) {
  const [t, format, locale] = await Promise.all([
    getTranslations("Teaching.Table"),
    getFormatter(),
    getLocale(),
  ]);
  const stateWords = Object.fromEntries(
    STATES.map((state) => [state, `${t(`state.${state}`)}, `]),
  ) as Record<LessonState, string>;
  const marks = Object.fromEntries(STATES.map((state) => [state, `${MARK[state]} `])) as Record<
    LessonState,
    string
  >;
  const scores = new Map<string, string>();
  const score = (solved: number, total: number): string => {
    const key = `${solved}/${total}`;
    let text = scores.get(key);
    if (text === undefined) {
      text = t("score", { solved, total });
      scores.set(key, text);
    }
    return text;
  };
  const stuck = t("stuck");
  const learnerHref = (id: string) =>
    getPathname({ href: `/educator/cohorts/${cohortId}/learners/${id}`, locale });
  return (
    <ScrollRegion label={t("scrollRegion")}>
      <table className="w-full border-collapse text-sm" data-testid="class-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-panel">
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-panel p-2 text-left font-semibold">
              {t("learner")}
            </th>
            {lessons.map((lesson, index) => (
              <th
                key={lesson.slug}
                scope="col"
                className="p-2 text-center font-semibold"
                title={lesson.title}
              >
                <span aria-hidden="true">{index + 1}</span>
                <span className="sr-only">{lesson.title}</span>
              </th>
            ))}
            <th scope="col" className="p-2 text-right font-semibold">
              {t("lessonsDone")}
            </th>
            <th scope="col" className="p-2 text-right font-semibold">
              {t("solved")}
            </th>
            <th scope="col" className="p-2 text-left font-semibold">
              {t("lastActivity")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {learners.map((learner) => (
            <tr key={learner.id} data-learner={learner.displayName}>
              <th scope="row" className="sticky left-0 bg-canvas p-2 text-left font-medium">
                <a href={learnerHref(learner.id)} className="underline-offset-4 hover:underline">
                  {learner.displayName}
                </a>
                {learner.stuck.length > 0 ? (
                  <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-900 dark:bg-red-950 dark:text-red-200">
                    {stuck}
                  </span>
                ) : null}
              </th>
              {lessons.map((lesson) => {
                const cell = learner.lessons[lesson.slug];
                if (!cell) return <td key={lesson.slug} />;
                return (
                  <td
                    key={lesson.slug}
                    className="p-1 text-center"
                    data-lesson={lesson.slug}
                    data-state={cell.state}
                  >
                    <span className={CELL[cell.state]}>
                      <span aria-hidden="true">{marks[cell.state]}</span>
                      <span className="sr-only">{stateWords[cell.state]}</span>
                      {score(cell.solved, cell.total)}
                    </span>
                  </td>
                );
              })}
              <td className="p-2 text-right tabular-nums" data-column="done">
                {learner.lessonsDone}
              </td>
              <td className="p-2 text-right tabular-nums" data-column="solved">
                {learner.solved}
              </td>
              <td className="p-2 text-muted">
                {learner.lastActivity ? (
                  <time dateTime={learner.lastActivity.toISOString()}>
                    {format.dateTime(learner.lastActivity, { dateStyle: "medium", timeZone })}
                  </time>
                ) : (
                  t("never")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-line p-2 text-xs text-muted">
        {t("legend", { done: MARK.done, progress: MARK.in_progress, none: MARK.not_started })}
      </p>
    </ScrollRegion>
  );
}
