// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { createTranslator } from "use-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { network } from "@neuronlab/engine/network";
import { formatNumber } from "@neuronlab/viz/format";
import en from "../../messages/en.json";
import BackpropStepper from "./backprop-stepper.tsx";
import { backpropWalk, stepperSpec } from "./backprop-stepper-steps.ts";
import { seededWeights } from "./forward-pass-network.ts";
import type { WidgetT } from "./i18n.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";
import { mockReducedMotion } from "./testing/media.ts";

beforeEach(() => {
  mockReducedMotion();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const controls = () => within(screen.getByRole("group", { name: "Backpropagation steps" }));
const button = (name: string) => controls().getByRole("button", { name });
const value = () => screen.getByTestId("backprop-value").textContent;
const description = () => screen.getByTestId("backprop-description").textContent;
const counter = () => screen.getByTestId("backprop-step").textContent;

/** The engine's forward and backward pass through the widget's default network. */
function engine(input = [1, 0.5], target = 1, loss: "mse" | "crossEntropy" = "mse", seed = 1) {
  const spec = stepperSpec("sigmoid", loss);
  const weights = seededWeights(spec, seed);
  const net = network(spec, weights);
  const forward = net.forward(input);
  return { spec, weights, net, forward, backward: net.backward(forward, [target]) };
}

describe("BackpropStepper", () => {
  it("walks backwards one derivative at a time by keyboard, with the engine's numbers", async () => {
    const user = userEvent.setup();
    render(<BackpropStepper input={[1, 0.5]} target={1} />, { wrapper: IntlWrapper });
    const { forward, backward } = engine();
    expect(counter()).toBe("Step 1 of 17");
    expect(value()).toBe(`L = ${formatNumber(backward.loss, 3)}`);
    const yHat = formatNumber(forward.output[0] ?? 0, 3);
    expect(description()).toContain(`= ${yHat} L = (ŷ − y)² = (${yHat} − 1.000)²`);

    button("Next step").focus();
    await user.keyboard("{Enter}");
    // ∂L/∂ŷ = 2(ŷ − y) for squared error.
    expect(value()).toBe(`∂L/∂ŷ = ${formatNumber(backward.dOutput[0] ?? 0, 4)}`);
    expect(formatNumber(backward.dOutput[0] ?? 0, 4)).toBe(
      formatNumber(2 * ((forward.output[0] ?? 0) - 1), 4),
    );

    await user.keyboard("{Enter}");
    expect(value()).toBe(`∂L/∂z(ŷ) = ${formatNumber(backward.layers[1]?.dz[0] ?? 0, 4)}`);
    expect(screen.getByTestId("network-graph-status").textContent).toContain(
      "Backward pass: gradients at the output layer",
    );
    await user.keyboard("{Enter}");
    expect(value()).toBe(`∂L/∂w(h₁→ŷ) = ${formatNumber(backward.layers[1]?.dW[0]?.[0] ?? 0, 4)}`);
    expect(description()).toContain("On the graph: the connection from h₁ to ŷ.");

    // On into the hidden layer: ∂L/∂w(h₂→ŷ), ∂L/∂b(ŷ), ∂L/∂h₁, ∂L/∂z(h₁), then the weights into h₁.
    for (let k = 0; k < 6; k++) await user.keyboard("{Enter}");
    expect(counter()).toBe("Step 10 of 17");
    expect(value()).toBe(`∂L/∂w(x₂→h₁) = ${formatNumber(backward.layers[0]?.dW[1]?.[0] ?? 0, 4)}`);
    expect(description()).toContain(
      `= 0.50 · ${formatNumber(backward.layers[0]?.dz[0] ?? 0, 4).replace(/^−(.*)$/, "(−$1)")}`,
    );
    expect(screen.getByTestId("network-graph-status").textContent).toContain("hidden layer 1");

    await user.click(button("Previous step"));
    expect(counter()).toBe("Step 9 of 17");
  });

  it("ends with an update that lowers the loss", async () => {
    const user = userEvent.setup();
    render(<BackpropStepper input={[1, 0.5]} target={1} learningRate={0.5} />, {
      wrapper: IntlWrapper,
    });
    for (let k = 0; k < 16; k++) await user.click(button("Next step"));
    expect(counter()).toBe("Step 17 of 17");
    expect(button("Next step")).toHaveProperty("disabled", true);

    // The same step by hand: w − η·∂L/∂w for every parameter, then the loss again.
    const { spec, weights, net } = engine();
    const { gradients } = net.batchGradients([[1, 0.5]], [[1]]);
    const stepped = weights.map((w, l) => ({
      kernel: w.kernel.map((v, k) => v - 0.5 * (gradients[l]?.kernel[k] ?? 0)),
      bias: w.bias.map((v, k) => v - 0.5 * (gradients[l]?.bias[k] ?? 0)),
    }));
    const before = net.batchLoss([[1, 0.5]], [[1]]);
    const after = network(spec, stepped).batchLoss([[1, 0.5]], [[1]]);
    expect(after).toBeLessThan(before);
    expect(screen.getByTestId("backprop-loss-change").textContent).toBe(
      `Loss ${formatNumber(before, 4)} → ${formatNumber(after, 4)}: lower, so the step went downhill.`,
    );
    const row = screen.getByRole("row", { name: /^w\(h₁→ŷ\)/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([
      formatNumber(weights[1]?.kernel[0] ?? 0),
      formatNumber(gradients[1]?.kernel[0] ?? 0, 4),
      formatNumber(stepped[1]?.kernel[0] ?? 0, 3),
    ]);
    expect(description()).toContain(`loss ${formatNumber(before, 3)} → ${formatNumber(after, 3)}`);

    await user.click(button("Start over"));
    expect(counter()).toBe("Step 1 of 17");
  });

  it("uses the cross-entropy gradient, whose output ∂L/∂z is ŷ − y", async () => {
    const user = userEvent.setup();
    render(<BackpropStepper input={[1, 0.5]} target={0} loss="crossEntropy" />, {
      wrapper: IntlWrapper,
    });
    const { forward } = engine([1, 0.5], 0, "crossEntropy");
    await user.click(button("Next step"));
    await user.click(button("Next step"));
    expect(value()).toBe(`∂L/∂z(ŷ) = ${formatNumber(forward.output[0] ?? 0, 4)}`);
    expect(screen.getByText("(With cross-entropy this is simply ŷ − y.)")).toBeTruthy();
  });

  it("computes ∂L/∂h as the weight times the output's ∂L/∂z, consistent with the engine", () => {
    const spec = stepperSpec("tanh", "mse");
    const weights = seededWeights(spec, 4);
    const t = createTranslator({
      locale: "en",
      messages: en,
      namespace: "BackpropStepper",
    }) as unknown as WidgetT<"BackpropStepper">;
    const walk = backpropWalk(
      { spec, weights, input: [-1, 2], target: 0.2, learningRate: 1 },
      t,
      (v, d) => formatNumber(v, d),
    );
    const dz = walk.trace.backward?.layers[0]?.dz ?? [];
    const z = walk.trace.forward.layers[0]?.z ?? [];
    const dh = walk.steps.filter((s) => /^∂L\/∂h[₁₂]$/.test(s.symbol)).map((s) => s.value);
    // ∂L/∂z(hⱼ) = ∂L/∂hⱼ · tanh′(zⱼ)
    dh.forEach((v, j) => {
      expect(v * (1 - Math.tanh(z[j] ?? 0) ** 2)).toBeCloseTo(dz[j] ?? Number.NaN, 12);
    });
    expect(walk.steps).toHaveLength(17);
  });

  it("renders on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <BackpropStepper />
      </IntlWrapper>,
    );
    expect(html).toContain("Next step");
    expect(html).toContain("Step 1 of 17");
  });

  it("speaks German, with decimal commas", async () => {
    const user = userEvent.setup();
    render(<BackpropStepper input={[1, 0.5]} target={1} />, { wrapper: German });
    const { backward } = engine();
    const group = within(screen.getByRole("group", { name: "Schritte der Backpropagation" }));
    expect(counter()).toBe("Schritt 1 von 17");
    expect(value()).toBe(`L = ${formatNumber(backward.loss, 3, "de")}`);
    expect(screen.getByText(/^Ein 2 → 2 → 1-Netz/).textContent).toContain(
      "Eingabe x = (1,00; 0,50), Zielwert y = 1,00.",
    );
    await user.click(group.getByRole("button", { name: "Nächster Schritt" }));
    expect(value()).toBe(`∂L/∂ŷ = ${formatNumber(backward.dOutput[0] ?? 0, 4, "de")}`);
    expect(description()).toMatch(
      /^Schritt 2 von 17: Wie sich der Verlust ändert, wenn sich die Vorhersage ändert\. ∂L\/∂ŷ = 2·\(ŷ − y\) = 2·\(0,\d{3} − 1,000\)/,
    );
    expect(description()).toContain("Im Graphen: das Ausgabeneuron ŷ.");
  });
});
