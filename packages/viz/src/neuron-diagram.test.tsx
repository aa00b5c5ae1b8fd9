import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { neuron } from "@neuronlab/engine/neuron";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { VizT } from "./i18n.tsx";
import { describeNeuron, NeuronDiagram, type NeuronDiagramProps } from "./neuron-diagram.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

const t = createTranslator({
  locale: "en",
  messages: en,
  namespace: "NeuronDiagram",
  onError: (error) => {
    throw error;
  },
}) as unknown as VizT<"NeuronDiagram">;
const fmt = (value: number, decimals?: number) => formatNumber(value, decimals, "en");

/** Server rendering inside the message provider, in English unless told otherwise. */
function html(ui: ReactElement, locale: "en" | "de" = "en"): string {
  return renderToStaticMarkup(
    locale === "de" ? <German>{ui}</German> : <IntlWrapper>{ui}</IntlWrapper>,
  );
}

function propsFromEngine(): NeuronDiagramProps {
  const n = neuron({ weights: [0.8, -0.5, 0.3], bias: 0.1, activation: "relu" });
  const inputs = [1, 2, 0.5];
  const { z, a } = n.call(inputs);
  return { inputs, weights: n.weights, bias: n.bias, activationLabel: "ReLU", z, a };
}

describe("describeNeuron", () => {
  it("states every number the figure shows, with the engine's z and a", () => {
    const text = describeNeuron(propsFromEngine(), t, fmt);
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
    const markup = html(<NeuronDiagram {...propsFromEngine()} />);
    expect(markup).toContain("<svg");
    expect(markup).toContain("z = 0.05");
  });

  it("hides the drawing from assistive technology and exposes the description instead", () => {
    const markup = html(<NeuronDiagram {...propsFromEngine()} />);
    expect(markup).toMatch(/<div aria-hidden="true"><svg/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(markup)?.[1];
    expect(describedBy).toBeTruthy();
    expect(markup).toContain(`id="${describedBy ?? ""}" aria-live="polite"`);
  });

  it("draws negative weights dashed, so sign is never told by colour alone", () => {
    const markup = html(<NeuronDiagram {...propsFromEngine()} />);
    expect(markup.match(/stroke-dasharray="6 4"/g)).toHaveLength(1);
  });

  it("has a compact layout for phones and grows taller with more inputs", () => {
    const compact = html(<NeuronDiagram {...propsFromEngine()} layout="compact" />);
    expect(compact).toContain('viewBox="0 0 340 240"');
    expect(compact).toContain("z = 0.05");
    const five = { ...propsFromEngine(), inputs: [1, 1, 1, 1, 1], weights: [1, 1, 1, 1, 1] };
    expect(html(<NeuronDiagram {...five} />)).toContain('viewBox="0 0 520 300"');
  });

  it("speaks German, with decimal commas in its numbers", () => {
    const markup = html(<NeuronDiagram {...propsFromEngine()} />, "de");
    expect(markup).toContain(
      "Ein Neuron: Eingaben gewichten, mit dem Bias aufsummieren, aktivieren.",
    );
    expect(markup).toContain(
      "Ein Neuron mit 3 Eingaben. Eingabe x₁ = 1,00 mal Gewicht w₁ = 0,80; " +
        "Eingabe x₂ = 2,00 mal Gewicht w₂ = −0,50; Eingabe x₃ = 0,50 mal Gewicht w₃ = 0,30. " +
        "Zusammen mit dem Bias 0,10 ergibt ihre Summe z = 0,05. ReLU macht aus z die Ausgabe a = 0,05.",
    );
    expect(markup).toContain("w₂ = −0,50</text>");
    expect(markup).toContain("z = 0,05</text>");
  });
});
