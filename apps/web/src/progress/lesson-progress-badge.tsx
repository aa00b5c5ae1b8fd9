"use client";

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
  const summary = lessonSummary(useLearnerProgress().view, slug, exerciseIds);
  const state = summary.completed ? "Done" : summary.started ? "In progress" : "Not started";
  return (
    <p className="text-sm" data-lesson-progress={slug}>
      <span
        className={`rounded-full border px-2 py-0.5 font-medium ${summary.completed ? "border-[var(--viz-positive)]" : "border-line"}`}
      >
        {summary.completed ? "✓ " : ""}
        {state}
      </span>{" "}
      <span className="text-muted">
        {summary.solved} of {summary.total} exercises solved
      </span>
    </p>
  );
}
