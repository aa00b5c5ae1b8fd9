"use client";

import { useId, useState } from "react";
import { LinearCollapse } from "@neuronlab/viz/linear-collapse";

const STACKS: readonly { label: string; hidden: readonly number[] }[] = [
  { label: "1 → 4 → 4 → 1", hidden: [4, 4] },
  { label: "1 → 8 → 8 → 8 → 1", hidden: [8, 8, 8] },
  { label: "1 → 3 → 1", hidden: [3] },
];

/** The figure with the page choosing the size of the stack; seed and activation stay inside it. */
export function LinearCollapseDemo() {
  const [stack, setStack] = useState(0);
  const stackId = useId();
  const hidden = STACKS[stack]?.hidden ?? [4, 4];
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <label htmlFor={stackId} className="font-medium">
          Network
        </label>
        <select
          id={stackId}
          value={stack}
          onChange={(event) => {
            setStack(Number(event.currentTarget.value));
          }}
          className="rounded-md border border-line bg-canvas px-2 py-1 text-ink"
        >
          {STACKS.map((s, i) => (
            <option key={s.label} value={i}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <LinearCollapse hidden={hidden} />
    </div>
  );
}
