import type { Metadata } from "next";
import { ActivationPlotDemo } from "@/gallery/demos/activation-plot-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Activation plot" };

export default function ActivationPlotGalleryPage() {
  return (
    <GalleryPage
      slug="activation-plot"
      importLine={`import { ActivationPlot } from "@neuronlab/viz/activation-plot";`}
      props={[
        {
          name: "activations",
          type: "ActivationName[]",
          default: "all five",
          description: "Which curves to draw: relu, sigmoid, tanh, linear, leakyRelu.",
        },
        {
          name: "layout",
          type: '"overlay" | "side-by-side"',
          default: '"overlay"',
          description:
            "All curves on shared axes, or one small plot each (with the tangent at z drawn in).",
        },
        { name: "z", type: "number", description: "Controlled marker position." },
        {
          name: "defaultZ",
          type: "number",
          default: "1",
          description: "Starting marker position when uncontrolled.",
        },
        {
          name: "onZChange",
          type: "(z: number) => void",
          description: "Called when the marker is dragged or moved with the slider.",
        },
        {
          name: "zDomain",
          type: "[number, number]",
          default: "[−4, 4]",
          description: "The z axis.",
        },
        {
          name: "yDomain",
          type: "[number, number]",
          default: "[−1.5, 3]",
          description: "Output axis of the overlay; curves leaving it are clipped.",
        },
        { name: "step", type: "number", default: "0.1", description: "Marker step." },
        { name: "caption", type: "ReactNode", description: "Visible caption." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            f(z), f′(z) and the ranges come from <code>@neuronlab/engine/activations</code>. Drag
            across the plot with a mouse, pen or finger (vertical swipes still scroll the page), or
            use the z slider: arrow keys step 0.1, Page Up/Down step 1, Home and End go to the ends.
          </li>
          <li>
            Each curve has its own colour and dash pattern, shown in the table that doubles as the
            legend. The bands of sigmoid (0, 1) and tanh (−1, 1) are shaded, edged with dashed
            guides and labelled.
          </li>
          <li>
            For z &gt; 0, ReLU, leaky ReLU and linear lie on the same line: the wide dotted line of
            linear shows on either side of the other two.
          </li>
        </ul>
      }
    >
      <ActivationPlotDemo />
    </GalleryPage>
  );
}
