import { getMDXComponent } from "mdx-bundler/client";
import { createElement, type ComponentProps, type ComponentType } from "react";
import { WIDGET_NAMES } from "@neuronlab/content/components";
import { compiledLessons } from "@neuronlab/content/course";
import { Callout } from "./callout";
import { ExerciseBlock } from "./exercise-block";
import { LazyWidget } from "./lazy-widget";

type MdxContent = ReturnType<typeof getMDXComponent>;
type MdxComponents = NonNullable<ComponentProps<MdxContent>["components"]>;

/**
 * What each tag a lesson may write renders as: widgets become lazy placeholders that load on the
 * client when scrolled near; `<Exercise id>` renders the exercise's public view (no answer key).
 */
const components: Record<string, ComponentType<never>> = { Callout, Exercise: ExerciseBlock };
for (const name of WIDGET_NAMES) {
  const Widget = (props: Record<string, unknown>) => <LazyWidget name={name} props={props} />;
  Widget.displayName = name;
  components[name] = Widget;
}

/** Compiled lessons are fixed at build time: each becomes a component once, when this loads. */
const contentBySlug = new Map<string, MdxContent>(
  compiledLessons.map((lesson) => [lesson.meta.slug, getMDXComponent(lesson.code)]),
);

/** Renders a lesson's compiled MDX on the server. */
export function LessonContent({ slug }: { slug: string }) {
  const Content = contentBySlug.get(slug);
  if (!Content) return null;
  // Each lesson's component is made once at load (above), not during render.
  return createElement(Content, { components: components as MdxComponents });
}
