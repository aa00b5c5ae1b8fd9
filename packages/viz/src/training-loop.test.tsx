import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ReactNode } from "react";
import { German, IntlWrapper } from "./testing/intl.tsx";
import { TrainingLoop } from "./training-loop.tsx";

const inEnglish = (ui: ReactNode) => renderToStaticMarkup(<IntlWrapper>{ui}</IntlWrapper>);

describe("TrainingLoop", () => {
  it("renders on the server, lighting only the current phase", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = inEnglish(<TrainingLoop phase="backward" step={12} loss={0.2346} />);
    expect(html.match(/data-active="true"/g)).toHaveLength(1);
    expect(html).toContain('data-phase="backward" data-active="true"');
    expect(html).toContain("▶ Backprop");
    expect(html).toContain("Step 12");
    expect(html).toContain("Loss 0.235");
  });

  it("hides the drawing and says the phase and numbers in its live text", () => {
    const html = inEnglish(<TrainingLoop phase="loss" loss={1.5} />);
    expect(html).toMatch(/<div aria-hidden="true"><svg/);
    expect(html).toContain(
      "Now: loss. One number says how far the predictions are from the targets. Loss 1.500.",
    );
    expect(html).not.toContain("Step ");
  });

  it("lights nothing before training starts and keeps marker ids unique per diagram", () => {
    const html = inEnglish(
      <>
        <TrainingLoop phase={null} />
        <TrainingLoop phase="forward" />
      </>,
    );
    expect(html.match(/data-active="true"/g)).toHaveLength(1);
    const ids = [...html.matchAll(/<marker id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("speaks German, with a decimal comma", () => {
    const html = renderToStaticMarkup(
      <German>
        <TrainingLoop phase="backward" step={12} loss={0.2346} />
      </German>,
    );
    expect(html).toContain("▶ Rückwärts");
    expect(html).toContain("Schritt 12");
    expect(html).toContain("Verlust 0,235");
    expect(html).toContain(
      "Jetzt: Rückwärtsdurchlauf. Die Kettenregel gibt jedem Gewicht seinen Anteil an der Schuld: seinen Gradienten. Schritt 12. Verlust 0,235.",
    );
    expect(html).toContain("Beim Training wiederholen sich vier Schritte");
  });
});
