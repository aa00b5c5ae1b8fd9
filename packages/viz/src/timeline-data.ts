/**
 * Three dates the course hangs its story on. The wording is the course's own; the facts are the
 * usual textbook ones (Rosenblatt's perceptron report of 1957; Rumelhart, Hinton and Williams in
 * Nature, 1986; AlexNet at the ImageNet challenge of 2012).
 */

export interface TimelineEvent {
  /** Four-digit year; also the machine-readable date of the entry. */
  readonly year: number;
  readonly title: string;
  readonly text: string;
}

export const NEURAL_NETWORK_MILESTONES: readonly TimelineEvent[] = [
  {
    year: 1957,
    title: "The perceptron",
    text: "Frank Rosenblatt describes a single artificial neuron that sets its own weights from labelled examples: the first neuron that could be trained rather than wired by hand.",
  },
  {
    year: 1986,
    title: "Backpropagation catches on",
    text: "David Rumelhart, Geoffrey Hinton and Ronald Williams show that backpropagation trains networks with hidden layers, which then invent useful features of their own. The idea was older; their paper made it the standard way to train multi-layer networks.",
  },
  {
    year: 2012,
    title: "Deep networks win ImageNet",
    text: "AlexNet, a deep network trained on two gaming graphics cards, wins the ImageNet image-recognition challenge with far fewer errors than any other entry, and deep learning takes off.",
  },
];

/** The events in time order, whatever order they were given in. */
export function chronological(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.year - b.year);
}
