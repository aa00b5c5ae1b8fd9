// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { neuron } from "@neuronlab/engine/neuron";
import { formatNumber } from "./format.ts";
import { DEFAULT_NEURON, NeuronExplorer, type NeuronValue } from "./neuron-explorer.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(cleanup);

const z = () => screen.getByTestId("neuron-z").textContent;
const a = () => screen.getByTestId("neuron-a").textContent;
const description = () => document.querySelector("[aria-live='polite']")?.textContent ?? "";

function engine(value: NeuronValue) {
  return neuron({ weights: value.weights, bias: value.bias, activation: value.activation }).call(
    value.inputs,
  );
}

describe("NeuronExplorer", () => {
  it("shows the engine's z and a in the formula, the diagram and the text alternative", () => {
    render(<NeuronExplorer />, { wrapper: IntlWrapper });
    expect(z()).toBe("0.05");
    expect(a()).toBe("0.05");
    expect(screen.getByText("= 0.80·1.00 + (−0.50)·2.00 + 0.30·0.50 + 0.10")).toBeTruthy();
    expect(description()).toContain("gives z = 0.05");
    expect(description()).toContain("ReLU turns z into the output a = 0.05");
  });

  it("labels a slider and a number box for every input, weight and the bias", () => {
    render(<NeuronExplorer />, { wrapper: IntlWrapper });
    for (const name of ["Input x₁", "Input x₃", "Weight w₂", "Bias b"]) {
      expect(screen.getByRole("slider", { name })).toBeTruthy();
      expect(screen.getByRole("spinbutton", { name })).toBeTruthy();
    }
    expect(screen.getByRole("combobox", { name: "Activation f" })).toBeTruthy();
  });

  it("recomputes when a weight is typed", async () => {
    const user = userEvent.setup();
    render(<NeuronExplorer />, { wrapper: IntlWrapper });
    const box = screen.getByRole("spinbutton", { name: "Weight w₂" });
    await user.clear(box);
    await user.type(box, "1.5");
    const expected = engine({ ...DEFAULT_NEURON, weights: [0.8, 1.5, 0.3] });
    expect(z()).toBe(formatNumber(expected.z));
    expect(description()).toContain(`weight w₂ = 1.50`);
    // The slider follows the typed value.
    expect(screen.getByRole<HTMLInputElement>("slider", { name: "Weight w₂" }).value).toBe("1.5");
  });

  it("keeps a half-typed number as a draft and clamps to the slider's range", async () => {
    const user = userEvent.setup();
    render(<NeuronExplorer />, { wrapper: IntlWrapper });
    const box = screen.getByRole("spinbutton", { name: "Bias b" });
    await user.clear(box);
    expect(z()).toBe("0.05");
    await user.type(box, "9");
    expect(description()).toContain("the bias 3.00");
  });

  it("recomputes when an input is dragged and when the activation changes", async () => {
    const user = userEvent.setup();
    render(<NeuronExplorer />, { wrapper: IntlWrapper });
    fireEvent.change(screen.getByRole("slider", { name: "Input x₂" }), { target: { value: "-1" } });
    const value = { ...DEFAULT_NEURON, inputs: [1, -1, 0.5] };
    expect(z()).toBe(formatNumber(engine(value).z));
    await user.selectOptions(screen.getByRole("combobox", { name: "Activation f" }), "sigmoid");
    expect(a()).toBe(formatNumber(engine({ ...value, activation: "sigmoid" }).a));
    expect(description()).toContain("sigmoid turns z into the output");
  });

  it("works controlled: reports each change and shows what the parent passes back", () => {
    const onValueChange = vi.fn();
    function Parent() {
      const [value, setValue] = useState<NeuronValue>({
        inputs: [1, 1],
        weights: [1, 1],
        bias: 0,
        activation: "linear",
      });
      return (
        <NeuronExplorer
          value={value}
          onValueChange={(v) => {
            onValueChange(v);
            setValue(v);
          }}
        />
      );
    }
    render(<Parent />, { wrapper: IntlWrapper });
    expect(z()).toBe("2.00");
    fireEvent.change(screen.getByRole("slider", { name: "Bias b" }), { target: { value: "0.5" } });
    expect(onValueChange).toHaveBeenLastCalledWith({
      inputs: [1, 1],
      weights: [1, 1],
      bias: 0.5,
      activation: "linear",
    });
    expect(z()).toBe("2.50");
  });

  it("ignores the learner when controlled and the parent does not update", () => {
    render(<NeuronExplorer value={DEFAULT_NEURON} />, { wrapper: IntlWrapper });
    fireEvent.change(screen.getByRole("slider", { name: "Bias b" }), { target: { value: "2" } });
    expect(z()).toBe("0.05");
  });

  it("starts from defaultValue when uncontrolled", () => {
    render(
      <NeuronExplorer
        defaultValue={{ inputs: [2], weights: [-1], bias: 0.5, activation: "tanh" }}
      />,
      { wrapper: IntlWrapper },
    );
    expect(z()).toBe("−1.50");
    expect(a()).toBe(formatNumber(Math.tanh(-1.5)));
    expect(screen.queryByRole("slider", { name: "Input x₂" })).toBeNull();
  });

  it("speaks German, with decimal commas", async () => {
    const user = userEvent.setup();
    render(<NeuronExplorer />, { wrapper: German });
    for (const name of ["Eingabe x₁", "Gewicht w₂", "Bias b"]) {
      expect(screen.getByRole("slider", { name })).toBeTruthy();
    }
    expect(screen.getByRole("group", { name: "Eingaben" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Bias und Aktivierungsfunktion" })).toBeTruthy();
    expect(z()).toBe("0,05");
    expect(screen.getByText("= 0,80·1,00 + (−0,50)·2,00 + 0,30·0,50 + 0,10")).toBeTruthy();
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Aktivierungsfunktion f" }),
      "leakyRelu",
    );
    expect(screen.getByRole("option", { name: "Leaky ReLU", selected: true })).toBeTruthy();
    expect(screen.getByText("a = f(z) =", { exact: false }).textContent).toBe(
      "a = f(z) = Leaky ReLU(0,05) = 0,05",
    );
    // The diagram's text alternative, in German with the German activation name.
    expect(description()).toMatch(/^Ein Neuron mit 3 Eingaben\./);
    expect(description()).toContain("Leaky ReLU");
    expect(description()).toContain("a = 0,05");
    // The sliders announce their values with a decimal comma.
    expect(screen.getByRole("slider", { name: "Gewicht w₂" }).getAttribute("aria-valuetext")).toBe(
      "−0,50",
    );
  });
});
