import type { Metadata } from "next";
import Link from "next/link";
import { COURSE_TITLE, compiledLessons, totalMinutes } from "@neuronlab/content/course";
import { lessonLabel } from "@/lessons/lesson-label";
import { LessonProgressBadge } from "@/progress/lesson-progress-badge";
import { ProgressSource } from "@/progress/progress-source";

export const metadata: Metadata = { title: "The course" };

export default function CoursePage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{COURSE_TITLE}</h1>
      <p className="mt-3 text-muted">
        {compiledLessons.length} parts, about {totalMinutes} minutes in all. Each lesson builds on
        the one before it. <ProgressSource />
      </p>
      <ol className="mt-8 space-y-4">
        {compiledLessons.map(({ meta: lesson, exercises }) => (
          <li key={lesson.slug} className="rounded-xl border border-line p-5">
            <article aria-labelledby={`lesson-${lesson.slug}`}>
              <p className="text-sm text-muted">
                {lessonLabel(lesson)} · {lesson.minutes} min · {exercises.length} exercises
              </p>
              <h2 id={`lesson-${lesson.slug}`} className="mt-1 text-xl font-semibold">
                <Link
                  href={`/course/${lesson.slug}`}
                  className="underline-offset-4 hover:underline"
                >
                  {lesson.title}
                </Link>
              </h2>
              <p className="mt-2">{lesson.summary}</p>
              <h3 className="mt-3 text-sm font-semibold">You will be able to</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-muted">
                {lesson.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ul>
              <div className="mt-3">
                <LessonProgressBadge slug={lesson.slug} exerciseIds={exercises} />
              </div>
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
