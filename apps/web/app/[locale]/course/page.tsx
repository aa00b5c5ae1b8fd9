import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { courseIn } from "@neuronlab/content/course";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { lessonLabel } from "@/lessons/lesson-label";
import { LessonProgressBadge } from "@/progress/lesson-progress-badge";
import { getProgress } from "@/progress/progress-api";
import { ProgressSource } from "@/progress/progress-source";
import { CourseAssignmentBadge } from "@/teaching/course-assignment-badge";
import {
  anyOverdue,
  courseAssignments,
  type CourseAssignment,
} from "@/teaching/course-assignments";
import { loadMyCohorts } from "@/teaching/teaching";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/course">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Course" });
  return { title: t("metaTitle") };
}

// A signed-in learner's class assignments come from the session: rendered per request.
export const dynamic = "force-dynamic";

/**
 * The lessons the signed-in learner's classes set, by slug; empty for visitors, learners in no
 * class, and when no database is configured. Their progress is read only when something is past
 * due, to tell overdue from finished.
 */
async function myAssignments(): Promise<Map<string, CourseAssignment[]>> {
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) return new Map();
  const cohorts = await loadMyCohorts(user, db);
  const now = new Date();
  const assignments = courseAssignments(cohorts, now);
  if (!anyOverdue(assignments)) return assignments;
  const progress = await getProgress(user, db);
  return courseAssignments(cohorts, now, {
    lessonsDone: new Set(progress.lessons.filter((l) => l.completedAt !== null).map((l) => l.slug)),
    solved: new Set(progress.exercises.filter((e) => e.solved).map((e) => e.exerciseId)),
  });
}

export default async function CoursePage({ params }: PageProps<"/[locale]/course">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, site, label, assignments] = await Promise.all([
    getTranslations("Course"),
    getTranslations("Site"),
    getTranslations("LessonLabel"),
    myAssignments(),
  ]);
  const { compiledLessons } = courseIn(locale);
  const minutes = compiledLessons.reduce((sum, lesson) => sum + lesson.meta.minutes, 0);
  return (
    <ClientMessages namespaces={["ProgressSource", "LessonProgressBadge"]}>
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold tracking-tight">{site("courseTitle")}</h1>
        <p className="mt-3 text-muted">
          {t("intro", { parts: compiledLessons.length, minutes })} <ProgressSource />
        </p>
        <ol className="mt-8 space-y-4">
          {compiledLessons.map(({ meta: lesson, exercises }) => (
            <li key={lesson.slug} className="rounded-xl border border-line p-5">
              <article aria-labelledby={`lesson-${lesson.slug}`}>
                <p className="text-sm text-muted">
                  {t("lessonFacts", {
                    label: lessonLabel(lesson, label),
                    minutes: lesson.minutes,
                    exercises: exercises.length,
                  })}
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
                <h3 className="mt-3 text-sm font-semibold">{t("objectivesTitle")}</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-muted">
                  {lesson.objectives.map((objective) => (
                    <li key={objective}>{objective}</li>
                  ))}
                </ul>
                <div className="mt-3">
                  <LessonProgressBadge slug={lesson.slug} exerciseIds={exercises} />
                  <CourseAssignmentBadge
                    slug={lesson.slug}
                    assignments={assignments.get(lesson.slug) ?? []}
                  />
                </div>
              </article>
            </li>
          ))}
        </ol>
      </div>
    </ClientMessages>
  );
}
