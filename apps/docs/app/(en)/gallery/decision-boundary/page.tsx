import type { Metadata } from "next";
import { DecisionBoundaryDemo } from "@/gallery/demos/decision-boundary-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Decision boundary" };

export default function DecisionBoundaryGalleryPage() {
  return (
    <GalleryPage
      slug="decision-boundary"
      importLine={`import { DecisionBoundary } from "@neuronlab/viz/decision-boundary";`}
      props={[
        {
          name: "predict",
          type: "(xs: Float64Array, n: number) => ArrayLike<number>",
          description:
            "Runs the model on n points, row-major [n × 2]. Trainer.predict from @neuronlab/engine/trainer fits as it is. Called for the whole grid when it or revision changes, and for single points under the probe.",
        },
        {
          name: "revision",
          type: "number | string",
          description:
            "Change it when the model behind predict has changed (the training step, say): predict reads weights React cannot see.",
        },
        {
          name: "outputs",
          type: "ArrayLike<number>",
          description:
            "Instead of predict: the output at every cell, row-major, row 0 at the top (highest x₂). Float32Array and Float64Array both work.",
        },
        {
          name: "points",
          type: '{ x1, x2, label, split: "train" | "test" }[]',
          description:
            "Examples drawn on top. Class 0 is an orange circle, class 1 a purple square; training points are filled, test points hollow.",
        },
        {
          name: "resolution",
          type: "number",
          default: "100",
          description:
            "Cells per side of the grid the model is evaluated on (100 → 10,000 points).",
        },
        {
          name: "domain",
          type: "{ x1: [min, max]; x2: [min, max] }",
          default: "[−1.2, 1.2]²",
          description: "The part of the plane shown.",
        },
        {
          name: "outputScale",
          type: "{ range: [min, max]; threshold: number }",
          default: "{ range: [0, 1], threshold: 0.5 }",
          description:
            "The outputs' range and where class 0 turns into class 1, e.g. [−1, 1] and 0 for a tanh output.",
        },
        {
          name: "discretize",
          type: "boolean",
          default: "false",
          description:
            "Paint the two predicted classes as flat colours instead of graded confidence.",
        },
        {
          name: "contour",
          type: "boolean",
          default: "false",
          description: "Draw the line where the output crosses the threshold (d3-contour).",
        },
        {
          name: "trainAccuracy, testAccuracy",
          type: "number",
          description:
            "Shares in [0, 1], as Trainer.evaluate measures them, for the text alternative.",
        },
        {
          name: "classNames",
          type: "[string, string]",
          default: '["class 0", "class 1"]',
          description: "What the lesson calls the two classes, in the legend and every text.",
        },
        {
          name: "probe",
          type: "{ x1, x2 } | null",
          description: "Controlled probe position; pair it with onProbeChange.",
        },
        {
          name: "defaultProbe",
          type: "{ x1, x2 } | null",
          default: "null",
          description: "Where the probe starts when the component keeps its own state.",
        },
        {
          name: "onProbeChange",
          type: "(probe) => void",
          description: "Called when the learner moves the probe by keyboard, click or tap.",
        },
        {
          name: "maxSize",
          type: "number",
          default: "480",
          description: "Largest side of the square plot in pixels; it shrinks to fit.",
        },
        { name: "caption", type: "ReactNode", description: "Visible caption under the figure." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Purple means class 1 and orange class 0; the paler the colour, the closer the output is
            to the threshold. Classes are also told apart by marker shape, and the text alternative
            gives the share of the plane in each class, where class 1 lies and the accuracies.
          </li>
          <li>
            The plot is a slider in the colour-picker pattern: focus it and the arrow keys move a
            probe (Shift, Page Up and Page Down take bigger steps, Home and End jump to the edges);
            its value text reads the point and the model&apos;s output there. A mouse shows the
            output under the pointer; a click or tap pins the probe.
          </li>
          <li>
            Each frame evaluates the grid through <code>predict</code> and paints it through a
            colour lookup table into one ImageData, so a 100×100 boundary of a 2-8-8-1 network
            redraws well within a 60 fps frame (see <code>packages/viz/BENCHMARKS.md</code>). The
            spoken description is updated at most once a second while training runs.
          </li>
        </ul>
      }
    >
      <DecisionBoundaryDemo />
    </GalleryPage>
  );
}
