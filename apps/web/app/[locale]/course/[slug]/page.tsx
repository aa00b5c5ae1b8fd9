import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findLesson, lessons, neighbours } from "@neuronlab/content/course";
import { LessonContent } from "@/lessons/lesson-content";
import { LessonFinish } from "@/lessons/lesson-finish";
import { ReadingPosition } from "@/lessons/reading-position";
import { TableOfContents } from "@/lessons/table-of-contents";
import { WideFormulas } from "@/lessons/wide-formulas";
import { lessonLabel } from "@/lessons/lesson-label";
import "katex/dist/katex.min.css";

export const dynamicParams = false;

export function generateStaticParams() {
  return lessons.map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: PageProps<"/course/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const lesson = findLesson(slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.summary } : {};
}

export default async function LessonPage({ params }: PageProps<"/course/[slug]">) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  if (!lesson) notFound();
  const { meta } = lesson;
  const { previous, next } = neighbours(slug);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-10">
      <article aria-labelledby="lesson-title" className="min-w-0">
        <nav aria-label="Breadcrumb" className="text-sm text-muted">
          <Link href="/course" className="underline underline-offset-4">
            Course
          </Link>{" "}
          / {lessonLabel(meta)}
        </nav>
        <h1 id="lesson-title" className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
          {meta.title}
        </h1>
        <p className="mt-2 text-muted">
          {lessonLabel(meta)} · about {meta.minutes} minutes · {lesson.exercises.length} exercises
        </p>
        <section
          aria-label="What you will learn"
          className="mt-6 rounded-xl border border-line bg-panel p-4"
        >
          <h2 className="text-sm font-semibold">By the end you will be able to</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {meta.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
        <ReadingPosition lesson={slug} anchors={lesson.toc.map((entry) => entry.id)} />
        <details className="mt-6 rounded-lg border border-line p-3 lg:hidden">
          <summary className="cursor-pointer font-medium">On this page</summary>
          <TableOfContents toc={lesson.toc} />
        </details>
        <div className="lesson-prose prose mt-8 max-w-none dark:prose-invert">
          <LessonContent slug={slug} />
          <WideFormulas />
        </div>
        <LessonFinish lesson={slug} exerciseIds={lesson.exercises} />
        <nav
          aria-label="Lessons"
          className="mt-10 grid gap-4 border-t border-line pt-6 sm:grid-cols-2"
        >
          {previous ? (
            <Link
              href={`/course/${previous.slug}`}
              rel="prev"
              className="rounded-lg border border-line p-4 hover:bg-panel"
            >
              <span className="block text-sm text-muted">Previous</span>
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
              <span className="block text-sm text-muted">Next</span>
              <span className="font-semibold">{next.title}</span>
            </Link>
          ) : (
            <Link
              href="/course"
              className="rounded-lg border border-line p-4 text-right hover:bg-panel"
            >
              <span className="block text-sm text-muted">Done</span>
              <span className="font-semibold">Back to the course</span>
            </Link>
          )}
        </nav>
      </article>
      <aside aria-label="On this page" className="hidden lg:block">
        <div className="sticky top-6">
          <p className="text-sm font-semibold">On this page</p>
          <TableOfContents toc={lesson.toc} />
        </div>
      </aside>
    </div>
  );
}
