import type { Metadata } from "next";
import { NetworkGraphDemo } from "@/gallery/demos/network-graph-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Network graph" };

export default function NetworkGraphGalleryPage() {
  return (
    <GalleryPage
      slug="network-graph"
      importLine={`import { NetworkGraph } from "@neuronlab/viz/network-graph";`}
      props={[
        {
          name: "spec",
          type: "NetworkSpec",
          description: "The network's layers (from @neuronlab/engine/network-spec).",
        },
        {
          name: "weights",
          type: "NetworkWeights",
          description: "Its kernels and biases; the lines are shaded by |w|.",
        },
        {
          name: "input",
          type: "readonly number[]",
          description:
            "One example. The component runs it through the glass-box Network (forward, and backward when there is a target); it never trains.",
        },
        {
          name: "target",
          type: "readonly number[]",
          description:
            "The example's target. Without one the walk-through ends after the forward pass.",
        },
        {
          name: "trace",
          type: "GraphTrace",
          description:
            "Instead of input and target: a trace computed elsewhere, { forward, backward?, target? } (traceNetwork, exported beside the component, builds one).",
        },
        {
          name: "stage",
          type: "number",
          description:
            "Controlled stage: 0 the input, 1…L the forward pass layer by layer, L+1…2L the backward pass.",
        },
        {
          name: "defaultStage",
          type: "number",
          default: "0",
          description: "Starting stage when uncontrolled.",
        },
        {
          name: "onStageChange",
          type: "(stage: number) => void",
          description: "Called by the step, play and reset buttons.",
        },
        {
          name: "playInterval",
          type: "number",
          default: "900",
          description: "Milliseconds per stage while playing.",
        },
        {
          name: "maxVisible",
          type: "number",
          default: "12",
          description: "Larger layers show their first neurons, “⋮ n” and the last one.",
        },
        { name: "caption", type: "ReactNode", description: "Visible caption." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Step forward lights the layers one at a time with their activations on the neurons;
            after the output, the backward pass puts ∂L/∂z on the neurons (dashed rings) and draws
            each connection as thick as its |∂L/∂w|, on one scale for the whole network, so
            gradients that fade towards the input show as faint lines.
          </li>
          <li>
            The graph is one tab stop. Arrow keys move between neurons (left and right between
            layers), Enter steps through the current neuron’s connections, Escape goes back to the
            neuron. The panel under the graph reads out the numbers, as it does for the neuron or
            line under the pointer.
          </li>
          <li>
            Play respects reduced motion: it shows the end of the pass at once instead of animating.
            Signs are told by colour and by dashes (negative lines are dashed); every number is in
            the text alternative.
          </li>
          <li>
            Six layers of eight neurons fit a 360 px phone. Wider networks keep their spacing and
            scroll sideways, with a hint above them.
          </li>
        </ul>
      }
    >
      <NetworkGraphDemo />
    </GalleryPage>
  );
}
