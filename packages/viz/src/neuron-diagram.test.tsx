import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { neuron } from "@neuronlab/engine/neuron";
import { describeNeuron, NeuronDiagram, type NeuronDiagramProps } from "./neuron-diagram.tsx";

function propsFromEngine(): NeuronDiagramProps {
  const n = neuron({ weights: [0.8, -0.5, 0.3], bias: 0.1, activation: "relu" });
  const inputs = [1, 2, 0.5];
  const { z, a } = n.call(inputs);
  return { inputs, weights: n.weights, bias: n.bias, activationLabel: "ReLU", z, a };
}

describe("describeNeuron", () => {
  it("states every number the figure shows, with the engine's z and a", () => {
    const text = describeNeuron(propsFromEngine());
    expect(text).toBe(
      "A neuron with 3 inputs. input x₁ = 1.00 times weight w₁ = 0.80; " +
        "input x₂ = 2.00 times weight w₂ = −0.50; input x₃ = 0.50 times weight w₃ = 0.30. " +
        "Their sum plus the bias 0.10 gives z = 0.05. ReLU turns z into the output a = 0.05.",
    );
  });
});

describe("NeuronDiagram", () => {
  it("renders on the server without a window", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = renderToStaticMarkup(<NeuronDiagram {...propsFromEngine()} />);
    expect(html).toContain("<svg");
    expect(html).toContain("z = 0.05");
  });

  it("hides the drawing from assistive technology and exposes the description instead", () => {
    const html = renderToStaticMarkup(<NeuronDiagram {...propsFromEngine()} />);
    expect(html).toMatch(/<div aria-hidden="true"><svg/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(describedBy).toBeTruthy();
    expect(html).toContain(`id="${describedBy ?? ""}" aria-live="polite"`);
  });

  it("draws negative weights dashed, so sign is never told by colour alone", () => {
    const html = renderToStaticMarkup(<NeuronDiagram {...propsFromEngine()} />);
    expect(html.match(/stroke-dasharray="6 4"/g)).toHaveLength(1);
  });

  it("has a compact layout for phones and grows taller with more inputs", () => {
    const compact = renderToStaticMarkup(<NeuronDiagram {...propsFromEngine()} layout="compact" />);
    expect(compact).toContain('viewBox="0 0 340 240"');
    expect(compact).toContain("z = 0.05");
    const five = { ...propsFromEngine(), inputs: [1, 1, 1, 1, 1], weights: [1, 1, 1, 1, 1] };
    expect(renderToStaticMarkup(<NeuronDiagram {...five} />)).toContain('viewBox="0 0 520 300"');
  });
});
