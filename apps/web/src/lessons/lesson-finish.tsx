"use client";

import { lessonSummary } from "@/progress/progress-view";
import { progressSync, useLearnerProgress } from "@/progress/use-progress";

/** The end of a lesson: how many of its exercises are solved, and marking it done. */
export function LessonFinish({ lesson, exerciseIds }: { lesson: string; exerciseIds: string[] }) {
  const { view, source } = useLearnerProgress();
  const summary = lessonSummary(view, lesson, exerciseIds);
  const completedAt = view.lessons[lesson]?.completedAt;
  return (
    <section
      aria-label="Your progress in this lesson"
      className="mt-12 flex flex-wrap items-center justify-between gap-4 rounded-xl border border-line bg-panel p-4"
    >
      <p aria-live="polite">
        {summary.solved} of {summary.total} exercises solved.
        {completedAt
          ? ` Lesson marked as done on ${new Date(completedAt).toLocaleDateString("en-GB")}.`
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
            Mark as not done
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
          Mark this lesson as done
        </button>
      )}
    </section>
  );
}
