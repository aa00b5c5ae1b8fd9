import type { Metadata } from "next";
import { isDeliverable } from "@/auth/addresses";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { courseIn } from "@neuronlab/content/course";
import { getSessionUser } from "@/auth/session";
import { MyCertificate } from "@/certificates/my-certificate";
import { maybeDb } from "@/db";
import { lessonLabel } from "@/lessons/lesson-label";
import { ClientMessages } from "@/i18n/client-messages";
import { courseLink } from "@/i18n/course-link";
import { getPathname, Link } from "@/i18n/navigation";
import { DashboardSync } from "@/progress/dashboard-sync";
import { exerciseLabel } from "@/progress/exercise-labels";
import { getProgress } from "@/progress/progress-api";
import { lessonSummary, viewOfAccount } from "@/progress/progress-view";
import { MyCohorts } from "@/teaching/my-cohorts";
import { loadMyCohorts } from "@/teaching/teaching";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/dashboard">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Dashboard" });
  return { title: t("title") };
}
// Per learner, from the session: never prerendered (a build has no database to ask).
export const dynamic = "force-dynamic";

export default async function DashboardPage({
  params,
  searchParams,
}: PageProps<"/[locale]/dashboard">) {
  const { locale } = await params;
  const { joined, left } = await searchParams;
  setRequestLocale(locale);
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) return <SignInPrompt locale={locale} />;

  const [t, labels, format, progress, cohorts] = await Promise.all([
    getTranslations("Dashboard"),
    getTranslations("LessonLabel"),
    getFormatter(),
    getProgress(user, db),
    loadMyCohorts(user, db),
  ]);
  const { compiledLessons } = courseIn(locale);
  const view = viewOfAccount(progress);
  const totalExercises = compiledLessons.reduce((n, l) => n + l.exercises.length, 0);
  const attempts = progress.exercises.reduce((n, e) => n + e.attempts, 0);
  // Said in UTC, and said so: the server cannot know the learner's time zone.
  const when = (iso: string) =>
    t("when", {
      time: format.dateTime(new Date(iso), {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "UTC",
      }),
    });

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <ClientMessages namespaces={[]}>
        <DashboardSync />
      </ClientMessages>
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-muted">
        {t.rich("signedInAs", {
          name: user.name ?? user.email,
          strong: (chunks) => <span className="font-medium text-ink">{chunks}</span>,
        })}
      </p>

      <section aria-labelledby="totals" className="mt-8">
        <h2 id="totals" className="sr-only">
          {t("inNumbers")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Stat
            id="Lessons done"
            label={t("lessonsDone")}
            value={progress.totals.lessonsCompleted}
            of={t("ofTotal", { total: compiledLessons.length })}
          />
          <Stat
            id="Exercises solved"
            label={t("exercisesSolved")}
            value={progress.totals.exercisesSolved}
            of={t("ofTotal", { total: totalExercises })}
          />
          <Stat id="Answers given" label={t("answersGiven")} value={attempts} />
        </dl>
      </section>

      <MyCertificate user={user} db={db} />
      <MyCohorts
        notice={joined === "1" ? "joined" : left === "1" ? "left" : undefined}
        cohorts={cohorts}
        done={
          new Set(
            compiledLessons
              .filter(({ meta }) => view.lessons[meta.slug]?.completedAt)
              .map(({ meta }) => meta.slug),
          )
        }
        solved={new Set(progress.exercises.filter((e) => e.solved).map((e) => e.exerciseId))}
        canLeave={isDeliverable(user.email)}
      />

      <section aria-labelledby="lessons" className="mt-10">
        <h2 id="lessons" className="text-xl font-semibold">
          {t("lessons")}
        </h2>
        <ol className="mt-4 divide-y divide-line rounded-xl border border-line">
          {compiledLessons.map(({ meta, exercises }) => {
            const summary = lessonSummary(view, meta.slug, exercises);
            const position = view.lessons[meta.slug]?.position;
            const state = summary.completed
              ? t("done")
              : summary.started
                ? t("inProgress")
                : t("notStarted");
            return (
              <li
                key={meta.slug}
                className="flex flex-wrap items-baseline justify-between gap-2 p-4"
                data-dashboard-lesson={meta.slug}
              >
                <div>
                  <p className="text-sm text-muted">{lessonLabel(meta, labels)}</p>
                  <Link
                    href={`/course/${meta.slug}`}
                    className="font-semibold underline-offset-4 hover:underline"
                  >
                    {meta.title}
                  </Link>
                </div>
                <div className="text-right text-sm">
                  <p>
                    <span className="font-medium">
                      {summary.completed ? "✓ " : ""}
                      {state}
                    </span>{" "}
                    <span className="text-muted">
                      · {t("solvedOf", { solved: summary.solved, total: summary.total })}
                    </span>
                  </p>
                  {position && !summary.completed ? (
                    <Link
                      href={`/course/${meta.slug}#${position.anchor}`}
                      className="font-medium text-accent underline underline-offset-4"
                    >
                      {t("continueReading")}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="recent" className="mt-10">
        <h2 id="recent" className="text-xl font-semibold">
          {t("recent")}
        </h2>
        {progress.recentAttempts.length === 0 ? (
          <p className="mt-3 text-muted">{t.rich("noAnswers", { link: courseLink })}</p>
        ) : (
          <div className="mt-4 overflow-x-auto rounded-xl border border-line">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("recentCaption")}</caption>
              <thead className="bg-panel">
                <tr>
                  <th scope="col" className="p-3 font-semibold">
                    {t("exercise")}
                  </th>
                  <th scope="col" className="p-3 font-semibold">
                    {t("result")}
                  </th>
                  <th scope="col" className="p-3 font-semibold">
                    {t("time")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {progress.recentAttempts.map((attempt) => {
                  const label = exerciseLabel(attempt.exerciseId, locale);
                  return (
                    <tr key={attempt.id} data-attempt={attempt.exerciseId}>
                      <td className="p-3">
                        {label ? (
                          <Link href={label.href} className="underline-offset-4 hover:underline">
                            {t("exerciseIn", {
                              number: label.number,
                              of: label.of,
                              lesson: label.lessonTitle,
                            })}
                          </Link>
                        ) : (
                          attempt.exerciseId
                        )}
                      </td>
                      <td className="p-3">
                        {attempt.correct ? `✓ ${t("right")}` : `✗ ${t("notRight")}`}
                      </td>
                      <td className="p-3 text-muted">
                        <time dateTime={attempt.at}>{when(attempt.at)}</time>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section
        aria-labelledby="your-data"
        className="mt-10 rounded-xl border border-line bg-panel p-4"
      >
        <h2 id="your-data" className="text-lg font-semibold">
          {t("yourData")}
        </h2>
        <p className="mt-1 text-muted">{t("yourDataText")}</p>
        <Link
          href="/account"
          className="mt-3 inline-block rounded-md border border-line px-4 py-2 font-medium hover:bg-canvas"
        >
          {t("accountLink")}
        </Link>
      </section>
    </div>
  );
}

/** One number; `id` names it for tests in every language (`data-stat`). */
function Stat({
  id,
  label,
  value,
  of,
}: {
  id: string;
  label: string;
  value: number;
  /** "of 8", said in the page's language. */
  of?: string;
}) {
  return (
    <div className="rounded-xl border border-line bg-panel p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold" data-stat={id}>
        {value}
        {of === undefined ? null : <span className="text-base font-normal text-muted"> {of}</span>}
      </dd>
    </div>
  );
}

async function SignInPrompt({ locale }: { locale: Locale }) {
  const t = await getTranslations("Dashboard");
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-4">{t("signInPrompt")}</p>
      <p className="mt-6">
        <Link
          href={{
            pathname: "/sign-in",
            query: { callbackUrl: getPathname({ href: "/dashboard", locale }) },
          }}
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
        >
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
