import Link from "next/link";
import { galleryEntries } from "@/gallery/registry";
import { pageMetadata } from "@/i18n";

export const generateMetadata = () => pageMetadata("en", "/gallery");

export default function GalleryIndex() {
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Figure gallery</h1>
      <p className="mt-4 leading-7">
        Every figure of the course, live, from <code>@neuronlab/viz</code>. Each page shows the
        component with its controls, how to import it and what its props do. All of them work with a
        mouse, by keyboard and with a screen reader, in light and dark themes.
      </p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {galleryEntries.map((entry) => (
          <li key={entry.slug} className="rounded-xl border border-line p-4">
            <Link
              href={`/gallery/${entry.slug}`}
              className="font-semibold text-accent underline underline-offset-4"
            >
              {entry.title}
            </Link>
            <p className="mt-1 text-sm text-muted">{entry.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
