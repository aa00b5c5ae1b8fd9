import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActivationPlot } from "./activation-plot.tsx";
import { IntlWrapper } from "./testing/intl.tsx";

describe("ActivationPlot on the server", () => {
  it("renders both layouts without a window", () => {
    expect(typeof globalThis.window).toBe("undefined");
    for (const layout of ["overlay", "side-by-side"] as const) {
      const html = renderToString(
        <IntlWrapper>
          <ActivationPlot layout={layout} defaultZ={-0.5} />
        </IntlWrapper>,
      );
      expect(html).toContain("<svg");
      expect(html).toContain("Values at z = −0.50");
      expect(html.match(/data-activation=/g)).toHaveLength(5);
    }
  });
});
