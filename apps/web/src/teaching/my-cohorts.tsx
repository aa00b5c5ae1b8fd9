import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { LearnerCohort } from "@neuronlab/db/cohorts";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { ActionForm } from "./action-form";
import { assignmentDone, assignmentHref } from "./assignment-target";
import { assignmentTitle } from "./assignment-title";
import { leaveCohortAction } from "./actions";

/**
 * The learner's classes on their dashboard: who teaches each, the lessons set with their due
 * dates (days in the class's time zone), what the teachers can see, and a way to leave.
 */
export async function MyCohorts({
  cohorts,
  done,
  solved,
  canLeave,
  notice,
}: {
  /** False for a pupil: their account belongs to the class (only their teacher takes them out). */
  canLeave: boolean;
  /** Just joined or left a class (the address says so after the form). */
  notice?: "joined" | "left" | undefined;
  cohorts: LearnerCohort[];
  /** Lessons this learner has finished. */
  done: ReadonlySet<string>;
  /** Exercises this learner has solved. */
  solved: ReadonlySet<string>;
}) {
  const [t, format, said, words, locale] = await Promise.all([
    getTranslations("Teaching.MyCohorts"),
    getFormatter(),
    getTranslations("Teaching.Form"),
    getTranslations("Teaching.Assignment"),
    getLocale(),
  ]);
  return (
    <section aria-labelledby="my-cohorts" className="mt-10">
      <h2 id="my-cohorts" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {notice ? (
        <p role="status" className="mt-3 rounded-lg border border-line bg-panel p-3">
          {said(notice)}
        </p>
      ) : null}
      {cohorts.length === 0 ? (
        <p className="mt-3 text-muted">
          {t.rich("none", {
            link: (chunks) => (
              <Link href="/join" className="font-medium text-accent underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <ClientMessages namespaces={["Teaching.Form"]}>
          <ul className="mt-4 space-y-4">
            {cohorts.map((cohort) => (
              <li
                key={cohort.id}
                className="rounded-xl border border-line p-4"
                data-cohort={cohort.name}
              >
                <h3 className="font-semibold">{cohort.name}</h3>
                {cohort.teachers.length > 0 ? (
                  <p className="text-sm text-muted">
                    {t("taughtBy", { names: cohort.teachers.join(", ") })}
                  </p>
                ) : null}
                {cohort.assignments.length === 0 ? (
                  <p className="mt-2 text-sm">{t("noAssignments")}</p>
                ) : (
                  <ul
                    className="mt-2 space-y-1"
                    aria-label={t("assignments", { cohort: cohort.name })}
                  >
                    {cohort.assignments.map((a) => (
                      <li
                        key={a.id}
                        data-assignment={a.kind === "LESSON" ? a.lessonSlug : a.target}
                        data-kind={a.kind.toLowerCase()}
                      >
                        <Link
                          href={assignmentHref(a)}
                          className="font-medium underline underline-offset-4"
                        >
                          {assignmentTitle(a, locale, (key, values) => words(key, values))}
                        </Link>{" "}
                        <span className="text-sm text-muted">
                          {a.dueAt
                            ? t("due", {
                                date: format.dateTime(a.dueAt, {
                                  dateStyle: "medium",
                                  timeZone: cohort.timeZone,
                                }),
                              })
                            : t("noDue")}
                          {assignmentDone(a, { lessonsDone: done, solved })
                            ? ` · ✓ ${t("done")}`
                            : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-3 text-sm text-muted">{t("whatTheySee")}</p>
                {canLeave ? (
                  <ActionForm
                    action={leaveCohortAction}
                    hidden={{ cohortId: cohort.id }}
                    submit={t("leave", { cohort: cohort.name })}
                    variant="secondary"
                    confirm={t("leaveConfirm", { cohort: cohort.name })}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </ClientMessages>
      )}
    </section>
  );
}
