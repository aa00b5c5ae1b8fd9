import type { Metadata } from "next";
import { NeuronDemo } from "@/gallery/demos/neuron-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Neuron" };

export default function NeuronGalleryPage() {
  return (
    <GalleryPage
      slug="neuron"
      importLine={`import { NeuronExplorer } from "@neuronlab/viz/neuron-explorer";`}
      props={[
        {
          name: "value",
          type: "NeuronValue",
          description:
            "Controlled value: { inputs, weights, bias, activation }. Inputs and weights are lists of the same length.",
        },
        {
          name: "defaultValue",
          type: "NeuronValue",
          default: "3 inputs, ReLU",
          description: "Starting value when the component keeps its own state.",
        },
        {
          name: "onValueChange",
          type: "(value: NeuronValue) => void",
          description:
            "Called with the whole new value whenever one number or the activation changes.",
        },
        {
          name: "min",
          type: "number",
          default: "−3",
          description: "Lowest value of every slider.",
        },
        {
          name: "max",
          type: "number",
          default: "3",
          description: "Highest value of every slider.",
        },
        { name: "step", type: "number", default: "0.05", description: "Slider step." },
        {
          name: "activations",
          type: "ActivationName[]",
          default: "all five",
          description:
            "The activations offered in the select: relu, sigmoid, tanh, linear, leakyRelu.",
        },
        { name: "caption", type: "string", description: "Visible caption under the diagram." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            z and a are computed by <code>neuron()</code> from <code>@neuronlab/engine/neuron</code>
            ; the figure only draws and prints them.
          </li>
          <li>
            Every number has a labelled slider (arrow keys, Page Up/Down, Home/End) and a number box
            to type in. The diagram is hidden from screen readers and replaced by a description that
            states every input, weight, the bias, z and a; it is announced politely when they
            change.
          </li>
          <li>
            Negative weights are drawn dashed and orange, positive ones solid and blue; the
            thickness follows the weight&apos;s size. Below 480 px the diagram switches to a compact
            layout so its labels stay legible on a phone.
          </li>
        </ul>
      }
    >
      <NeuronDemo />
    </GalleryPage>
  );
}
