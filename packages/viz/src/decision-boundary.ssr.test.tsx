import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DecisionBoundary } from "./decision-boundary.tsx";
import { IntlWrapper } from "./testing/intl.tsx";

describe("DecisionBoundary on the server", () => {
  it("renders the figure, its probe and its text alternative without a window", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = renderToString(
      <IntlWrapper>
        <DecisionBoundary
          predict={(xs, n) =>
            Float64Array.from({ length: n }, (_, k) => ((xs[2 * k] ?? 0) > 0 ? 0.9 : 0.1))
          }
          resolution={20}
          points={[{ x1: 0.5, x2: 0.5, label: 1, split: "train" }]}
          contour
        />
      </IntlWrapper>,
    );
    expect(html).toContain("<canvas");
    expect(html).toContain('role="slider"');
    expect(html).toContain("covering the right half");
    expect(html).toContain("boundary (output 0.50)");
  });
});
