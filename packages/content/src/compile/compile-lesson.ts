import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
// Types only: the MDX JSX node types that `visit` narrows to below.
import type {} from "mdast-util-mdx-jsx";
import { bundleMDX } from "mdx-bundler";
import rehypeKatex from "rehype-katex";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { visit } from "unist-util-visit";
import { exerciseAnchor } from "../anchors.ts";
import { lessonMetaSchema, type LessonMeta } from "../lesson-meta.ts";

/**
 * Compiles one MDX lesson with mdx-bundler (GFM, KaTeX maths, heading ids) and checks it on the
 * way: frontmatter against the one lesson schema, every JSX component against the list a lesson
 * may use, every `<Exercise id>` against the lesson's exercises, no imports. Problems are
 * collected and thrown together as a `LessonError`, with line numbers, so a broken lesson fails
 * the build with everything wrong in it listed.
 */

export interface TocEntry {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface CompiledLesson {
  meta: LessonMeta;
  /** The compiled MDX: a function body for mdx-bundler's `getMDXComponent`. */
  code: string;
  toc: TocEntry[];
  /** Exercise ids in the order the lesson shows them. */
  exercises: string[];
  /** Widget names the lesson uses. */
  widgets: string[];
  /** Links to other pages of this site (`/course/…`), to check once every lesson is known. */
  internalLinks: { url: string; line: number | undefined }[];
  /** Anchor ids on the page: headings and exercises. */
  anchors: string[];
  /** Checked against the source lesson's by the course build; not shipped to the site. */
  structure?: LessonStructure;
}

/**
 * What a translation must keep from its source lesson, in order: heading levels, the components
 * (exercises by id), the number of formulas and the internal link targets.
 */
export interface LessonStructure {
  headings: number[];
  components: string[];
  formulas: number;
  links: string[];
  /** Every heading's id, in order (what a translation's headings are given). */
  headingIds: string[];
}

export interface CompileContext {
  /** Components a lesson may use besides `Exercise` (the widgets and the prose helpers). */
  components: ReadonlySet<string>;
  /** This lesson's exercise ids (from its exercise file). */
  exerciseIds: ReadonlySet<string>;
  /**
   * A translation's heading ids, taken from its source lesson by position, so anchors, links and
   * reading positions are the same in every language. Without it, ids come from the heading text.
   */
  headingIds?: readonly string[];
}

export class LessonError extends Error {
  override name = "LessonError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

export async function compileLesson(
  source: string,
  file: string,
  context: CompileContext,
): Promise<CompiledLesson> {
  const problems: string[] = [];
  const exercises: string[] = [];
  const widgets = new Set<string>();
  const internalLinks: CompiledLesson["internalLinks"] = [];
  const toc: TocEntry[] = [];
  const anchors: string[] = [];
  const structure: LessonStructure = {
    headings: [],
    components: [],
    formulas: 0,
    links: [],
    headingIds: [],
  };
  const at = (node: { position?: { start: { line: number } } | undefined }) =>
    node.position ? `line ${node.position.start.line}: ` : "";

  const checkTree = () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      if ((node.type as string) === "mdxjsEsm") {
        problems.push(`${at(node)}lessons may not import or export; use the components provided`);
        return;
      }
      if (node.type === "link") {
        const { url } = node;
        if (url.startsWith("/") || url.startsWith("#")) {
          internalLinks.push({ url, line: node.position?.start.line });
          structure.links.push(url);
        }
        return;
      }
      if (node.type === "heading") {
        structure.headings.push(node.depth);
        return;
      }
      if ((node.type as string) === "math" || (node.type as string) === "inlineMath") {
        structure.formulas += 1;
        return;
      }
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      const element = node;
      const name = element.name;
      // Fragments and lowercase HTML elements are plain markup.
      if (!name || /^[a-z]/.test(name)) return;
      structure.components.push(name);
      if (name === "Exercise") {
        const attribute = element.attributes.find(
          (a) => a.type === "mdxJsxAttribute" && a.name === "id",
        );
        const id = attribute?.type === "mdxJsxAttribute" ? attribute.value : undefined;
        if (typeof id !== "string") {
          problems.push(`${at(node)}<Exercise> needs id="…" as a plain string`);
        } else if (!context.exerciseIds.has(id)) {
          problems.push(`${at(node)}<Exercise id="${id}"> is not in this lesson's exercises`);
        } else if (exercises.includes(id)) {
          problems.push(`${at(node)}<Exercise id="${id}"> appears twice`);
        } else {
          exercises.push(id);
          structure.components[structure.components.length - 1] = `Exercise#${id}`;
        }
        return;
      }
      if (!context.components.has(name)) {
        problems.push(`${at(node)}unknown component <${name}>`);
        return;
      }
      widgets.add(name);
    });
  };

  const headingIdsFromSource = () => (tree: HastRoot) => {
    const ids = context.headingIds;
    if (!ids) return;
    let index = 0;
    visit(tree, "element", (node: Element) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      const id = ids[index];
      index += 1;
      if (id !== undefined) node.properties.id = id;
    });
  };

  const collectHeadings = () => (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      const id = node.properties.id;
      if (typeof id === "string") anchors.push(id);
      if (/^h[1-6]$/.test(node.tagName) && typeof id === "string") structure.headingIds.push(id);
      if ((node.tagName === "h2" || node.tagName === "h3") && typeof id === "string") {
        toc.push({
          depth: node.tagName === "h2" ? 2 : 3,
          id,
          text: node.children.map(textOf).join("").trim(),
        });
      }
    });
  };

  // rehype-katex reports maths it cannot typeset as a message on the file (and renders it red)
  // rather than throwing; a lesson with such maths must not build.
  const collectMessages =
    () =>
    (
      _tree: HastRoot,
      file: { messages: { reason: string; line?: number | null | undefined }[] },
    ) => {
      for (const message of file.messages) {
        problems.push(`${message.line ? `line ${message.line}: ` : ""}${message.reason}`);
      }
    };

  let result: Awaited<ReturnType<typeof bundleMDX<Record<string, unknown>>>>;
  try {
    result = await bundleMDX<Record<string, unknown>>({
      source,
      mdxOptions(raw) {
        // mdx-bundler types these options with @mdx-js/esbuild's, which its declarations cannot
        // resolve; only the two plugin lists are touched here.
        const options = raw as {
          remarkPlugins?: unknown[] | null;
          rehypePlugins?: unknown[] | null;
        };
        // The check runs first: mdx-bundler's own frontmatter plugin turns the YAML into an
        // `export`, which a lesson itself may not write.
        options.remarkPlugins = [
          checkTree,
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          remarkMath,
        ];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeSlug,
          headingIdsFromSource,
          [rehypeKatex, { output: "htmlAndMathml", throwOnError: true, strict: "error" }],
          collectHeadings,
          collectMessages,
        ];
        // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- the same object, see above
        return raw;
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LessonError(file, [
      ...problems,
      `does not compile: ${message.split("\n").slice(0, 6).join(" ")}`,
    ]);
  }

  const meta = lessonMetaSchema.safeParse(result.frontmatter);
  if (!meta.success) {
    for (const issue of meta.error.issues)
      problems.push(`frontmatter ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  for (const id of context.exerciseIds) {
    if (!exercises.includes(id))
      problems.push(`exercise "${id}" is defined but the lesson never shows it`);
  }
  for (const id of exercises) anchors.push(exerciseAnchor(id));
  const seen = new Set<string>();
  for (const id of anchors) {
    if (seen.has(id)) problems.push(`two elements share the id "${id}"`);
    seen.add(id);
  }
  if (problems.length > 0 || !meta.success) throw new LessonError(file, problems);
  return {
    meta: meta.data,
    code: result.code,
    toc,
    exercises,
    widgets: [...widgets].sort(),
    internalLinks,
    anchors,
    structure,
  };
}
