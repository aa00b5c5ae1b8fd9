import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IntlWrapper } from "./testing/intl.tsx";
import { WeightMatrix } from "./weight-matrix.tsx";

describe("WeightMatrix on the server", () => {
  it("renders its labels, legend and text alternative without a window", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = renderToString(
      <IntlWrapper>
        <WeightMatrix kernel={[0.5, -1, 0.25, 0.75]} inputs={2} units={2} name="the output layer" />
      </IntlWrapper>,
    );
    expect(html).toContain("<canvas");
    expect(html).toContain("Weights of the output layer: 2 inputs (rows) by 2 units (columns).");
    expect(html).toContain("−1.0");
  });
});
