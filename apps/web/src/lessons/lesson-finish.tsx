"use client";

import { useFormatter, useTranslations } from "next-intl";
import { lessonSummary } from "@/progress/progress-view";
import { progressSync, useLearnerProgress } from "@/progress/use-progress";

/** The end of a lesson: how many of its exercises are solved, and marking it done. */
export function LessonFinish({ lesson, exerciseIds }: { lesson: string; exerciseIds: string[] }) {
  const t = useTranslations("LessonFinish");
  const format = useFormatter();
  const { view, source } = useLearnerProgress();
  const summary = lessonSummary(view, lesson, exerciseIds);
  const completedAt = view.lessons[lesson]?.completedAt;
  return (
    <section
      aria-label={t("label")}
      className="mt-12 flex flex-wrap items-center justify-between gap-4 rounded-xl border border-line bg-panel p-4"
    >
      <p aria-live="polite">
        {t("solved", { solved: summary.solved, total: summary.total })}
        {completedAt
          ? ` ${t("markedDone", { date: format.dateTime(new Date(completedAt), { dateStyle: "medium" }) })}`
          : ""}
      </p>
      {completedAt ? (
        // An account keeps the first completion for good (the dashboard counts it); only this
        // browser's own record can be taken back.
        source === "browser" ? (
          <button
            type="button"
            className="rounded-md border border-line px-4 py-2"
            onClick={() => {
              progressSync().lessonChanged(lesson, { completedAt: undefined });
            }}
          >
            {t("markNotDone")}
          </button>
        ) : null
      ) : (
        <button
          type="button"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
          onClick={() => {
            progressSync().lessonChanged(lesson, { completedAt: new Date().toISOString() });
          }}
        >
          {t("markDone")}
        </button>
      )}
    </section>
  );
}
