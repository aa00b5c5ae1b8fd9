import type { Metadata } from "next";
import { COURSE_TITLE, lessons, totalMinutes } from "@neuronlab/content/course";

export const metadata: Metadata = { title: "The course" };

export default function CoursePage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{COURSE_TITLE}</h1>
      <p className="mt-3 text-muted">
        {lessons.length} parts, about {totalMinutes} minutes in all. Each lesson builds on the one
        before it.
      </p>
      <ol className="mt-8 space-y-4">
        {lessons.map((lesson) => (
          <li key={lesson.slug} className="rounded-xl border border-line p-5">
            <article aria-labelledby={`lesson-${lesson.slug}`}>
              <p className="text-sm text-muted">
                {lesson.order === 0
                  ? "Introduction"
                  : lesson.slug === "summary"
                    ? "Summary"
                    : `Lesson ${lesson.order}`}
                {" · "}
                {lesson.minutes} min
              </p>
              <h2 id={`lesson-${lesson.slug}`} className="mt-1 text-xl font-semibold">
                {lesson.title}
              </h2>
              <p className="mt-2">{lesson.summary}</p>
              <h3 className="mt-3 text-sm font-semibold">You will be able to</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-muted">
                {lesson.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ul>
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
