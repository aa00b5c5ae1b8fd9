// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { network } from "@neuronlab/engine/network";
import { formatNumber } from "@neuronlab/viz/format";
import ForwardPass from "./forward-pass.tsx";
import { networkSpec, seededWeights } from "./forward-pass-network.ts";
import { mockReducedMotion } from "./testing/media.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";

beforeEach(() => {
  mockReducedMotion(false);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const controls = () => within(screen.getByRole("group", { name: "Forward pass controls" }));
const button = (name: string) => controls().getByRole("button", { name });
const description = () => screen.getByTestId("forward-pass-description").textContent;
const z = (j: number) => screen.getByTestId(`forward-pass-z-${j}`).textContent;
const a = (j: number) => screen.getByTestId(`forward-pass-a-${j}`).textContent;
const box = (name: string) => screen.getByRole<HTMLInputElement>("spinbutton", { name });

/** The engine's forward pass through the widget's default network (seed 3, ReLU). */
function engine(input: number[], activation: "relu" | "tanh" = "relu", seed = 3) {
  const spec = networkSpec([2, 3, 2, 1], activation);
  return network(spec, seededWeights(spec, seed)).forward(input);
}

describe("ForwardPass", () => {
  it("steps the forward pass layer by layer by keyboard, with the engine's numbers", async () => {
    const user = userEvent.setup();
    render(<ForwardPass inputs={[1, -0.5]} />, { wrapper: IntlWrapper });
    const expected = engine([1, -0.5]);
    expect(description()).toContain("Step 0 of 3: Input x = (1.00, −0.50)");
    expect(screen.queryByTestId("forward-pass-z-1")).toBeNull();

    button("Next layer").focus();
    await user.keyboard("{Enter}");
    const hidden = expected.layers[0];
    hidden?.z.forEach((v, j) => {
      expect(z(j + 1)).toBe(formatNumber(v));
    });
    expect(a(1)).toBe(formatNumber(hidden?.a[0] ?? Number.NaN));
    expect(screen.getByText(/^Hidden layer 1: z⁽¹⁾ = W⁽¹⁾·x \+ b⁽¹⁾/)).toBeTruthy();
    expect(screen.getByTestId("forward-pass-step").textContent).toBe("Layer 1 of 3");
    expect(description()).toContain(
      `the hidden layer 1. z = W·a + b = (${hidden?.z.map((v) => formatNumber(v)).join(", ") ?? ""})`,
    );

    await user.keyboard(" ");
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("forward-pass-step").textContent).toBe("Layer 3 of 3");
    expect(a(1)).toBe(formatNumber(expected.output[0] ?? Number.NaN));
    expect(description()).toContain(`ŷ = (${formatNumber(expected.output[0] ?? Number.NaN)})`);
    expect(button("Next layer")).toHaveProperty("disabled", true);

    await user.click(button("Previous layer"));
    expect(screen.getByTestId("forward-pass-step").textContent).toBe("Layer 2 of 3");
    // The graph follows the stage the widget shows.
    expect(screen.getByTestId("network-graph-status").textContent).toContain(
      "Forward pass: hidden layer 2 (2 of 3).",
    );
  });

  it("writes each neuron's sum with the lesson's own weights", async () => {
    const user = userEvent.setup();
    render(
      <ForwardPass
        layers={[2, 2, 1]}
        inputs={[1, 2]}
        activation="tanh"
        weights={[
          {
            W: [
              [0.5, -1],
              [0.25, 0.5],
            ],
            b: [0.1, -0.2],
          },
          { W: [[1, -1]], b: [0] },
        ]}
      />,
      { wrapper: IntlWrapper },
    );
    await user.click(button("Next layer"));
    // z₁ = 0.5·1 − 1·2 + 0.1 = −1.4; z₂ = 0.25·1 + 0.5·2 − 0.2 = 1.05.
    expect(screen.getByText(/^z₁ = 0\.50·1\.00 \+ \(−1\.00\)·2\.00 \+ 0\.10 =/)).toBeTruthy();
    expect(z(1)).toBe("−1.40");
    expect(z(2)).toBe("1.05");
    expect(a(1)).toBe(formatNumber(Math.tanh(-1.4)));
    await user.click(button("Next layer"));
    const out = 1 / (1 + Math.exp(-(Math.tanh(-1.4) - Math.tanh(1.05))));
    expect(a(1)).toBe(formatNumber(out));
  });

  it("recomputes the current layer when the learner changes an input, and resets", async () => {
    const user = userEvent.setup();
    render(<ForwardPass inputs={[1, -0.5]} />, { wrapper: IntlWrapper });
    await user.click(button("Next layer"));
    const input = box("Input x₂");
    await user.clear(input);
    await user.type(input, "1.5");
    const expected = engine([1, 1.5]).layers[0];
    expect(z(1)).toBe(formatNumber(expected?.z[0] ?? Number.NaN));
    expect(z(3)).toBe(formatNumber(expected?.z[2] ?? Number.NaN));
    expect(description()).toContain(
      `z = W·a + b = (${expected?.z.map((v) => formatNumber(v)).join(", ") ?? ""})`,
    );

    fireEvent.change(screen.getByRole("slider", { name: "Input x₁" }), {
      target: { value: "-2" },
    });
    expect(z(1)).toBe(formatNumber(engine([-2, 1.5]).layers[0]?.z[0] ?? Number.NaN));

    await user.click(button("Reset"));
    expect(box("Input x₁").value).toBe("1");
    expect(box("Input x₂").value).toBe("-0.5");
    expect(description()).toContain("Step 0 of 3");
  });

  it("runs the whole pass one layer at a time", async () => {
    vi.useFakeTimers();
    try {
      render(<ForwardPass />, { wrapper: IntlWrapper });
      fireEvent.click(button("Run all"));
      expect(button("Pause").getAttribute("aria-pressed")).toBe("true");
      for (let k = 0; k < 3; k++) {
        await act(async () => {
          await vi.advanceTimersByTimeAsync(700);
        });
      }
      expect(screen.getByTestId("forward-pass-step").textContent).toBe("Layer 3 of 3");
      expect(button("Run all").getAttribute("aria-pressed")).toBe("false");
    } finally {
      vi.useRealTimers();
    }
  });

  it("jumps to the output at once when the learner asks for less motion", async () => {
    mockReducedMotion(true);
    const user = userEvent.setup();
    render(<ForwardPass inputs={[0.5, 0.5]} activation="tanh" seed={5} />, {
      wrapper: IntlWrapper,
    });
    await user.click(button("Run all"));
    expect(screen.getByTestId("forward-pass-step").textContent).toBe("Layer 3 of 3");
    expect(a(1)).toBe(formatNumber(engine([0.5, 0.5], "tanh", 5).output[0] ?? Number.NaN));
  });

  it("keeps a lesson's out-of-range shape and inputs in bounds", () => {
    render(
      <ForwardPass layers={[9, 0, 1]} inputs={[5, Number.NaN]} activation={"softmax" as never} />,
      { wrapper: IntlWrapper },
    );
    expect(screen.getAllByRole("slider", { name: /^Input/ })).toHaveLength(4);
    expect(box("Input x₁").value).toBe("2");
    expect(box("Input x₂").value).toBe("-0.5");
  });

  it("renders on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <ForwardPass />
      </IntlWrapper>,
    );
    expect(html).toContain("Next layer");
    expect(html).toContain("Step 0 of 3");
  });

  it("speaks German, with decimal commas", async () => {
    const user = userEvent.setup();
    render(<ForwardPass inputs={[1, -0.5]} />, { wrapper: German });
    const german = within(screen.getByRole("group", { name: "Steuerung des Vorwärtsdurchlaufs" }));
    expect(description()).toBe(
      "Schritt 0 von 3: Eingabe x = (1,00; −0,50). Der Vorwärtsdurchlauf hat noch nicht begonnen.",
    );
    expect(screen.getByText(/^Die Eingabe ist/).textContent).toBe(
      "Die Eingabe ist x = a⁽⁰⁾ = (1,00; −0,50).",
    );
    expect(box("Eingabe x₂").value).toBe("-0.5");

    await user.click(german.getByRole("button", { name: "Nächste Schicht" }));
    const hidden = engine([1, -0.5]).layers[0];
    expect(screen.getByTestId("forward-pass-step").textContent).toBe("Schicht 1 von 3");
    expect(z(1)).toBe(formatNumber(hidden?.z[0] ?? Number.NaN, 2, "de"));
    expect(z(1)).toMatch(/^−?\d,\d\d$/);
    expect(
      screen.getByText("Verborgene Schicht 1: z⁽¹⁾ = W⁽¹⁾·x + b⁽¹⁾, dann a⁽¹⁾ = ReLU(z⁽¹⁾)"),
    ).toBeTruthy();
    expect(description()).toContain(
      `die verborgene Schicht 1. z = W·a + b = (${hidden?.z.map((v) => formatNumber(v, 2, "de")).join("; ") ?? ""})`,
    );
  });
});
