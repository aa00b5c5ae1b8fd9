import type { MDXComponents } from "mdx/types";

/** How Markdown elements look in the docs (App Router picks this file up by name). */
const components: MDXComponents = {
  h1: ({ children, ...props }) => (
    <h1 className="text-3xl font-bold tracking-tight" {...props}>
      {children}
    </h1>
  ),
  h2: ({ children, ...props }) => (
    <h2 className="mt-10 text-2xl font-semibold" {...props}>
      {children}
    </h2>
  ),
  h3: ({ children, ...props }) => (
    <h3 className="mt-6 text-lg font-semibold" {...props}>
      {children}
    </h3>
  ),
  p: (props) => <p className="mt-4 leading-7" {...props} />,
  ul: (props) => <ul className="mt-4 list-disc space-y-1 pl-6" {...props} />,
  ol: (props) => <ol className="mt-4 list-decimal space-y-1 pl-6" {...props} />,
  a: ({ children, ...props }) => (
    <a className="text-accent underline underline-offset-4" {...props}>
      {children}
    </a>
  ),
  code: (props) => (
    <code className="rounded bg-panel px-1 py-0.5 font-mono text-[0.9em]" {...props} />
  ),
  pre: (props) => (
    <pre
      className="mt-4 overflow-x-auto rounded-lg border border-line bg-panel p-4 text-sm [&_code]:bg-transparent [&_code]:p-0"
      // A code block may scroll sideways: keyboard users must be able to reach it to scroll it.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      {...props}
    />
  ),
  table: (props) => (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" {...props} />
    </div>
  ),
  th: (props) => <th className="border-b border-line px-2 py-2 font-semibold" {...props} />,
  td: (props) => <td className="border-b border-line px-2 py-2 align-top" {...props} />,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
