import type { ReactNode } from "react";

interface Style {
  label: string;
  border: string;
}

const STYLES: Record<"note" | "tip" | "warning", Style> = {
  note: { label: "Note", border: "border-l-accent" },
  tip: { label: "Tip", border: "border-l-[var(--viz-positive)]" },
  warning: { label: "Watch out", border: "border-l-[var(--viz-negative)]" },
};

export interface CalloutProps {
  kind?: keyof typeof STYLES | undefined;
  title?: string | undefined;
  children?: ReactNode;
}

/** An aside in a lesson: a note, a tip or a warning, with an optional title. */
export function Callout({ kind = "note", title, children }: CalloutProps) {
  // A lesson's MDX is checked for tags, not for attribute values: an unknown kind is a note.
  const style = (STYLES as Partial<Record<string, Style>>)[kind] ?? STYLES.note;
  return (
    <aside
      aria-label={title ?? style.label}
      className={`not-prose my-6 rounded-r-lg border border-l-4 border-line bg-panel px-4 py-3 ${style.border}`}
    >
      <p className="font-semibold">{title ?? style.label}</p>
      <div className="mt-1 space-y-2 [&_a]:underline [&_code]:font-mono">{children}</div>
    </aside>
  );
}
