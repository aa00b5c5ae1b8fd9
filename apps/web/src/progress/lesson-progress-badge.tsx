"use client";

import { useTranslations } from "next-intl";
import { lessonSummary } from "./progress-view";
import { useLearnerProgress } from "./use-progress";

/** A lesson's state on the course page, from the account when signed in, else this browser. */
export function LessonProgressBadge({
  slug,
  exerciseIds,
}: {
  slug: string;
  exerciseIds: string[];
}) {
  const t = useTranslations("LessonProgressBadge");
  const summary = lessonSummary(useLearnerProgress().view, slug, exerciseIds);
  const state = t(summary.completed ? "done" : summary.started ? "inProgress" : "notStarted");
  return (
    <p className="text-sm" data-lesson-progress={slug}>
      <span
        className={`rounded-full border px-2 py-0.5 font-medium ${summary.completed ? "border-[var(--viz-positive)]" : "border-line"}`}
      >
        {summary.completed ? "✓ " : ""}
        {state}
      </span>{" "}
      <span className="text-muted">
        {t("solved", { solved: summary.solved, total: summary.total })}
      </span>
    </p>
  );
}
