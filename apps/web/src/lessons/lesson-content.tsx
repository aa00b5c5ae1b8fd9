import { getMDXComponent } from "mdx-bundler/client";
import { createElement, type ComponentProps, type ComponentType } from "react";
import { LOCALES, type Locale } from "@neuronlab/config/locales";
import { WIDGET_NAMES } from "@neuronlab/content/components";
import { courseIn } from "@neuronlab/content/course";
import { Link } from "@/i18n/navigation";
import { Callout } from "./callout";
import { ExerciseBlock } from "./exercise-block";
import { LazyWidget } from "./lazy-widget";

type MdxContent = ReturnType<typeof getMDXComponent>;
type MdxComponents = NonNullable<ComponentProps<MdxContent>["components"]>;

/**
 * A link in a lesson. One to another page of the site ("/course/measuring-error#anchor") stays in
 * the page's language; one within the page ("#anchor") or to another site is left as written.
 */
function LessonLink({ href, children, ...rest }: ComponentProps<"a">) {
  if (href?.startsWith("/") && !href.startsWith("//")) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}

/**
 * What each tag a lesson may write renders as, in one language: widgets become lazy placeholders
 * that load on the client when scrolled near; `<Exercise id>` renders the exercise's public view
 * (no answer key) in that language; links to the site's pages stay in that language.
 */
function componentsFor(locale: Locale): MdxComponents {
  function Exercise({ id }: { id: string }) {
    return <ExerciseBlock id={id} locale={locale} />;
  }
  const components: Record<string, ComponentType<never>> = { a: LessonLink, Callout, Exercise };
  for (const name of WIDGET_NAMES) {
    const Widget = (props: Record<string, unknown>) => <LazyWidget name={name} props={props} />;
    Widget.displayName = name;
    components[name] = Widget;
  }
  return components as MdxComponents;
}

const componentsByLocale = new Map(LOCALES.map((locale) => [locale, componentsFor(locale)]));

/**
 * Compiled lessons are fixed at build time: each lesson in each language becomes a component
 * once, when this loads.
 */
const contentByLesson = new Map<string, MdxContent>(
  LOCALES.flatMap((locale) =>
    courseIn(locale).compiledLessons.map(
      (lesson) => [`${locale}/${lesson.meta.slug}`, getMDXComponent(lesson.code)] as const,
    ),
  ),
);

/** Renders a lesson's compiled MDX, in one language, on the server. */
export function LessonContent({ slug, locale }: { slug: string; locale: Locale }) {
  const Content = contentByLesson.get(`${locale}/${slug}`);
  const components = componentsByLocale.get(locale);
  if (!Content || !components) return null;
  // Each lesson's component is made once at load (above), not during render.
  return createElement(Content, { components });
}
