import type { VizT } from "./i18n.tsx";

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

/** A milestone of the course's own: its year, and the id of its title and text in the catalogue. */
export interface Milestone {
  readonly id: "perceptron" | "backpropagation" | "imagenet";
  readonly year: number;
}

/** The dates; their words are messages of the namespace "Timeline" (`perceptronTitle`, …). */
export const NEURAL_NETWORK_MILESTONES: readonly Milestone[] = [
  { id: "perceptron", year: 1957 },
  { id: "backpropagation", year: 1986 },
  { id: "imagenet", year: 2012 },
];

/** The milestones as timeline events, in the language of `t`. */
export function milestoneEvents(t: VizT<"Timeline">): TimelineEvent[] {
  return NEURAL_NETWORK_MILESTONES.map(({ id, year }) => ({
    year,
    title: t(`${id}Title`),
    text: t(`${id}Text`),
  }));
}

/** The events in time order, whatever order they were given in. */
export function chronological(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.year - b.year);
}
