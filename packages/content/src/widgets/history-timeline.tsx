"use client";

import { Timeline, type TimelineEvent } from "@neuronlab/viz/timeline";

export interface HistoryTimelineProps {
  /** A year to mark as the one the lesson is talking about: 1957, 1986 or 2012. */
  current?: number;
  /** Caption under the timeline. */
  caption?: string;
}

/** The three dates the course tells its story by, in the course's words. */
export const HISTORY_EVENTS: readonly TimelineEvent[] = [
  {
    year: 1957,
    title: "The perceptron: a neuron that learns",
    text: "Frank Rosenblatt builds the perceptron, a single artificial neuron that finds its own weights from labelled examples. Until then an artificial neuron's weights were set by hand; this was the first one you could train.",
  },
  {
    year: 1986,
    title: "Backpropagation trains hidden layers",
    text: "David Rumelhart, Geoffrey Hinton and Ronald Williams show that backpropagation can train networks with hidden layers, and that those layers discover useful features on their own. The method was not new, but their work made it the standard way to train networks of many layers.",
  },
  {
    year: 2012,
    title: "Deep networks on GPUs win ImageNet",
    text: "AlexNet, a deep network trained on two graphics cards (GPUs), wins the ImageNet image-recognition contest with far fewer mistakes than any other entry. Big data, fast hardware and deep networks together start the deep-learning boom.",
  },
];

/**
 * Three milestones of neural networks as a timeline: the first trainable neuron, the method that
 * trains many layers, and the moment deep networks took over.
 */
export default function HistoryTimeline({ current, caption }: HistoryTimelineProps) {
  const marked = HISTORY_EVENTS.some((event) => event.year === current) ? current : undefined;
  return (
    <figure className="text-ink">
      <Timeline
        events={HISTORY_EVENTS}
        label="Three milestones of neural networks"
        {...(marked === undefined ? {} : { current: marked })}
      />
      <figcaption className="mt-4 text-sm text-muted">
        {caption ??
          "From one neuron that learns (1957) to training hidden layers (1986) to deep networks on graphics cards (2012)."}
      </figcaption>
    </figure>
  );
}
