import type { Metadata } from "next";
import { WeightMatrixDemo } from "@/gallery/demos/weight-matrix-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Weight matrix" };

export default function WeightMatrixGalleryPage() {
  return (
    <GalleryPage
      slug="weight-matrix"
      importLine={`import { WeightMatrix } from "@neuronlab/viz/weight-matrix";`}
      props={[
        {
          name: "kernel",
          type: "ArrayLike<number>",
          description:
            "The layer's weights, row-major [inputs × units] as in NetworkWeights. Pass a new array (e.g. trainer.getWeights()[l].kernel) to redraw.",
        },
        { name: "inputs", type: "number", description: "Rows." },
        { name: "units", type: "number", description: "Columns." },
        {
          name: "rowLabels",
          type: "readonly string[]",
          default: "x₁, x₂, …",
          description: "One name per row.",
        },
        {
          name: "columnLabels",
          type: "readonly string[]",
          default: "u₁, u₂, …",
          description: "One name per column.",
        },
        {
          name: "rowTitle",
          type: "string",
          default: '"from"',
          description: "Heading of the rows.",
        },
        {
          name: "columnTitle",
          type: "string",
          default: '"to unit"',
          description: "Heading of the columns.",
        },
        {
          name: "extent",
          type: "number",
          default: "round number ≥ max |w|",
          description:
            "Colours span [−extent, extent]; the default moves in round steps so the legend stays still.",
        },
        {
          name: "name",
          type: "string",
          default: '"this layer"',
          description: "What the weights belong to, in the text alternative.",
        },
        { name: "cell", type: "{ row, column } | null", description: "Controlled focus cell." },
        {
          name: "defaultCell",
          type: "{ row, column } | null",
          default: "null",
          description: "Starting focus cell when uncontrolled.",
        },
        {
          name: "onCellChange",
          type: "(cell) => void",
          description: "Called when the keyboard or a click picks a cell.",
        },
        { name: "caption", type: "ReactNode", description: "Visible caption." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            The cells are painted on a canvas through a colour lookup table, one pixel per weight
            scaled up, so a redraw per animation frame is cheap. The demo trains with a Trainer from{" "}
            <code>@neuronlab/engine/trainer</code> on requestAnimationFrame; with reduced motion it
            keeps training but redraws less often.
          </li>
          <li>
            The heatmap is one tab stop: arrow keys move a focus cell, Home/End go to the ends of a
            row, Page Up/Down to the ends of a column, and the line under it reads the weight. Moves
            are announced once; the text alternative (range, where the extremes are, the mean size,
            and small matrices in full) is read at most every two seconds while training.
          </li>
          <li>
            The diverging scale runs orange (negative) through white (zero) to purple (positive),
            safe for the common colour-vision deficiencies; large cells print their value as well.
          </li>
        </ul>
      }
    >
      <WeightMatrixDemo />
    </GalleryPage>
  );
}
