import type { Metadata } from "next";
import { TrainingLoopDemo } from "@/gallery/demos/training-loop-demo";
import { GalleryPage } from "@/gallery/gallery-page";

export const metadata: Metadata = { title: "Training loop and timeline" };

export default function TrainingLoopGalleryPage() {
  return (
    <GalleryPage
      slug="training-loop"
      importLine={`import { TrainingLoop } from "@neuronlab/viz/training-loop";\nimport { Timeline } from "@neuronlab/viz/timeline";`}
      props={[
        {
          name: "phase",
          type: '"forward" | "loss" | "backward" | "update" | null',
          description:
            "TrainingLoop: the step under way, lit; the phase names of Trainer.phases().",
        },
        {
          name: "step",
          type: "number",
          description: "TrainingLoop: training steps so far, shown in the middle.",
        },
        {
          name: "loss",
          type: "number",
          description: "TrainingLoop: the latest loss, shown in the middle.",
        },
        { name: "caption", type: "ReactNode", description: "TrainingLoop: visible caption." },
        {
          name: "events",
          type: "readonly TimelineEvent[]",
          default: "1957, 1986, 2012",
          description: "Timeline: { year, title, text } entries, shown in time order.",
        },
        {
          name: "label",
          type: "string",
          default: '"Milestones of neural networks"',
          description: "Timeline: accessible name of the list.",
        },
        {
          name: "current",
          type: "number",
          description:
            "Timeline: a year to mark as the one the lesson is at (aria-current and “(now)”).",
        },
        { name: "className", type: "string", description: "Both: class of the outer element." },
      ]}
      notes={
        <ul className="list-disc space-y-2 pl-6">
          <li>
            TrainingLoop draws nothing by itself: a lesson passes the phase it is in. The demo steps
            a Trainer from <code>@neuronlab/engine/trainer</code> through <code>phases()</code>,
            which pauses after the forward pass, the loss, backpropagation and the update.
          </li>
          <li>
            The lit step is filled, bold, thicker-edged and marked ▶, so it does not rely on colour.
            The text alternative names the step with the step count and loss, and is read politely
            as they change.
          </li>
          <li>
            The timeline is an ordered list with a <code>&lt;time&gt;</code> per entry; the line and
            dots are decoration hidden from screen readers.
          </li>
        </ul>
      }
    >
      <TrainingLoopDemo />
    </GalleryPage>
  );
}
