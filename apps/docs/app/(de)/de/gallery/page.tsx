import Link from "next/link";
import { galleryEntries } from "@/gallery/registry";
import { loadDocsMessages, pageMetadata } from "@/i18n";

export const generateMetadata = () => pageMetadata("de", "/gallery");

export default async function GermanGalleryIndex() {
  const { gallery } = await loadDocsMessages("de");
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Abbildungsgalerie</h1>
      <p className="mt-4 leading-7">
        Alle Abbildungen des Kurses, live aus <code>@neuronlab/viz</code>. Jede lässt sich mit der
        Maus, per Tastatur und mit einem Screenreader bedienen, im hellen wie im dunklen Farbschema.
      </p>
      <p className="mt-4 leading-7">
        Die Seite zu jeder Abbildung zeigt die Komponente mit ihren Reglern, wie du sie importierst
        und was ihre Props tun. Diese Referenz gibt es bisher nur auf Englisch.
      </p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {galleryEntries.map((entry) => {
          const german = gallery?.entries[entry.slug as keyof typeof gallery.entries];
          return (
            <li key={entry.slug} className="rounded-xl border border-line p-4">
              <Link
                href={`/gallery/${entry.slug}`}
                hrefLang="en"
                className="font-semibold text-accent underline underline-offset-4"
              >
                {german?.title ?? entry.title}
              </Link>{" "}
              <span className="text-sm text-muted">(auf Englisch)</span>
              <p className="mt-1 text-sm text-muted">{german?.summary ?? entry.summary}</p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
