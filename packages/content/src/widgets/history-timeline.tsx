"use client";

import { Timeline, type TimelineEvent } from "@neuronlab/viz/timeline";
import { useWidgetT, type WidgetT } from "./i18n.ts";

export interface HistoryTimelineProps {
  /** A year to mark as the one the lesson is talking about: 1957, 1986 or 2012. */
  current?: number;
  /** Caption under the timeline. */
  caption?: string;
}

/** The three dates the course tells its story by, and the messages that tell each. */
export const HISTORY_YEARS = [
  { year: 1957, key: "perceptron" },
  { year: 1986, key: "backpropagation" },
  { year: 2012, key: "imageNet" },
] as const;

/** The three milestones in the course's words, in the page's language. */
export function historyEvents(t: WidgetT<"HistoryTimeline">): TimelineEvent[] {
  return HISTORY_YEARS.map(({ year, key }) => ({
    year,
    title: t(`${key}Title`),
    text: t(`${key}Text`),
  }));
}

/**
 * Three milestones of neural networks as a timeline: the first trainable neuron, the method that
 * trains many layers, and the moment deep networks took over.
 */
export default function HistoryTimeline({ current, caption }: HistoryTimelineProps) {
  const t = useWidgetT("HistoryTimeline");
  const marked = HISTORY_YEARS.some((event) => event.year === current) ? current : undefined;
  return (
    <figure className="text-ink">
      <Timeline
        events={historyEvents(t)}
        label={t("label")}
        {...(marked === undefined ? {} : { current: marked })}
      />
      <figcaption className="mt-4 text-sm text-muted">{caption ?? t("caption")}</figcaption>
    </figure>
  );
}
