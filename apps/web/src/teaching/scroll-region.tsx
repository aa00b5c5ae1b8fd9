import type { ReactNode } from "react";

/**
 * A wide table's frame: it scrolls sideways on a narrow screen, and is reached by keyboard so it
 * can be scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      className="mt-4 overflow-x-auto rounded-xl border border-line"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll container
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}
