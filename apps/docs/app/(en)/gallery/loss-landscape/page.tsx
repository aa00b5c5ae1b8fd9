import type { Metadata } from "next";
import { LossLandscapeDemo } from "@/gallery/demos/loss-landscape-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Loss landscape" };

export default function LossLandscapeGalleryPage() {
  return (
    <GalleryPage
      slug="loss-landscape"
      importLine={`import { LossLandscape } from "@neuronlab/viz/loss-landscape";`}
      props={[
        {
          name: "loss",
          type: "(w1, w2) => number",
          default: "one linear neuron's MSE",
          description:
            "The loss over two weights. Keep it stable (module scope or useCallback): a new function resamples the map.",
        },
        {
          name: "gradient",
          type: "(w1, w2) => [number, number]",
          default: "central differences",
          description: "The gradient of loss; estimated numerically when left out.",
        },
        {
          name: "domain",
          type: "{ w1: [min, max]; w2: [min, max] }",
          description: "The part of the plane to show; around the minimum by default.",
        },
        {
          name: "names",
          type: "[string, string]",
          default: '["w", "b"]',
          description:
            "Short names of the two weights, used on the axes, controls and in the text.",
        },
        {
          name: "summary",
          type: "string",
          description: "What the loss is, for the text alternative.",
        },
        {
          name: "learningRate",
          type: "number",
          description: "Controlled learning rate; pair it with onLearningRateChange.",
        },
        {
          name: "defaultLearningRate",
          type: "number",
          default: "0.1",
          description: "Starting learning rate when the component keeps its own state.",
        },
        {
          name: "onLearningRateChange",
          type: "(rate: number) => void",
          description: "Called when the learner moves the learning-rate slider.",
        },
        {
          name: "learningRateRange",
          type: "[min, max]",
          default: "[0.005, 0.5]",
          description: "Range of the learning-rate slider, which is logarithmic.",
        },
        {
          name: "start / defaultStart",
          type: "[w1, w2]",
          default: "up the side of the bowl",
          description:
            "Controlled or starting point of the walk. Also moved by the two start sliders and by clicking either panel.",
        },
        {
          name: "onStartChange",
          type: "(start: [w1, w2]) => void",
          description: "Called when the learner moves the starting point.",
        },
        { name: "steps", type: "number", default: "40", description: "Most steps of the walk." },
        {
          name: "view",
          type: '"both" | "one" | "two"',
          default: '"both"',
          description:
            "The loss over the first weight alone (the second held at its start value), over both, or both panels.",
        },
        {
          name: "resolution",
          type: "number",
          default: "64",
          description: "Grid cells per side of the two-weight map.",
        },
        { name: "caption", type: "ReactNode", description: "Visible caption." },
        { name: "className", type: "string", description: "Class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            The default loss is the mean squared error of one linear neuron on seven examples,
            evaluated by the glass-box <code>Network</code> of{" "}
            <code>@neuronlab/engine/network</code> (its <code>batchLoss</code> and backpropagated{" "}
            <code>batchGradients</code>).
          </li>
          <li>
            Each run is classified and explained in words: converged, crawling (learning rate too
            small for the steps it has), zig-zag (the steps overshoot the valley floor and swing
            back) or diverged (the loss grows without bound; the walk stops and the message says at
            which step).
          </li>
          <li>
            Keyboard: the learning rate and the start point are native sliders; Step, Play and Reset
            are buttons. With reduced motion, Play jumps straight to the end of the walk.
          </li>
          <li>
            The map uses the viridis scale (dark is low loss) plus contour lines, so it reads
            without colour; the walk is drawn in the text colour with a halo, the start as a ring
            and the current point as an orange diamond.
          </li>
        </ul>
      }
    >
      <LossLandscapeDemo />
    </GalleryPage>
  );
}
