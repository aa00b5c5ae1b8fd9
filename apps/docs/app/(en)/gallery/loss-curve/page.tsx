import type { Metadata } from "next";
import { LossCurveDemo } from "@/gallery/demos/loss-curve-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Loss curve" };

export default function LossCurveGalleryPage() {
  return (
    <GalleryPage
      slug="loss-curve"
      importLine={`import { LossCurve, LossSeries } from "@neuronlab/viz/loss-curve";`}
      props={[
        {
          name: "train",
          type: "LossSeries",
          description:
            "Training loss per step. Create one with new LossSeries() and append(step, loss) as training goes; LossSeries.from(values, steps?) wraps existing numbers.",
        },
        {
          name: "test",
          type: "LossSeries",
          description:
            "Held-out loss, usually measured every few steps. Drawn dashed, with a square marker.",
        },
        {
          name: "version",
          type: "number",
          default: "0",
          description:
            "Change it after appending (a counter or the point count): the series are mutable, so this is what triggers a redraw and a new text alternative.",
        },
        {
          name: "scale",
          type: '"linear" | "log"',
          description: "Controlled y scale; pair it with onScaleChange.",
        },
        {
          name: "defaultScale",
          type: '"linear" | "log"',
          default: '"linear"',
          description: "Starting y scale when the component keeps its own state.",
        },
        {
          name: "onScaleChange",
          type: "(scale) => void",
          description: "Called when the learner switches the scale.",
        },
        {
          name: "showScaleControl",
          type: "boolean",
          default: "true",
          description: "Whether to show the Linear / Logarithmic switch.",
        },
        { name: "height", type: "number", default: "260", description: "Plot height in pixels." },
        {
          name: "labels",
          type: "{ train?: string; test?: string }",
          default: '"training loss", "test loss"',
          description: "Names of the curves in the legend and the text alternative.",
        },
        {
          name: "announceEvery",
          type: "number",
          default: "2000",
          description:
            "Least milliseconds between two updates of the spoken description while points stream in.",
        },
        {
          name: "onDraw",
          type: "(info: { durationMs, points, vertices }) => void",
          description: "Called after each redraw with what it cost.",
        },
        { name: "caption", type: "ReactNode", description: "Visible caption under the plot." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            The losses come from <code>Trainer.trainStep()</code> and{" "}
            <code>Trainer.evaluate()</code> in <code>@neuronlab/engine/trainer</code>; the figure
            only stores and draws them.
          </li>
          <li>
            Performance: <code>LossSeries</code> keeps a summary of at most 4,096 buckets (first,
            last, lowest and highest point of each), merged pairwise as the run grows, so appending
            costs O(1) amortised and a redraw reads at most four points per bucket and per pixel
            column, never all 100,000. Figures are in <code>packages/viz/BENCHMARKS.md</code> (
            <code>pnpm --filter @neuronlab/viz bench</code>).
          </li>
          <li>
            The two curves differ in colour, in line style (solid and dashed) and in the shape of
            their latest point (disc and square). The legend prints the latest values.
          </li>
          <li>
            Screen readers hear the scale, the step range, the latest and lowest loss of each curve
            and whether it is falling, flat or rising, at most once every two seconds while training
            runs.
          </li>
        </ul>
      }
    >
      <LossCurveDemo />
    </GalleryPage>
  );
}
