import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { NeuronMaps } from "./neuron-maps.tsx";
import { IntlWrapper } from "./testing/intl.tsx";

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 3, activation: "relu" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

describe("NeuronMaps on the server", () => {
  it("renders every map and its text alternative without a window", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = renderToString(
      <IntlWrapper>
        <NeuronMaps spec={spec} weights={initWeights(spec, 1)} />
      </IntlWrapper>,
    );
    expect(html.match(/role="radio"/g)).toHaveLength(4);
    expect(html).toContain("What each unit of a 2-3-1 network computes over the plane");
    expect(html).toContain("Layer 1, unit 3 (ReLU): ");
  });
});
