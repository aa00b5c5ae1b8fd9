// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
import { formatNumber } from "./format.ts";
import { NetworkGraph } from "./network-graph.tsx";
import { traceNetwork } from "./network-graph-model.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 3, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const weights: NetworkWeights = [
  {
    kernel: Float64Array.from([0.5, -1, 0.25, 0.75, 0.3, -0.6]),
    bias: Float64Array.from([0.1, 0, -0.2]),
  },
  { kernel: Float64Array.from([1.5, -2, 0.5]), bias: Float64Array.from([0.2]) },
];
const input = [1, -0.5];
const target = [1];
const trace = traceNetwork(spec, weights, input, target);

function mockReducedMotion(reduce: boolean) {
  vi.stubGlobal(
    "matchMedia",
    vi.fn((query: string) => ({
      matches: reduce && query.includes("reduce"),
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    })),
  );
}

const status = () => screen.getByTestId("network-graph-status").textContent;
const details = () => screen.getByTestId("network-graph-details").textContent;
const description = () => document.querySelector("figure > p.sr-only")?.textContent;

beforeEach(() => {
  mockReducedMotion(false);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("NetworkGraph", () => {
  it("draws one node per neuron and one line per weight, with the input values on the inputs", () => {
    const { container } = render(
      <NetworkGraph spec={spec} weights={weights} input={input} target={target} />,
      { wrapper: IntlWrapper },
    );
    expect(container.querySelectorAll("[data-node]")).toHaveLength(6);
    expect(container.querySelectorAll("[data-edge]")).toHaveLength(9);
    expect(container.querySelector('[data-node="0:1"] text')?.textContent).toBe("−0.50");
    expect(container.querySelector('[data-node="1:0"] text')).toBeNull();
    expect(status()).toMatch(/^Input/);
    expect(description()).toContain("Input values: 1.00, −0.50.");
  });

  it("steps the forward pass layer by layer, then the backward pass, and back", async () => {
    const user = userEvent.setup();
    const onStageChange = vi.fn();
    const { container } = render(
      <NetworkGraph
        spec={spec}
        weights={weights}
        input={input}
        target={target}
        onStageChange={onStageChange}
      />,
      { wrapper: IntlWrapper },
    );
    const forward = screen.getByRole("button", { name: "Step forward" });
    await user.click(forward);
    expect(onStageChange).toHaveBeenLastCalledWith(1);
    const a = trace.forward.layers[0]?.a ?? [];
    expect(container.querySelector('[data-node="1:0"] text')?.textContent).toBe(
      formatNumber(a[0] ?? NaN),
    );
    expect(status()).toBe("Forward pass: hidden layer 1 (1 of 2).");
    await user.click(forward);
    expect(status()).toContain(`Loss ${formatNumber(trace.backward?.loss ?? NaN, 3)}.`);
    expect(description()).toContain(
      `The output is ŷ = ${formatNumber(trace.forward.output[0] ?? NaN)}`,
    );
    await user.click(forward);
    const dz = trace.backward?.layers[1]?.dz[0] ?? NaN;
    expect(container.querySelector('[data-node="2:0"] text')?.textContent).toBe(
      formatNumber(dz, 3),
    );
    expect(description()).toContain("Backward pass at the output layer");
    await user.click(forward);
    expect((forward as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Step back" }));
    expect(status()).toMatch(/^Backward pass: gradients at the output layer/);
    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(status()).toMatch(/^Input/);
  });

  it("shows a neuron's or a connection's numbers on hover", () => {
    const { container } = render(
      <NetworkGraph spec={spec} weights={weights} trace={trace} defaultStage={4} />,
      { wrapper: IntlWrapper },
    );
    const node = container.querySelector('[data-node="1:2"] circle');
    if (!node) throw new Error("no node");
    fireEvent.pointerMove(node);
    expect(details()).toContain("Hidden layer 1, neuron 3");
    expect(details()).toContain(
      `a = tanh(z) = ${formatNumber(trace.forward.layers[0]?.a[2] ?? NaN)}`,
    );
    const edge = container.querySelector('[data-edge="2:1:0"] line');
    if (!edge) throw new Error("no edge");
    fireEvent.pointerMove(edge);
    expect(details()).toContain("weight w = −2.00");
    const dW = trace.backward?.layers[1]?.dW[1]?.[0] ?? NaN;
    expect(details()).toContain(`gradient ∂L/∂w = ${formatNumber(dW, 3)}`);
    fireEvent.pointerLeave(screen.getByRole("application"));
    expect(details()).toMatch(/^Point at a neuron/);
  });

  it("is one tab stop: arrow keys move between neurons and Enter reaches their connections", async () => {
    const user = userEvent.setup();
    render(
      <NetworkGraph spec={spec} weights={weights} input={input} target={target} defaultStage={2} />,
      { wrapper: IntlWrapper },
    );
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("application"));
    expect(details()).toContain("Input layer, neuron 1");
    await user.keyboard("{ArrowDown}");
    expect(details()).toContain("input x₂ = −0.50");
    await user.keyboard("{ArrowRight}");
    expect(details()).toContain("Hidden layer 1, neuron 3");
    await user.keyboard("{Enter}");
    expect(details()).toContain(
      "Connection from input layer, neuron 1 to hidden layer 1, neuron 3",
    );
    expect(details()).toContain("weight w = 0.25");
    await user.keyboard("{ArrowDown}");
    expect(details()).toContain("weight w = −0.60");
    await user.keyboard("{Escape}");
    expect(details()).toMatch(/^Hidden layer 1, neuron 3/);
  });

  it("plays through the stages and stops at the end", () => {
    vi.useFakeTimers();
    render(<NetworkGraph spec={spec} weights={weights} trace={trace} playInterval={100} />, {
      wrapper: IntlWrapper,
    });
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    expect(screen.getByRole("button", { name: "Pause" })).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(status()).toMatch(/^Forward pass: hidden layer 1/);
    for (let i = 0; i < 6; i++) {
      act(() => {
        vi.advanceTimersByTime(100);
      });
    }
    expect(status()).toMatch(/^Backward pass: gradients at the hidden layer 1/);
    expect(screen.getByRole("button", { name: "Play" })).toBeTruthy();
  });

  it("jumps to the end of the pass instead of animating when motion is reduced", () => {
    mockReducedMotion(true);
    const { container } = render(<NetworkGraph spec={spec} weights={weights} trace={trace} />, {
      wrapper: IntlWrapper,
    });
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    expect(status()).toMatch(/^Forward pass: output layer/);
    expect(container.querySelector("[style*=nl-pulse]")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    expect(status()).toMatch(/^Backward pass: gradients at the hidden layer 1/);
  });

  it("follows a controlled stage", () => {
    const { rerender } = render(
      <NetworkGraph spec={spec} weights={weights} trace={trace} stage={1} />,
      { wrapper: IntlWrapper },
    );
    expect(status()).toMatch(/^Forward pass: hidden layer 1/);
    rerender(<NetworkGraph spec={spec} weights={weights} trace={trace} stage={3} />);
    expect(status()).toMatch(/^Backward pass/);
  });

  it("speaks German, with decimal commas in its numbers", () => {
    const { container } = render(
      <NetworkGraph spec={spec} weights={weights} trace={trace} defaultStage={2} />,
      { wrapper: German },
    );
    expect(screen.getByRole("button", { name: "Schritt vor" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Zurücksetzen" })).toBeTruthy();
    const loss = formatNumber(trace.backward?.loss ?? NaN, 3, "de");
    expect(loss).toMatch(/^\d,\d{3}$/);
    expect(status()).toBe(`Vorwärtsdurchlauf: Ausgabeschicht (2 von 2). Verlust ${loss}.`);
    expect(description()).toContain(
      "Ein vollständig verbundenes Netz in 3 Spalten: 2 Eingaben, verborgene Schicht 1 mit 3 Neuronen (tanh), eine Ausgabeschicht mit 1 Neuron (Sigmoid).",
    );
    expect(description()).toContain(
      `Die Ausgabe ist ŷ = ${formatNumber(trace.forward.output[0] ?? NaN, 2, "de")} beim Zielwert y = 1,00, ein Verlust von ${loss}.`,
    );
    expect(container.querySelector('[data-node="0:1"] text')?.textContent).toBe("−0,50");
    expect(screen.getByRole("application").getAttribute("aria-label")).toMatch(/Pfeiltasten/);
    const edge = container.querySelector('[data-edge="2:1:0"] line');
    if (!edge) throw new Error("no edge");
    fireEvent.pointerMove(edge);
    expect(details()).toContain(
      "Verbindung von Neuron 2 der verborgenen Schicht 1 zu Neuron 1 der Ausgabeschicht",
    );
    expect(details()).toContain("Gewicht w = −2,00");
  });

  it("keeps the drawing out of the accessibility tree and labels the graph", () => {
    const { container } = render(<NetworkGraph spec={spec} weights={weights} input={input} />, {
      wrapper: IntlWrapper,
    });
    expect(container.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    expect(screen.getByRole("application").getAttribute("aria-label")).toMatch(/Arrow keys/);
    // Without a target there is no backward pass.
    fireEvent.click(screen.getByRole("button", { name: "Step forward" }));
    fireEvent.click(screen.getByRole("button", { name: "Step forward" }));
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Step forward" }).disabled).toBe(
      true,
    );
  });
});
