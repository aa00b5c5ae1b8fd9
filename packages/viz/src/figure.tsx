import { useId, type ReactNode } from "react";

export interface FigureProps {
  /** Short visible caption. */
  caption: ReactNode;
  /**
   * What the figure shows, with its current values, for people who cannot see it. It is also a
   * polite live region, so screen readers hear the new values when they change.
   */
  description: string;
  children: ReactNode;
  className?: string;
}

/**
 * The frame every course figure sits in: the drawing is hidden from assistive technology and
 * replaced by `description`, which says the same thing in words.
 */
export function Figure({ caption, description, children, className }: FigureProps) {
  const descriptionId = useId();
  return (
    <figure className={className} aria-describedby={descriptionId}>
      <div aria-hidden="true">{children}</div>
      <p id={descriptionId} aria-live="polite" className="sr-only">
        {description}
      </p>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
