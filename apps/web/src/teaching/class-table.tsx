import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getPathname } from "@/i18n/navigation";
import { ClassTableView, MARKS, type ClassTableWords, type CompactRow } from "./class-table-view";
import type { LearnerRow, LessonState } from "./class-view";

const STATES = ["done", "in_progress", "not_started"] as const satisfies readonly LessonState[];

/**
 * Learners × lessons: each cell says the lesson's state in words for screen readers, a mark and
 * a colour for the eye (never colour alone; the colours are the `.class-table` rules in
 * globals.css, keyed on the cell's data-state), and the exercises solved. The learner column
 * stays in view while a narrow screen scrolls the lessons sideways.
 *
 * A class of 200 has 1,600 cells, and the page must render in under 300 ms
 * (`pnpm --filter @neuronlab/web bench:dashboard`): this server part formats every word once and
 * hands compact rows to the client view, which draws the markup (class-table-view.tsx).
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
  const scores: Record<string, string> = {};
  const rows = learners.map((learner): CompactRow => {
    const cells = lessons.map((lesson) => {
      const cell = learner.lessons[lesson.slug];
      if (!cell) return null;
      const key = `${String(cell.solved)}/${String(cell.total)}`;
      scores[key] ??= t("score", { solved: cell.solved, total: cell.total });
      return [cell.state, cell.solved, cell.total] satisfies CompactRow["cells"][number];
    });
    return {
      id: learner.id,
      name: learner.displayName,
      href: getPathname({ href: `/educator/cohorts/${cohortId}/learners/${learner.id}`, locale }),
      stuck: learner.stuck.length > 0,
      cells,
      done: learner.lessonsDone,
      solved: learner.solved,
      last: learner.lastActivity
        ? [
            learner.lastActivity.toISOString(),
            format.dateTime(learner.lastActivity, { dateStyle: "medium", timeZone }),
          ]
        : null,
    };
  });
  const words: ClassTableWords = {
    scrollRegion: t("scrollRegion"),
    caption: t("caption"),
    learner: t("learner"),
    lessonsDone: t("lessonsDone"),
    solved: t("solved"),
    lastActivity: t("lastActivity"),
    stuck: t("stuck"),
    never: t("never"),
    legend: t("legend", {
      done: MARKS.done,
      progress: MARKS.in_progress,
      none: MARKS.not_started,
    }),
    states: Object.fromEntries(
      STATES.map((state) => [state, `${t(`state.${state}`)}, `]),
    ) as Record<LessonState, string>,
    scores,
  };
  return <ClassTableView lessons={lessons} rows={rows} words={words} />;
}
