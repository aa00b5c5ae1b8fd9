import type { Metadata } from "next";
import Link from "next/link";
import { compiledLessons } from "@neuronlab/content/course";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { lessonLabel } from "@/lessons/lesson-label";
import { DashboardSync } from "@/progress/dashboard-sync";
import { exerciseLabel } from "@/progress/exercise-labels";
import { getProgress } from "@/progress/progress-api";
import { lessonSummary, viewOfAccount } from "@/progress/progress-view";

export const metadata: Metadata = { title: "Your progress" };
// Per learner, from the session: never prerendered (a build has no database to ask).
export const dynamic = "force-dynamic";

const when = (iso: string) =>
  `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

export default async function DashboardPage() {
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) return <SignInPrompt />;

  const progress = await getProgress(user, db);
  const view = viewOfAccount(progress);
  const totalExercises = compiledLessons.reduce((n, l) => n + l.exercises.length, 0);
  const attempts = progress.exercises.reduce((n, e) => n + e.attempts, 0);

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <DashboardSync />
      <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
      <p className="mt-2 text-muted">
        Signed in as <span className="font-medium text-ink">{user.name ?? user.email}</span>.
        Everything here is kept in your account, on every device you sign in on.
      </p>

      <section aria-labelledby="totals" className="mt-8">
        <h2 id="totals" className="sr-only">
          In numbers
        </h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Stat
            label="Lessons done"
            value={progress.totals.lessonsCompleted}
            of={compiledLessons.length}
          />
          <Stat
            label="Exercises solved"
            value={progress.totals.exercisesSolved}
            of={totalExercises}
          />
          <Stat label="Answers given" value={attempts} />
        </dl>
      </section>

      <section aria-labelledby="lessons" className="mt-10">
        <h2 id="lessons" className="text-xl font-semibold">
          Lessons
        </h2>
        <ol className="mt-4 divide-y divide-line rounded-xl border border-line">
          {compiledLessons.map(({ meta, exercises }) => {
            const summary = lessonSummary(view, meta.slug, exercises);
            const position = view.lessons[meta.slug]?.position;
            const state = summary.completed
              ? "Done"
              : summary.started
                ? "In progress"
                : "Not started";
            return (
              <li
                key={meta.slug}
                className="flex flex-wrap items-baseline justify-between gap-2 p-4"
                data-dashboard-lesson={meta.slug}
              >
                <div>
                  <p className="text-sm text-muted">{lessonLabel(meta)}</p>
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
                      · {summary.solved} of {summary.total} exercises solved
                    </span>
                  </p>
                  {position && !summary.completed ? (
                    <Link
                      href={`/course/${meta.slug}#${position.anchor}`}
                      className="font-medium text-accent underline underline-offset-4"
                    >
                      Continue reading
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
          Recent answers
        </h2>
        {progress.recentAttempts.length === 0 ? (
          <p className="mt-3 text-muted">
            No answers yet.{" "}
            <Link href="/course" className="font-medium text-accent underline underline-offset-4">
              Start the course
            </Link>{" "}
            and try an exercise.
          </p>
        ) : (
          <div className="mt-4 overflow-x-auto rounded-xl border border-line">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your most recent answers, newest first</caption>
              <thead className="bg-panel">
                <tr>
                  <th scope="col" className="p-3 font-semibold">
                    Exercise
                  </th>
                  <th scope="col" className="p-3 font-semibold">
                    Result
                  </th>
                  <th scope="col" className="p-3 font-semibold">
                    When
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {progress.recentAttempts.map((attempt) => {
                  const label = exerciseLabel(attempt.exerciseId);
                  return (
                    <tr key={attempt.id} data-attempt={attempt.exerciseId}>
                      <td className="p-3">
                        {label ? (
                          <Link href={label.href} className="underline-offset-4 hover:underline">
                            Exercise {label.number} of {label.of} in {label.lessonTitle}
                          </Link>
                        ) : (
                          attempt.exerciseId
                        )}
                      </td>
                      <td className="p-3">{attempt.correct ? "✓ Right" : "✗ Not right"}</td>
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
          Your data
        </h2>
        <p className="mt-1 text-muted">
          Download everything we keep about you, or delete your account.
        </p>
        <Link
          href="/account"
          className="mt-3 inline-block rounded-md border border-line px-4 py-2 font-medium hover:bg-canvas"
        >
          Your account and data
        </Link>
      </section>
    </div>
  );
}

function Stat({ label, value, of }: { label: string; value: number; of?: number }) {
  return (
    <div className="rounded-xl border border-line bg-panel p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold" data-stat={label}>
        {value}
        {of === undefined ? null : (
          <span className="text-base font-normal text-muted"> of {of}</span>
        )}
      </dd>
    </div>
  );
}

function SignInPrompt() {
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
      <p className="mt-4">
        Sign in to see your progress on every device: the lessons you finished, the exercises you
        solved and your recent answers. Progress you made in this browser before signing in comes
        with you.
      </p>
      <p className="mt-6">
        <Link
          href="/sign-in?callbackUrl=%2Fdashboard"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
