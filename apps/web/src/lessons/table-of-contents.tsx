import type { TocEntry } from "@neuronlab/content/course";

export function TableOfContents({ toc }: { toc: readonly TocEntry[] }) {
  return (
    <ol className="mt-2 space-y-1 text-sm">
      {toc.map((entry) => (
        <li key={entry.id} className={entry.depth === 3 ? "pl-4" : undefined}>
          <a
            href={`#${entry.id}`}
            className="text-muted underline-offset-4 hover:text-ink hover:underline"
          >
            {entry.text}
          </a>
        </li>
      ))}
    </ol>
  );
}
