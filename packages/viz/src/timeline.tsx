"use client";

import { useVizT } from "./i18n.tsx";
import { chronological, milestoneEvents, type TimelineEvent } from "./timeline-data.ts";

export type { TimelineEvent } from "./timeline-data.ts";

export interface TimelineProps {
  /**
   * Default: the perceptron (1957), backpropagation (1986) and ImageNet (2012), in the page's
   * language.
   */
  events?: readonly TimelineEvent[];
  /** Accessible name of the list. Default: "Milestones of neural networks", translated. */
  label?: string;
  /** A year to mark as the one the lesson is talking about. */
  current?: number;
  className?: string;
}

/**
 * Dates as an ordered list styled as a vertical timeline: screen readers hear a list of n items
 * in time order, each with a machine-readable <time>.
 */
export function Timeline({ events, label, current, className }: TimelineProps) {
  const t = useVizT("Timeline");
  return (
    <ol aria-label={label ?? t("label")} className={`relative ${className ?? ""}`}>
      {chronological(events ?? milestoneEvents(t)).map((event, i, all) => {
        const isCurrent = event.year === current;
        return (
          <li
            key={`${event.year}-${event.title}`}
            // Phones put the year above the title; wider screens give it a column of its own.
            className="relative grid grid-cols-[1.25rem_1fr] gap-x-3 sm:grid-cols-[4.5rem_2rem_1fr]"
            aria-current={isCurrent ? "step" : undefined}
          >
            <time
              dateTime={String(event.year).padStart(4, "0")}
              className={`col-start-2 row-start-1 text-lg font-bold tabular-nums sm:col-start-1 sm:pt-0.5 sm:text-right ${isCurrent ? "text-accent" : ""}`}
            >
              {event.year}
            </time>
            <div
              aria-hidden="true"
              className="relative col-start-1 row-span-2 row-start-1 flex justify-center sm:col-start-2"
            >
              {i < all.length - 1 ? (
                <span className="absolute top-4 -bottom-2 w-0.5 bg-line" />
              ) : null}
              <span
                className={`relative mt-2 h-3.5 w-3.5 rounded-full border-2 border-ink ${isCurrent ? "bg-accent" : "bg-canvas"}`}
              />
            </div>
            <div
              className={`col-start-2 row-start-2 sm:col-start-3 sm:row-start-1 ${i < all.length - 1 ? "pb-6" : ""}`}
            >
              <p className="text-lg font-semibold">
                {event.title}
                {isCurrent ? (
                  <span className="ml-2 text-sm font-normal text-muted">{t("now")}</span>
                ) : null}
              </p>
              <p className="mt-1 leading-7">{event.text}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
