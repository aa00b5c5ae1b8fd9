import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { NetworkGraph } from "./network-graph.tsx";
import { IntlWrapper } from "./testing/intl.tsx";

describe("NetworkGraph on the server", () => {
  it("renders six layers of eight neurons without a window", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const spec: NetworkSpec = {
      inputs: 8,
      layers: Array.from({ length: 5 }, () => ({ units: 8, activation: "relu" as const })),
      loss: "mse",
    };
    const html = renderToString(
      <IntlWrapper>
        <NetworkGraph
          spec={spec}
          weights={initWeights(spec, 1)}
          input={[1, 0, 0.5, -0.5, 0.25, 0, 1, -1]}
          target={[0, 0, 0, 0, 0, 0, 0, 1]}
        />
      </IntlWrapper>,
    );
    expect(html).toContain("<svg");
    expect(html.match(/data-node=/g)).toHaveLength(48);
    expect(html).toContain("Input values: 1.00, 0.00, 0.50");
  });
});
