import type { Metadata } from "next";
import { LinearCollapseDemo } from "@/gallery/demos/linear-collapse-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Linear collapse" };

export default function LinearCollapseGalleryPage() {
  return (
    <GalleryPage
      slug="linear-collapse"
      importLine={`import { LinearCollapse } from "@neuronlab/viz/linear-collapse";`}
      props={[
        {
          name: "hidden",
          type: "number[]",
          default: "[4, 4]",
          description: "Hidden layer sizes of the 1 → … → 1 stack.",
        },
        {
          name: "weights",
          type: "NetworkWeights",
          description:
            "The stack's weights in the engine's layout; replace the seeded ones and hide the reseed button.",
        },
        { name: "seed", type: "number", description: "Controlled seed of the weights." },
        {
          name: "defaultSeed",
          type: "number",
          default: "1",
          description: "Starting seed when uncontrolled.",
        },
        {
          name: "onSeedChange",
          type: "(seed: number) => void",
          description: "Called with the next seed when “Reseed weights” is pressed.",
        },
        {
          name: "activation",
          type: '"relu" | "tanh" | "sigmoid" | "leakyRelu"',
          description: "Controlled activation of the bending version.",
        },
        {
          name: "defaultActivation",
          type: "CollapseActivation",
          default: '"relu"',
          description: "Starting activation when uncontrolled.",
        },
        {
          name: "onActivationChange",
          type: "(activation: CollapseActivation) => void",
          description: "Called when the learner picks another activation.",
        },
        {
          name: "domain",
          type: "[number, number]",
          default: "[−3, 3]",
          description: "Input range plotted.",
        },
        { name: "caption", type: "ReactNode", description: "Visible caption." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Both curves are the engine&apos;s forward pass (<code>Network</code> from{" "}
            <code>@neuronlab/engine/network</code>) over the same weights: kernels from{" "}
            <code>initWeights</code> with a seed, plus small seeded biases so the bends do not all
            fall at x = 0.
          </li>
          <li>
            The slope and intercept in the text are not read off the plot: they come from
            multiplying the weight matrices, W = W₁W₂W₃ and c = (b₁W₂ + b₂)W₃ + b₃, the single
            linear layer the stack is equivalent to without activations.
          </li>
          <li>
            The two curves differ by dash pattern as well as colour; the text under the figure and
            its description say the same in words, with the numbers.
          </li>
        </ul>
      }
    >
      <LinearCollapseDemo />
    </GalleryPage>
  );
}
