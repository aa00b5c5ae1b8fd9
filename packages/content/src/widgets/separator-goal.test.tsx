// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { neuron } from "@neuronlab/engine/neuron";
import SeparatorGoal from "./separator-goal.tsx";
import { DEFAULT_POINTS, predictPlane, usablePoints } from "./separator-goal-points.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";

beforeEach(() => {
  // jsdom has no 2-D canvas; the figure copes without one and says it all in text.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});
afterEach(cleanup);

const count = () => screen.getByTestId("separator-count").textContent;
const description = () => screen.getByTestId("separator-description").textContent;
const box = (name: string) => screen.getByRole<HTMLInputElement>("spinbutton", { name });

/** How many default points the engine's sigmoid neuron puts on their own class's side. */
function rightSide(weights: [number, number], bias: number): number {
  const unit = neuron({ weights, bias, activation: "sigmoid" });
  return DEFAULT_POINTS.filter((p) => unit.call(p.x).a >= 0.5 === (p.label === 1)).length;
}

describe("SeparatorGoal", () => {
  it("counts the points on the right side with the engine's neuron", () => {
    render(<SeparatorGoal />, { wrapper: IntlWrapper });
    expect(rightSide([1, -0.5], 0)).toBe(6);
    expect(count()).toBe("6 of 8 points on the right side.");
    expect(description()).toContain("Decision line 1.00·x₁ + (−0.50)·x₂ + 0.00 = 0");
    expect(description()).toContain("6 of 8 points on the right side.");
    // The two misses, with the neuron's output at each.
    const a = neuron({ weights: [1, -0.5], bias: 0, activation: "sigmoid" }).call([0.5, 2]).a;
    expect(description()).toContain(`(0.50, 2.00) of class 1 (a = ${a.toFixed(2)})`);
    expect(screen.getByText("class 1: square, purple")).toBeTruthy();
    expect(screen.getByText("class 0: circle, orange")).toBeTruthy();
  });

  it("moves the line as the learner types, reporting every change", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<SeparatorGoal onChange={onChange} />, { wrapper: IntlWrapper });
    const w2 = box("Weight w₂");
    await user.clear(w2);
    await user.type(w2, "-2");
    expect(rightSide([1, -2], 0)).toBeLessThan(8);
    expect(count()).toBe(`${rightSide([1, -2], 0)} of 8 points on the right side.`);
    expect(onChange).toHaveBeenLastCalledWith({ weights: [1, -2], bias: 0 });
    await user.clear(w2);
    await user.type(w2, "1");

    // x₁ + x₂ − 1 = 0 separates the default set.
    const b = box("Bias b");
    await user.clear(b);
    await user.type(b, "-1");
    expect(rightSide([1, 1], -1)).toBe(8);
    expect(count()).toBe("8 of 8 points on the right side — the line separates the two classes.");
    expect(description()).toContain("Every point is on its own class's side.");
    expect(onChange).toHaveBeenLastCalledWith({ weights: [1, 1], bias: -1 });

    fireEvent.change(screen.getByRole("slider", { name: "Weight w₁" }), {
      target: { value: "-3" },
    });
    expect(count()).toBe(`${rightSide([-3, 1], -1)} of 8 points on the right side.`);
    expect(description()).toContain("w₁ = −3.00, w₂ = 1.00, b = −1.00");

    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(box("Weight w₁").value).toBe("1");
    expect(onChange).toHaveBeenLastCalledWith({ weights: [1, -0.5], bias: 0 });
  });

  it("takes the lesson's points and line, keeping numbers in range", () => {
    render(
      <SeparatorGoal
        points={[
          { x: [0, 1], label: 1 },
          { x: [0, -1], label: 0 },
          { x: [Number.NaN, 0], label: 1 },
        ]}
        weights={[0, 9]}
        bias={-0.04}
      />,
      { wrapper: IntlWrapper },
    );
    expect(box("Weight w₂").value).toBe("5");
    expect(box("Bias b").value).toBe("0");
    expect(count()).toBe("2 of 2 points on the right side — the line separates the two classes.");
    expect(usablePoints([{ x: [1], label: 2 }])).toHaveLength(DEFAULT_POINTS.length);
  });

  it("says when there is no line, and evaluates the plane with the engine", () => {
    render(<SeparatorGoal weights={[0, 0]} bias={0.5} />, { wrapper: IntlWrapper });
    expect(description()).toContain("Both weights are 0, so there is no line");
    const out = predictPlane({ weights: [2, -1], bias: 0.5 }, Float64Array.of(1, 1, -1, 0), 2);
    expect([...out]).toEqual([
      neuron({ weights: [2, -1], bias: 0.5, activation: "sigmoid" }).call([1, 1]).a,
      neuron({ weights: [2, -1], bias: 0.5, activation: "sigmoid" }).call([-1, 0]).a,
    ]);
  });

  it("renders on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <SeparatorGoal />
      </IntlWrapper>,
    );
    expect(html).toContain("6 of 8 points on the right side.");
  });

  it("speaks German, with decimal commas", () => {
    render(<SeparatorGoal />, { wrapper: German });
    expect(box("Gewicht w₂").value).toBe("-0.5");
    expect(screen.getByRole("button", { name: "Zurücksetzen" })).toBeTruthy();
    expect(count()).toBe("6 von 8 Punkten auf der richtigen Seite.");
    expect(screen.getByText("1,00·x₁ + (−0,50)·x₂ + 0,00 = 0")).toBeTruthy();
    const a = neuron({ weights: [1, -0.5], bias: 0, activation: "sigmoid" }).call([0.5, 2]).a;
    expect(description()).toContain("Entscheidungsgerade 1,00·x₁ + (−0,50)·x₂ + 0,00 = 0");
    expect(description()).toContain(
      `(0,50; 2,00) der Klasse 1 (a = ${a.toFixed(2).replace(".", ",")})`,
    );
  });
});
