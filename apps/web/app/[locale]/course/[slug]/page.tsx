import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { courseIn, lessons } from "@neuronlab/content/course";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { LessonContent } from "@/lessons/lesson-content";
import { LessonFinish } from "@/lessons/lesson-finish";
import { ReadingPosition } from "@/lessons/reading-position";
import { TableOfContents } from "@/lessons/table-of-contents";
import { WideFormulas } from "@/lessons/wide-formulas";
import { lessonLabel } from "@/lessons/lesson-label";
import "katex/dist/katex.min.css";

export const dynamicParams = false;

/**
 * What the lesson's client components read: the widgets' and figures' words (whole, as a lesson
 * may hold any widget, and an exercise may unlock one) and the lesson page's own components'.
 */
const CLIENT_NAMESPACES = [
  "viz",
  "widgets",
  "ExerciseCard",
  "LazyWidget",
  "LessonFinish",
  "ReadingPosition",
  "WideFormulas",
];

// Every lesson has the same slug in every language; the layout adds the languages.
export function generateStaticParams() {
  return lessons.map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/course/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const lesson = courseIn(locale).findLesson(slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.summary } : {};
}

export default async function LessonPage({ params }: PageProps<"/[locale]/course/[slug]">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const course = courseIn(locale);
  const lesson = course.findLesson(slug);
  if (!lesson) notFound();
  const [t, label] = await Promise.all([getTranslations("Lesson"), getTranslations("LessonLabel")]);
  const { meta } = lesson;
  const { previous, next } = course.neighbours(slug);

  return (
    <ClientMessages namespaces={CLIENT_NAMESPACES}>
      <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-10">
        <article aria-labelledby="lesson-title" className="min-w-0">
          <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
            <Link href="/course" className="underline underline-offset-4">
              {t("course")}
            </Link>{" "}
            / {lessonLabel(meta, label)}
          </nav>
          <h1 id="lesson-title" className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
            {meta.title}
          </h1>
          <p className="mt-2 text-muted">
            {t("facts", {
              label: lessonLabel(meta, label),
              minutes: meta.minutes,
              exercises: lesson.exercises.length,
            })}
          </p>
          <section
            aria-label={t("objectivesLabel")}
            className="mt-6 rounded-xl border border-line bg-panel p-4"
          >
            <h2 className="text-sm font-semibold">{t("objectivesTitle")}</h2>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {meta.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
          <ReadingPosition lesson={slug} anchors={lesson.toc.map((entry) => entry.id)} />
          <details className="mt-6 rounded-lg border border-line p-3 lg:hidden">
            <summary className="cursor-pointer font-medium">{t("onThisPage")}</summary>
            <TableOfContents toc={lesson.toc} />
          </details>
          <div className="lesson-prose prose mt-8 max-w-none dark:prose-invert">
            <LessonContent slug={slug} locale={locale} />
            <WideFormulas />
          </div>
          <LessonFinish lesson={slug} exerciseIds={lesson.exercises} />
          <nav
            aria-label={t("lessonsNav")}
            className="mt-10 grid gap-4 border-t border-line pt-6 sm:grid-cols-2"
          >
            {previous ? (
              <Link
                href={`/course/${previous.slug}`}
                rel="prev"
                className="rounded-lg border border-line p-4 hover:bg-panel"
              >
                <span className="block text-sm text-muted">{t("previous")}</span>
                <span className="font-semibold">{previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link
                href={`/course/${next.slug}`}
                rel="next"
                className="rounded-lg border border-line p-4 text-right hover:bg-panel"
              >
                <span className="block text-sm text-muted">{t("next")}</span>
                <span className="font-semibold">{next.title}</span>
              </Link>
            ) : (
              <Link
                href="/course"
                className="rounded-lg border border-line p-4 text-right hover:bg-panel"
              >
                <span className="block text-sm text-muted">{t("done")}</span>
                <span className="font-semibold">{t("backToCourse")}</span>
              </Link>
            )}
          </nav>
        </article>
        <aside aria-label={t("onThisPage")} className="hidden lg:block">
          <div className="sticky top-6">
            <p className="text-sm font-semibold">{t("onThisPage")}</p>
            <TableOfContents toc={lesson.toc} />
          </div>
        </aside>
      </div>
    </ClientMessages>
  );
}
