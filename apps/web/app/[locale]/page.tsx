import { getTranslations, setRequestLocale } from "next-intl/server";
import { lessons, totalMinutes } from "@neuronlab/content/course";
import { neuron } from "@neuronlab/engine/neuron";
import { NeuronDiagram } from "@neuronlab/viz/neuron-diagram";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";

// The figure's numbers are computed by the engine, not typed in: the page shows what it teaches.
const example = neuron({ weights: [0.8, -0.4, 0.5], bias: -0.2, activation: "relu" });
const exampleInputs = [1, 0.5, 0.6];
const exampleTrace = example.call(exampleInputs);

const audiences = ["learners", "educators", "teams"] as const;

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, site] = await Promise.all([getTranslations("Home"), getTranslations("Site")]);
  const lessonCount = lessons.filter((l) => l.order > 0 && l.slug !== "summary").length;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:py-16">
      <section aria-labelledby="hero-title" className="grid items-center gap-10 md:grid-cols-2">
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">{t("kicker")}</p>
          <h1 id="hero-title" className="mt-2 text-4xl font-bold tracking-tight sm:text-5xl">
            {site("courseTitle")}
          </h1>
          <p className="mt-4 text-lg text-muted">{t("intro")}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link
              href="/course"
              className="rounded-md bg-accent px-5 py-3 font-semibold text-accent-ink hover:opacity-90"
            >
              {t("cta")}
            </Link>
          </div>
          <p className="mt-3 text-sm text-muted">
            {t("size", { lessons: lessonCount, minutes: totalMinutes })}
          </p>
        </div>
        <div className="rounded-xl border border-line bg-panel p-4">
          <ClientMessages namespaces={["viz.NeuronDiagram", "viz.format"]}>
            <NeuronDiagram
              inputs={exampleInputs}
              weights={example.weights}
              bias={example.bias}
              activationLabel="ReLU"
              z={exampleTrace.z}
              a={exampleTrace.a}
              caption={t("figureCaption")}
              className="text-sm text-muted [&_figcaption]:mt-2"
            />
          </ClientMessages>
        </div>
      </section>

      <section aria-labelledby="who-title" className="mt-16">
        <h2 id="who-title" className="text-2xl font-bold">
          {t("whoTitle")}
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          {audiences.map((audience) => (
            <li key={audience} className="rounded-xl border border-line p-5">
              <h3 className="font-semibold">{t(`${audience}Title`)}</h3>
              <p className="mt-2 text-muted">{t(`${audience}Text`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
