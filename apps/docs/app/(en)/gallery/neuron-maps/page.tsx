import type { Metadata } from "next";
import { NeuronMapsDemo } from "@/gallery/demos/neuron-maps-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Neuron maps" };

export default function NeuronMapsGalleryPage() {
  return (
    <GalleryPage
      slug="neuron-maps"
      importLine={`import { NeuronMaps } from "@neuronlab/viz/neuron-maps";`}
      props={[
        {
          name: "spec",
          type: "NetworkSpec",
          description:
            "The network's shape from @neuronlab/engine/network-spec. It must have 2 inputs: the maps are drawn over the plane (x₁, x₂).",
        },
        {
          name: "weights",
          type: "NetworkWeights",
          description:
            "Its weights, e.g. trainer.getWeights(). Every unit is recomputed over the grid when they change.",
        },
        {
          name: "resolution",
          type: "number",
          default: "40",
          description: "Cells per side of each map.",
        },
        {
          name: "domain",
          type: "{ x1: [min, max]; x2: [min, max] }",
          default: "[−1.2, 1.2]²",
          description: "The part of the plane every map shows.",
        },
        {
          name: "mapSize",
          type: "number",
          default: "72",
          description: "Largest side of a small map in pixels; maps shrink to fit narrow screens.",
        },
        {
          name: "selected",
          type: "{ layer, unit }",
          description: "Controlled choice of the enlarged map (layer 0 is the first hidden layer).",
        },
        {
          name: "defaultSelected",
          type: "{ layer, unit }",
          default: "the output unit",
          description: "The enlarged map at first, when the component keeps its own state.",
        },
        {
          name: "onSelectedChange",
          type: "(unit) => void",
          description: "Called when the learner picks another map.",
        },
        { name: "caption", type: "ReactNode", description: "Visible caption under the figure." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Every hidden unit and the output get a map of their activation over the plane, one
            column per layer. The first layer can only draw straight edges; the next layers bend and
            combine them, which is what depth buys.
          </li>
          <li>
            The maps form a radio group: Tab reaches the chosen one, arrow keys move up and down a
            layer or across layers, Home and End go to the first and last map. Each map&apos;s name
            says where it is high and its range (&ldquo;Layer 1, unit 3 (tanh): high in the left
            half, from −0.95 to 0.98&rdquo;). The chosen map is shown enlarged; pointing at any map
            reads its value there.
          </li>
          <li>
            The grids come from one batched forward pass per frame of the engine&apos;s fused kernel
            (<code>MlpKernel.layerActivations</code>, through <code>computeUnitGrids</code> in{" "}
            <code>unit-grids.ts</code>), the same arithmetic as <code>Trainer.predict</code>, and
            are checked against the glass-box <code>Network</code>.
          </li>
        </ul>
      }
    >
      <NeuronMapsDemo />
    </GalleryPage>
  );
}
