"use client";

import { lessonSummary, withLesson } from "@/progress/progress-store";
import { updateProgress, useProgress } from "@/progress/use-progress";

/** The end of a lesson: how many of its exercises are solved, and marking it done. */
export function LessonFinish({ lesson, exerciseIds }: { lesson: string; exerciseIds: string[] }) {
  const progress = useProgress();
  const summary = lessonSummary(progress, lesson, exerciseIds);
  const completedAt = progress.lessons[lesson]?.completedAt;
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
        <button
          type="button"
          className="rounded-md border border-line px-4 py-2"
          onClick={() => {
            updateProgress((p) => withLesson(p, lesson, { completedAt: undefined }));
          }}
        >
          Mark as not done
        </button>
      ) : (
        <button
          type="button"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
          onClick={() => {
            updateProgress((p) => withLesson(p, lesson, { completedAt: new Date().toISOString() }));
          }}
        >
          Mark this lesson as done
        </button>
      )}
    </section>
  );
}
