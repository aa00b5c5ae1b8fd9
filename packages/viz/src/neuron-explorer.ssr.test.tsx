import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NeuronExplorer } from "./neuron-explorer.tsx";
import { IntlWrapper } from "./testing/intl.tsx";

describe("NeuronExplorer on the server", () => {
  it("renders without a window, with its values and controls", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = renderToString(
      <IntlWrapper>
        <NeuronExplorer />
      </IntlWrapper>,
    );
    expect(html).toContain("<svg");
    expect(html).toContain("z = 0.05");
    expect(html).toContain('type="range"');
    expect(html).toContain('aria-label="Weight w₁"');
  });
});
