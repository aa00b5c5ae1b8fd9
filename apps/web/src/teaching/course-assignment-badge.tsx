import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { assignmentHref } from "./assignment-target";
import { assignmentTitle } from "./assignment-title";
import type { CourseAssignment } from "./course-assignments";
import { dayIn } from "./due-dates";

/**
 * Under a lesson on the course page: which of the learner's classes set it, and when it is due
 * (a day in that class's time zone), said as text within the lesson's list item so a screen
 * reader reads it with the lesson. Nothing when no class set the lesson.
 */
export async function CourseAssignmentBadge({
  slug,
  assignments,
}: {
  slug: string;
  assignments: readonly CourseAssignment[];
}) {
  if (assignments.length === 0) return null;
  const [t, format, words, locale] = await Promise.all([
    getTranslations("Teaching.CourseBadge"),
    getFormatter(),
    getTranslations("Teaching.Assignment"),
    getLocale(),
  ]);
  return (
    <ul className="mt-2 flex flex-wrap gap-2 text-sm" data-course-assignments={slug}>
      {assignments.map(({ cohortName, assignment, dueAt, timeZone, overdue }, index) => (
        <li
          // Two classes may share a name; the list is the classes' order and never reorders.
          key={`${String(index)}-${cohortName}`}
          className="rounded-md border border-line bg-panel px-2 py-0.5 text-ink"
          data-assignment-cohort={cohortName}
          {...(overdue ? { "data-overdue": "" } : {})}
        >
          {assignment.kind === "LESSON" ? null : (
            <>
              <Link href={assignmentHref(assignment)} className="underline underline-offset-4">
                {assignmentTitle(assignment, locale, (key, values) => words(key, values))}
              </Link>
              {" · "}
            </>
          )}
          {dueAt
            ? t.rich("dueOn", {
                cohort: cohortName,
                date: format.dateTime(dueAt, { dateStyle: "medium", timeZone }),
                time: (chunks) => <time dateTime={dayIn(dueAt, timeZone)}>{chunks}</time>,
              })
            : t("noDue", { cohort: cohortName })}
          {overdue ? (
            <>
              {" · "}
              <strong className="font-semibold">{t("overdue")}</strong>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
