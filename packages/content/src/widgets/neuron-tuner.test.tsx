// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActivationName } from "@neuronlab/engine/activations";
import { neuron } from "@neuronlab/engine/neuron";
import { formatNumber } from "@neuronlab/viz/format";
import NeuronTuner from "./neuron-tuner.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(cleanup);

const z = () => screen.getByTestId("neuron-z").textContent;
const a = () => screen.getByTestId("neuron-a").textContent;
const description = () => document.querySelector("[aria-live='polite']")?.textContent ?? "";
const box = (name: string) => screen.getByRole<HTMLInputElement>("spinbutton", { name });

function engine(inputs: number[], weights: number[], bias: number, activation: ActivationName) {
  return neuron({ weights, bias, activation }).call(inputs);
}

describe("NeuronTuner", () => {
  it("shows the lesson's neuron with the engine's z and a", () => {
    render(<NeuronTuner inputs={[1, -2]} weights={[0.5, 0.25]} bias={0.3} activation="sigmoid" />, {
      wrapper: IntlWrapper,
    });
    const expected = engine([1, -2], [0.5, 0.25], 0.3, "sigmoid");
    expect(z()).toBe(formatNumber(expected.z));
    expect(a()).toBe(formatNumber(expected.a));
    expect(screen.getByText("= 0.50·1.00 + 0.25·(−2.00) + 0.30")).toBeTruthy();
    expect(description()).toContain(`sigmoid turns z into the output a = ${a()}`);
    expect(screen.queryByRole("slider", { name: "Input x₃" })).toBeNull();
  });

  it("takes its input count from the weights when only those are given", () => {
    render(<NeuronTuner weights={[0.5, -1]} />, { wrapper: IntlWrapper });
    expect(box("Input x₁").value).toBe("1");
    expect(box("Input x₂").value).toBe("2");
    expect(screen.queryByRole("spinbutton", { name: "Input x₃" })).toBeNull();
    expect(z()).toBe(formatNumber(engine([1, 2], [0.5, -1], 0.1, "relu").z));
  });

  it("recomputes z and a when the learner types a weight, and reports them", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <NeuronTuner
        inputs={[1, 2]}
        weights={[0.5, -1]}
        bias={0}
        activation="relu"
        onChange={onChange}
      />,
      { wrapper: IntlWrapper },
    );
    expect(z()).toBe("−1.50");
    expect(a()).toBe("0.00");
    const weight = box("Weight w₂");
    await user.clear(weight);
    await user.type(weight, "1.25");
    // z = 0.5·1 + 1.25·2 + 0 = 3, and ReLU lets it through.
    expect(z()).toBe("3.00");
    expect(a()).toBe("3.00");
    expect(description()).toContain("weight w₂ = 1.25");
    expect(onChange).toHaveBeenLastCalledWith({
      inputs: [1, 2],
      weights: [0.5, 1.25],
      bias: 0,
      activation: "relu",
      z: 3,
      a: 3,
    });
  });

  it("changes the activation from the picker by keyboard", async () => {
    const user = userEvent.setup();
    render(<NeuronTuner inputs={[1]} weights={[-1]} bias={0} />, { wrapper: IntlWrapper });
    const picker = screen.getByRole("combobox", { name: "Activation f" });
    expect(within(picker).getAllByRole("option")).toHaveLength(5);
    picker.focus();
    await user.selectOptions(picker, "tanh");
    expect(a()).toBe(formatNumber(Math.tanh(-1)));
  });

  it("offers only the lesson's activation when the picker is off", () => {
    render(<NeuronTuner activation="tanh" showActivationPicker={false} />, {
      wrapper: IntlWrapper,
    });
    const picker = screen.getByRole("combobox", { name: "Activation f" });
    expect(
      within(picker)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["tanh"]);
  });

  it("resets to the props' values", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<NeuronTuner inputs={[2]} weights={[0.5]} bias={-0.25} onChange={onChange} />, {
      wrapper: IntlWrapper,
    });
    fireEvent.change(screen.getByRole("slider", { name: "Bias b" }), { target: { value: "2" } });
    fireEvent.change(screen.getByRole("slider", { name: "Input x₁" }), { target: { value: "-1" } });
    expect(z()).toBe("1.50");
    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(z()).toBe("0.75");
    expect(box("Bias b").value).toBe("-0.25");
    expect(box("Input x₁").value).toBe("2");
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ bias: -0.25, z: 0.75 }));
  });

  it("starts over when the lesson passes other numbers", () => {
    const { rerender } = render(<NeuronTuner inputs={[1]} weights={[1]} bias={0} />, {
      wrapper: IntlWrapper,
    });
    expect(z()).toBe("1.00");
    rerender(<NeuronTuner inputs={[1]} weights={[2]} bias={0} />);
    expect(z()).toBe("2.00");
  });

  it("keeps numbers a lesson got wrong inside the sliders' range", () => {
    render(<NeuronTuner inputs={[10]} weights={[Number.NaN]} bias={-7} />, {
      wrapper: IntlWrapper,
    });
    expect(box("Input x₁").value).toBe("3");
    expect(box("Weight w₁").value).toBe("0.5");
    expect(box("Bias b").value).toBe("-3");
  });

  it("renders on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <NeuronTuner weights={[1, 1]} />
      </IntlWrapper>,
    );
    expect(html).toContain("Reset");
    expect(html).toContain('data-testid="neuron-z"');
  });

  it("speaks German, with decimal commas", () => {
    render(<NeuronTuner inputs={[1, 2]} weights={[0.5, -1]} bias={0} activation="relu" />, {
      wrapper: German,
    });
    expect(screen.getByRole("button", { name: "Zurücksetzen" })).toBeTruthy();
    expect(box("Gewicht w₂").value).toBe("-1");
    expect(z()).toBe("−1,50");
    expect(description()).toContain("ReLU macht aus z die Ausgabe a = 0,00");
  });
});
