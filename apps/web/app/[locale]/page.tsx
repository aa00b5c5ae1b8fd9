import Link from "next/link";
import { COURSE_TITLE, lessons, totalMinutes } from "@neuronlab/content/course";
import { neuron } from "@neuronlab/engine/neuron";
import { NeuronDiagram } from "@neuronlab/viz/neuron-diagram";

// The figure's numbers are computed by the engine, not typed in: the page shows what it teaches.
const example = neuron({ weights: [0.8, -0.4, 0.5], bias: -0.2, activation: "relu" });
const exampleInputs = [1, 0.5, 0.6];
const exampleTrace = example.call(exampleInputs);

const audiences = [
  {
    title: "Learners",
    text: "Start straight away, no account needed. Tune a neuron, bend an activation, watch a network learn.",
  },
  {
    title: "Educators",
    text: "Run the course with a group: every lesson has exercises with instant feedback and explanations.",
  },
  {
    title: "Teams",
    text: "Turn the material into a hands-on workshop for your organisation, on site or online.",
  },
] as const;

export default function HomePage() {
  const lessonCount = lessons.filter((l) => l.order > 0 && l.slug !== "summary").length;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:py-16">
      <section aria-labelledby="hero-title" className="grid items-center gap-10 md:grid-cols-2">
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">
            Free interactive course
          </p>
          <h1 id="hero-title" className="mt-2 text-4xl font-bold tracking-tight sm:text-5xl">
            {COURSE_TITLE}
          </h1>
          <p className="mt-4 text-lg text-muted">
            A neural network is one big function with numbers you can adjust. Neuronlab opens it up:
            every idea comes with a figure you can touch, every number is shown, and you need no
            maths beyond multiplication and a feel for slopes.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link
              href="/course"
              className="rounded-md bg-accent px-5 py-3 font-semibold text-accent-ink hover:opacity-90"
            >
              See the course
            </Link>
          </div>
          <p className="mt-3 text-sm text-muted">
            {lessonCount} lessons plus an introduction and a summary · about {totalMinutes} minutes
          </p>
        </div>
        <div className="rounded-xl border border-line bg-panel p-4">
          <NeuronDiagram
            inputs={exampleInputs}
            weights={example.weights}
            bias={example.bias}
            activationLabel="ReLU"
            z={exampleTrace.z}
            a={exampleTrace.a}
            caption="One neuron: multiply each input by its weight, add the bias, then activate. Negative weights are dashed."
            className="text-sm text-muted [&_figcaption]:mt-2"
          />
        </div>
      </section>

      <section aria-labelledby="who-title" className="mt-16">
        <h2 id="who-title" className="text-2xl font-bold">
          Who it is for
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          {audiences.map((audience) => (
            <li key={audience.title} className="rounded-xl border border-line p-5">
              <h3 className="font-semibold">{audience.title}</h3>
              <p className="mt-2 text-muted">{audience.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
