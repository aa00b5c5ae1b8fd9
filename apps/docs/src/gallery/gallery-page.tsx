import Link from "next/link";
import type { ReactNode } from "react";
import { PropsTable, type PropDoc } from "./props-table";
import { galleryEntries } from "./registry";

export interface GalleryPageProps {
  slug: string;
  /** How to import the component, e.g. `import { LossCurve } from "@neuronlab/viz/loss-curve";`. */
  importLine: string;
  /** The live example with its controls. */
  children: ReactNode;
  props: readonly PropDoc[];
  /** Notes on accessibility, performance or use in lessons. */
  notes?: ReactNode;
}

/** One gallery page: what the figure is, a live example, how to import it and its props. */
export function GalleryPage({ slug, importLine, children, props, notes }: GalleryPageProps) {
  const entry = galleryEntries.find((e) => e.slug === slug);
  if (!entry) throw new Error(`Unknown gallery entry "${slug}".`);
  return (
    <>
      <p className="text-sm">
        <Link href="/gallery" className="text-accent underline underline-offset-4">
          Figure gallery
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{entry.title}</h1>
      <p className="mt-4 leading-7">{entry.summary}</p>
      <section aria-labelledby="live-example" className="mt-8 rounded-xl border border-line p-4">
        <h2 id="live-example" className="sr-only">
          Live example
        </h2>
        {children}
      </section>
      <h2 className="mt-10 text-2xl font-semibold">Use</h2>
      {/* Wrapped rather than scrolled: a phone shows the whole import line. */}
      <pre className="mt-4 rounded-lg border border-line bg-panel p-4 text-sm break-all whitespace-pre-wrap">
        <code>{importLine}</code>
      </pre>
      <h2 className="mt-10 text-2xl font-semibold">Props</h2>
      <PropsTable rows={props} />
      {notes ? (
        <>
          <h2 className="mt-10 text-2xl font-semibold">Notes</h2>
          <div className="mt-4 leading-7">{notes}</div>
        </>
      ) : null}
    </>
  );
}
