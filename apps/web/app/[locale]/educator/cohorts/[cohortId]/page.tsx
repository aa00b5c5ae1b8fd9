import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, LOCALES, localeName } from "@neuronlab/config/locales";
import { authSettings } from "@/auth/config";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { HttpError } from "@/http/errors";
import { ClientMessages } from "@/i18n/client-messages";
import { getPathname, Link } from "@/i18n/navigation";
import { exerciseLabel } from "@/progress/exercise-labels";
import { InvitePanel } from "@/invitations/invite-panel";
import { invitationsOfCohort } from "@/invitations/invitations";
import { PupilPanel, pupilsOfCohort } from "@/pupils/pupil-panel";
import { ActionForm } from "@/teaching/action-form";
import {
  addTeacherAction,
  archiveCohortAction,
  removeAssignmentAction,
  removeLearnerAction,
  removeTeacherAction,
  replaceJoinCodeAction,
  setAssignmentAction,
  setJoinEnabledAction,
  updateCohortAction,
} from "@/teaching/actions";
import { ClassTable } from "@/teaching/class-table";
import { dayIn } from "@/teaching/due-dates";
import { ExerciseTable } from "@/teaching/exercise-table";
import { inputClass, labelClass, PageFrame, SignInFirst } from "@/teaching/page-parts";
import { QrCode } from "@/teaching/qr-code";
import {
  assignmentHref,
  goalExerciseChoices,
  PLAYGROUND_LESSON,
} from "@/teaching/assignment-target";
import { assignmentTitle } from "@/teaching/assignment-title";
import { courseShape, loadCohortPage, REMINDER_DAY_CHOICES } from "@/teaching/teaching";
import { TimeZoneField } from "@/teaching/time-zone-field";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/educator/cohorts/[cohortId]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Teaching.Cohort" });
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function CohortPage({
  params,
}: PageProps<"/[locale]/educator/cohorts/[cohortId]">) {
  const { locale, cohortId } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Teaching.Cohort");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  const href = `/educator/cohorts/${cohortId}`;
  if (!db || !user) return <SignInFirst title={t("metaTitle")} href={href} locale={locale} />;

  let page;
  try {
    page = await loadCohortPage(user, db, cohortId, locale);
  } catch (error) {
    // Someone else's cohort, or none: the same 404 either way, so ids reveal nothing.
    if (error instanceof HttpError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  }
  const { cohort, view, certificates } = page;
  // The teacher check passed in loadCohortPage; the pupils' loader checks it again itself.
  const [pupils, invitations] = await Promise.all([
    pupilsOfCohort(db, user.id, cohort.id).then((rows) => rows ?? []),
    invitationsOfCohort(db, user.id, cohort.id),
  ]);
  const [format, tx, ta] = await Promise.all([
    getFormatter(),
    getTranslations("Teaching.Exercises"),
    getTranslations("Teaching.Assignment"),
  ]);
  const titleOf = (a: Parameters<typeof assignmentTitle>[0]) =>
    assignmentTitle(a, locale, (key, values) => ta(key, values));
  const lessons = courseShape(locale);
  const joinUrl = `${authSettings().siteUrl}${getPathname({ href: `/join/${cohort.joinCode}`, locale: isLocale(cohort.locale) ? cohort.locale : locale })}`;
  const open = cohort.archivedAt === null;
  const hidden = { cohortId: cohort.id };
  const exerciseName = (exerciseId: string) => {
    const label = exerciseLabel(exerciseId, locale);
    return label ? tx("label", { number: label.number, lesson: label.lessonTitle }) : exerciseId;
  };
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: cohort.timeZone });

  return (
    <PageFrame
      title={cohort.name}
      wide
      lead={
        <>
          {cohort.description ? <p>{cohort.description}</p> : null}
          <p className="text-sm">
            {t("summary", { learners: cohort.learners.length, teachers: cohort.teachers.length })}
          </p>
        </>
      }
    >
      <ClientMessages namespaces={["Teaching.Form"]}>
        <nav aria-label={t("sections")} className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/educator" className="text-accent underline underline-offset-4">
            {t("allCohorts")}
          </Link>
          <a href="#dashboard" className="underline underline-offset-4">
            {t("dashboard")}
          </a>
          <a href="#exercises" className="underline underline-offset-4">
            {t("exercises")}
          </a>
          <a href="#assignments" className="underline underline-offset-4">
            {t("assignments")}
          </a>
          <a href="#join" className="underline underline-offset-4">
            {t("join")}
          </a>
          <a href="#teachers" className="underline underline-offset-4">
            {t("teachers")}
          </a>
          <a href="#settings" className="underline underline-offset-4">
            {t("settings")}
          </a>
        </nav>

        {open ? null : (
          <p role="status" className="mt-6 rounded-lg border border-line bg-panel p-4">
            {t("archivedNote")}
          </p>
        )}

        <section aria-labelledby="dashboard" className="mt-8">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="dashboard" className="text-xl font-semibold">
              {t("dashboard")}
            </h2>
            <p className="flex gap-3 text-sm">
              <a
                href={`/api/educator/cohorts/${cohort.id}/export?kind=dashboard&locale=${locale}`}
                className="font-medium text-accent underline underline-offset-4"
                download
              >
                {t("exportDashboard")}
              </a>
              <a
                href={`/api/educator/cohorts/${cohort.id}/export?kind=attempts&locale=${locale}`}
                className="font-medium text-accent underline underline-offset-4"
                download
              >
                {t("exportAttempts")}
              </a>
            </p>
          </div>
          <p className="mt-1 text-sm text-muted">{t("privacy")}</p>
          {view.learners.length === 0 ? (
            <p className="mt-4">{t("noLearners")}</p>
          ) : (
            <ClassTable
              cohortId={cohort.id}
              lessons={lessons}
              learners={view.learners}
              timeZone={cohort.timeZone}
            />
          )}
        </section>

        <section aria-labelledby="stuck" className="mt-10">
          <h2 id="stuck" className="text-xl font-semibold">
            {t("stuck")}
          </h2>
          {view.learners.every((l) => l.stuck.length === 0) ? (
            <p className="mt-3 text-muted">{t("nobodyStuck")}</p>
          ) : (
            <ul className="mt-3 list-disc space-y-1 pl-6" data-testid="stuck-list">
              {view.learners
                .filter((l) => l.stuck.length > 0)
                .map((l) => (
                  <li key={l.id}>
                    <Link
                      href={`/educator/cohorts/${cohort.id}/learners/${l.id}`}
                      className="font-medium underline underline-offset-4"
                    >
                      {l.displayName}
                    </Link>
                    {": "}
                    {l.stuck
                      .map((reason) =>
                        reason.kind === "many_wrong"
                          ? t("stuckWrong", {
                              wrong: reason.wrong,
                              exercise: exerciseName(reason.exerciseId),
                            })
                          : t("stuckInactive", {
                              lesson:
                                lessons.find((x) => x.slug === reason.lessonSlug)?.title ??
                                reason.lessonSlug,
                              due: date(reason.dueAt),
                            }),
                      )
                      .join("; ")}
                  </li>
                ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="exercises" className="mt-10">
          <h2 id="exercises" className="text-xl font-semibold">
            {t("exercises")}
          </h2>
          <ExerciseTable lessons={lessons} exercises={view.exercises} locale={locale} />
        </section>

        <section aria-labelledby="assignments" className="mt-10">
          <h2 id="assignments" className="text-xl font-semibold">
            {t("assignments")}
          </h2>
          {cohort.assignments.length === 0 ? (
            <p className="mt-3 text-muted">{t("noAssignments")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-line rounded-xl border border-line">
              {cohort.assignments.map((a) => (
                <li
                  key={a.id}
                  className="flex flex-wrap items-center justify-between gap-2 p-3"
                  data-assignment={a.kind === "LESSON" ? a.lessonSlug : a.target}
                  data-kind={a.kind.toLowerCase()}
                >
                  <span>
                    <Link
                      href={assignmentHref(a)}
                      className="font-medium underline underline-offset-4"
                    >
                      {titleOf(a)}
                    </Link>{" "}
                    <span className="text-muted">
                      {a.dueAt ? t("dueOn", { date: date(a.dueAt) }) : t("noDueDate")}
                    </span>
                  </span>
                  {open ? (
                    <ActionForm
                      action={removeAssignmentAction}
                      hidden={{ ...hidden, assignmentId: a.id }}
                      submit={t("removeAssignment")}
                      variant="secondary"
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {open ? (
            <ActionForm
              action={setAssignmentAction}
              hidden={hidden}
              submit={t("assign")}
              className="mt-4 max-w-md"
            >
              <label htmlFor="assign-lesson" className={labelClass}>
                {t("lesson")}
              </label>
              <select id="assign-lesson" name="lessonSlug" className={inputClass}>
                <optgroup label={t("lessonsGroup")}>
                  {lessons.map((l) => (
                    <option key={l.slug} value={l.slug}>
                      {l.title}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("goalExercisesGroup")}>
                  {lessons.flatMap((l) =>
                    goalExerciseChoices(l.slug, l.exercises).map((choice) => (
                      <option key={choice} value={choice}>
                        {titleOf({
                          kind: "EXERCISE",
                          lessonSlug: l.slug,
                          target: choice.split("#")[1] ?? "",
                          note: null,
                        })}
                      </option>
                    )),
                  )}
                </optgroup>
              </select>
              <label htmlFor="assign-due" className={labelClass}>
                {t("dueDate", { zone: cohort.timeZone })}
              </label>
              <input id="assign-due" name="due" type="date" className={inputClass} />
            </ActionForm>
          ) : null}
          {open ? (
            <ActionForm
              action={setAssignmentAction}
              hidden={hidden}
              submit={t("assignPlayground")}
              className="mt-6 max-w-md"
            >
              <h3 className="font-semibold">{t("playgroundTitle")}</h3>
              <p className="mt-1 text-sm text-muted">
                {t("playgroundHelp", {
                  lesson: lessons.find((l) => l.slug === PLAYGROUND_LESSON)?.title ?? "",
                })}
              </p>
              <label htmlFor="assign-playground" className={labelClass}>
                {t("playgroundLink")}
              </label>
              <input
                id="assign-playground"
                name="playground"
                type="url"
                required
                className={inputClass}
                placeholder="https://…/course/why-deep-works?pg=v1_…"
              />
              <label htmlFor="assign-note" className={labelClass}>
                {t("playgroundNote")}
              </label>
              <input id="assign-note" name="note" maxLength={200} className={inputClass} />
              <label htmlFor="assign-playground-due" className={labelClass}>
                {t("dueDate", { zone: cohort.timeZone })}
              </label>
              <input id="assign-playground-due" name="due" type="date" className={inputClass} />
            </ActionForm>
          ) : null}
        </section>

        <section aria-labelledby="join" className="mt-10">
          <h2 id="join" className="text-xl font-semibold">
            {t("join")}
          </h2>
          <div className="mt-3 flex flex-wrap items-start gap-6">
            {cohort.joinEnabled && open ? (
              <QrCode text={joinUrl} label={t("qrLabel", { url: joinUrl })} />
            ) : null}
            <div>
              <p>
                {t("joinCode")}{" "}
                <code
                  className="rounded bg-panel px-2 py-1 font-mono text-2xl font-bold tracking-wider"
                  data-testid="join-code"
                >
                  {cohort.joinCode}
                </code>
              </p>
              <p className="mt-2 break-all">
                {t("joinLink")} <code data-testid="join-link">{joinUrl}</code>
              </p>
              <p className="mt-2 text-sm text-muted">
                {cohort.joinEnabled ? t("joinOn") : t("joinOff")}
              </p>
              {open ? (
                <div className="mt-2 flex flex-wrap gap-3">
                  <ActionForm
                    action={setJoinEnabledAction}
                    hidden={{ ...hidden, enabled: cohort.joinEnabled ? "false" : "true" }}
                    submit={cohort.joinEnabled ? t("turnOff") : t("turnOn")}
                    variant="secondary"
                  />
                  <ActionForm
                    action={replaceJoinCodeAction}
                    hidden={hidden}
                    submit={t("replaceCode")}
                    variant="secondary"
                    confirm={t("replaceConfirm")}
                  />
                </div>
              ) : null}
            </div>
          </div>
        </section>

        <section aria-labelledby="learners" className="mt-10">
          <h2 id="learners" className="text-xl font-semibold">
            {t("learners")}
          </h2>
          {cohort.learners.length === 0 ? (
            <p className="mt-3 text-muted">{t("noLearners")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-line rounded-xl border border-line">
              {view.learners.map((l) => (
                <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <span>
                    {l.displayName}{" "}
                    <span className="text-sm text-muted">
                      {t("joinedOn", { date: date(l.joinedAt) })}
                    </span>
                    {certificates.has(l.id) ? (
                      <>
                        {" · "}
                        <Link
                          href={`/certificates/${certificates.get(l.id)?.code ?? ""}`}
                          className="text-sm font-medium text-accent underline underline-offset-4"
                        >
                          {t("certificate")}
                        </Link>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {open && view.learners.length > 0 ? (
            // One form for the class rather than one per learner: a large class's page stays light.
            <ActionForm
              action={removeLearnerAction}
              hidden={hidden}
              submit={t("removeChosen")}
              variant="danger"
              confirm={t("removeChosenConfirm")}
              className="mt-4 max-w-md"
            >
              <label htmlFor="remove-learner" className={labelClass}>
                {t("removeWho")}
              </label>
              <select id="remove-learner" name="learnerId" className={inputClass}>
                {view.learners.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.displayName}
                  </option>
                ))}
              </select>
            </ActionForm>
          ) : null}
        </section>

        <InvitePanel
          cohortId={cohort.id}
          invitations={invitations}
          locale={locale}
          timeZone={cohort.timeZone}
          open={open}
        />

        <PupilPanel cohortId={cohort.id} pupils={pupils} archived={!open} />

        <section aria-labelledby="teachers" className="mt-10">
          <h2 id="teachers" className="text-xl font-semibold">
            {t("teachers")}
          </h2>
          <ul className="mt-3 divide-y divide-line rounded-xl border border-line">
            {cohort.teachers.map((teacher) => (
              <li
                key={teacher.id}
                className="flex flex-wrap items-center justify-between gap-2 p-3"
              >
                <span>
                  {teacher.name ?? teacher.email}{" "}
                  <span className="text-sm text-muted">{teacher.email}</span>
                </span>
                {open && cohort.teachers.length > 1 ? (
                  <ActionForm
                    action={removeTeacherAction}
                    hidden={{ ...hidden, teacherId: teacher.id }}
                    submit={teacher.id === user.id ? t("stopTeaching") : t("removeTeacher")}
                    variant="secondary"
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {open ? (
            <ActionForm
              action={addTeacherAction}
              hidden={hidden}
              submit={t("addTeacher")}
              className="mt-4 max-w-md"
            >
              <label htmlFor="teacher-email" className={labelClass}>
                {t("teacherEmail")}
              </label>
              <input
                id="teacher-email"
                name="email"
                type="email"
                autoComplete="off"
                className={inputClass}
              />
              <p className="mt-1 text-sm text-muted">{t("teacherEmailHelp")}</p>
            </ActionForm>
          ) : null}
        </section>

        <section
          aria-labelledby="settings"
          className="mt-10 rounded-xl border border-line bg-panel p-4"
        >
          <h2 id="settings" className="text-lg font-semibold">
            {t("settings")}
          </h2>
          {open ? (
            <ActionForm
              action={updateCohortAction}
              hidden={hidden}
              submit={t("save")}
              className="max-w-md"
            >
              <label htmlFor="settings-name" className={labelClass}>
                {t("name")}
              </label>
              <input
                id="settings-name"
                name="name"
                defaultValue={cohort.name}
                maxLength={120}
                className={inputClass}
              />
              <label htmlFor="settings-description" className={labelClass}>
                {t("description")}
              </label>
              <textarea
                id="settings-description"
                name="description"
                defaultValue={cohort.description ?? ""}
                maxLength={1000}
                rows={2}
                className={inputClass}
              />
              <label htmlFor="settings-locale" className={labelClass}>
                {t("language")}
              </label>
              <select
                id="settings-locale"
                name="locale"
                defaultValue={cohort.locale}
                className={inputClass}
              >
                {LOCALES.map((code) => (
                  <option key={code} value={code}>
                    {localeName(code)}
                  </option>
                ))}
              </select>
              <TimeZoneField label={t("timeZone")} defaultValue={cohort.timeZone} />
              <label htmlFor="settings-reminders" className={labelClass}>
                {t("reminders")}
              </label>
              <select
                id="settings-reminders"
                name="reminderDays"
                defaultValue={String(cohort.reminderDays)}
                className={inputClass}
              >
                {REMINDER_DAY_CHOICES.map((days) => (
                  <option key={days} value={days}>
                    {days === 0 ? t("reminderOff") : t("reminderBefore", { days })}
                  </option>
                ))}
              </select>
            </ActionForm>
          ) : null}
          <ActionForm
            action={archiveCohortAction}
            hidden={{ ...hidden, archived: open ? "true" : "false" }}
            submit={open ? t("archive") : t("unarchive")}
            variant="secondary"
            className="mt-6"
          >
            <p className="text-sm text-muted">{open ? t("archiveHelp") : t("unarchiveHelp")}</p>
          </ActionForm>
        </section>
        <p className="mt-6 text-sm text-muted">
          {t("dueDatesIn", { zone: cohort.timeZone, today: dayIn(new Date(), cohort.timeZone) })}
        </p>
      </ClientMessages>
    </PageFrame>
  );
}
