import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

const BORDERS = {
  note: "border-l-accent",
  tip: "border-l-[var(--viz-positive)]",
  warning: "border-l-[var(--viz-negative)]",
} as const;

type Kind = keyof typeof BORDERS;

/** Each kind's label in the "Callout" messages, when the lesson gives no title. */
const LABELS = { note: "note", tip: "tip", warning: "warning" } as const satisfies Record<
  Kind,
  string
>;

export interface CalloutProps {
  kind?: Kind | undefined;
  title?: string | undefined;
  children?: ReactNode;
}

/** An aside in a lesson: a note, a tip or a warning, with an optional title. */
export function Callout({ kind = "note", title, children }: CalloutProps) {
  const t = useTranslations("Callout");
  // A lesson's MDX is checked for tags, not for attribute values: an unknown kind is a note.
  const known: Kind = Object.hasOwn(BORDERS, kind) ? kind : "note";
  const label = title ?? t(LABELS[known]);
  return (
    <aside
      aria-label={label}
      className={`not-prose my-6 rounded-r-lg border border-l-4 border-line bg-panel px-4 py-3 ${BORDERS[known]}`}
    >
      <p className="font-semibold">{label}</p>
      <div className="mt-1 space-y-2 [&_a]:underline [&_code]:font-mono">{children}</div>
    </aside>
  );
}
