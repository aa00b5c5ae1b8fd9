// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { circle } from "@neuronlab/engine/datasets/generators";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { Trainer } from "@neuronlab/engine/trainer";
import { gridInputs, planeGrid } from "./boundary-grid.ts";
import { DecisionBoundary, markerShape, type BoundaryPoint } from "./decision-boundary.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 8, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

function trainedOnCircle(steps: number): Trainer {
  const trainer = new Trainer(spec, initWeights(spec, 4), circle({ n: 120, seed: 2 }), {
    optimizer: { kind: "adam", learningRate: 0.03 },
    batchSize: 120,
    seed: 1,
  });
  for (let s = 0; s < steps; s++) trainer.trainStep();
  return trainer;
}

const points: BoundaryPoint[] = [
  { x1: 0, x2: 0, label: 1, split: "train" },
  { x1: 0.9, x2: 0.1, label: 0, split: "train" },
  { x1: -0.8, x2: -0.3, label: 0, split: "test" },
];

afterEach(cleanup);

beforeAll(() => {
  // jsdom 26 has no PointerEvent; Testing Library then fires plain Events without coordinates.
  if (typeof window.PointerEvent === "undefined") {
    class PointerEventShim extends MouseEvent {
      readonly pointerType: string;
      constructor(type: string, init: PointerEventInit = {}) {
        super(type, init);
        this.pointerType = init.pointerType ?? "";
      }
    }
    window.PointerEvent = PointerEventShim as unknown as typeof PointerEvent;
  }
});

beforeEach(() => {
  // jsdom has no 2-D canvas; the figure must cope without one (and so say it all in text).
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

describe("DecisionBoundary", () => {
  it("states the split of the plane, the points and the accuracies in its text alternative", () => {
    const trainer = trainedOnCircle(300);
    render(
      <DecisionBoundary
        predict={(xs, n) => trainer.predict(xs, n)}
        points={points}
        trainAccuracy={0.97}
        testAccuracy={0.9}
        resolution={40}
      />,
      { wrapper: IntlWrapper },
    );
    const figure = screen.getByRole("figure");
    const description = figure.getAttribute("aria-describedby") ?? "";
    const text = document.getElementById(description)?.textContent ?? "";
    expect(text).toMatch(/It puts \d+% of the plane in class 1 \(purple\), covering the centre/);
    expect(text).toContain("2 training points (filled) and 1 test point (hollow)");
    expect(text).toContain("Training accuracy 97%, test accuracy 90%.");
  });

  it("moves a keyboard probe and reads the model's output where it stands", async () => {
    const user = userEvent.setup();
    const trainer = trainedOnCircle(200);
    const onProbeChange = vi.fn();
    render(
      <DecisionBoundary
        predict={(xs, n) => trainer.predict(xs, n)}
        resolution={20}
        onProbeChange={onProbeChange}
      />,
      { wrapper: IntlWrapper },
    );
    const probe = screen.getByRole("slider", { name: "Output probe" });
    await user.tab();
    expect(document.activeElement).toBe(probe);
    const at = (x1: number, x2: number) => trainer.predict(Float64Array.of(x1, x2), 1)[0] ?? 0;
    expect(probe.getAttribute("aria-valuetext")).toBe(
      `x₁ = 0.00, x₂ = 0.00: output ${at(0, 0).toFixed(2)}, class ${at(0, 0) >= 0.5 ? 1 : 0}`,
    );
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowDown}");
    expect(probe.getAttribute("aria-valuenow")).toBe("0.2");
    expect(probe.getAttribute("aria-valuetext")).toMatch(
      new RegExp(`^x₁ = 0\\.20, x₂ = −0\\.10: output ${at(0.2, -0.1).toFixed(2)}`),
    );
    expect(onProbeChange).toHaveBeenLastCalledWith({ x1: 0.2, x2: -0.1 });
    expect(screen.getByText(/^Probe at x₁ = 0\.20, x₂ = −0\.10/)).toBeTruthy();
    await user.keyboard("{End}{PageUp}");
    expect(probe.getAttribute("aria-valuenow")).toBe("1.2");
    expect(probe.getAttribute("aria-valuetext")).toMatch(/^x₁ = 1\.20, x₂ = 0\.40/);
  });

  it("reads the output under the mouse pointer and pins the probe on a click", () => {
    const outputs = Float64Array.from({ length: 100 }, (_, k) => (k % 10 < 5 ? 0.2 : 0.8));
    render(<DecisionBoundary outputs={outputs} resolution={10} maxSize={240} />, {
      wrapper: IntlWrapper,
    });
    const probe = screen.getByRole("slider", { name: "Output probe" });
    // jsdom lays nothing out: the plot's box starts at 0, 0 and is 240 px wide.
    fireEvent.pointerMove(probe, { clientX: 200, clientY: 60, pointerType: "mouse" });
    expect(
      screen.getByText(/^Pointer at x₁ = 0\.80, x₂ = 0\.60: output 0\.80, class 1\.$/),
    ).toBeTruthy();
    fireEvent.pointerLeave(probe);
    expect(screen.getByText(/^Point at the plot/)).toBeTruthy();
    fireEvent.pointerDown(probe, { clientX: 20, clientY: 220, pointerType: "touch" });
    expect(probe.getAttribute("aria-valuetext")).toBe(
      "x₁ = −1.00, x₂ = −1.00: output 0.20, class 0",
    );
  });

  it("keeps a resting probe's value text while the model changes under it", async () => {
    const user = userEvent.setup();
    const low = new Float64Array(100).fill(0.2);
    const high = new Float64Array(100).fill(0.9);
    const { rerender } = render(<DecisionBoundary outputs={low} resolution={10} />, {
      wrapper: IntlWrapper,
    });
    const probe = screen.getByRole("slider", { name: "Output probe" });
    await user.tab();
    expect(probe.getAttribute("aria-valuetext")).toBe("x₁ = 0.00, x₂ = 0.00: output 0.20, class 0");
    rerender(<DecisionBoundary outputs={high} resolution={10} />);
    // The visible readout follows every frame; the slider speaks again when the probe moves.
    expect(screen.getByText("Probe at x₁ = 0.00, x₂ = 0.00: output 0.90, class 1.")).toBeTruthy();
    expect(probe.getAttribute("aria-valuetext")).toBe("x₁ = 0.00, x₂ = 0.00: output 0.20, class 0");
    await user.keyboard("{ArrowLeft}");
    expect(probe.getAttribute("aria-valuetext")).toBe(
      "x₁ = −0.10, x₂ = 0.00: output 0.90, class 1",
    );
  });

  it("follows a controlled probe", () => {
    const outputs = new Float64Array(100).fill(0.3);
    const { rerender } = render(
      <DecisionBoundary outputs={outputs} resolution={10} probe={{ x1: 0.5, x2: 0.5 }} />,
      { wrapper: IntlWrapper },
    );
    const probe = screen.getByRole("slider", { name: "Output probe" });
    expect(probe.getAttribute("aria-valuenow")).toBe("0.5");
    rerender(<DecisionBoundary outputs={outputs} resolution={10} probe={{ x1: -1, x2: 0 }} />);
    expect(probe.getAttribute("aria-valuenow")).toBe("-1");
  });

  it("updates its text alternative as the model trains, without flooding the live region", async () => {
    const trainer = trainedOnCircle(0);
    const predict = (xs: Float64Array, n: number) => trainer.predict(xs, n);
    const { rerender } = render(
      <DecisionBoundary predict={predict} revision={0} resolution={30} trainAccuracy={0.5} />,
      { wrapper: IntlWrapper },
    );
    const figure = screen.getByRole("figure");
    const live = () =>
      document.getElementById(figure.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
    expect(live()).toContain("Training accuracy 50%.");
    act(() => {
      for (let s = 0; s < 300; s++) trainer.trainStep();
    });
    rerender(
      <DecisionBoundary predict={predict} revision={300} resolution={30} trainAccuracy={0.99} />,
    );
    await waitFor(
      () => {
        expect(live()).toContain("Training accuracy 99%.");
      },
      { timeout: 2000 },
    );
    expect(live()).toContain("covering the centre");
  });

  it("speaks German on a German page", async () => {
    const user = userEvent.setup();
    const outputs = Float64Array.from({ length: 100 }, (_, k) => (k % 10 < 5 ? 0.2 : 0.8));
    render(
      <DecisionBoundary
        outputs={outputs}
        resolution={10}
        points={points}
        trainAccuracy={0.75}
        contour
      />,
      { wrapper: German },
    );
    const probe = screen.getByRole("slider", { name: "Messpunkt für die Ausgabe" });
    expect(probe.getAttribute("aria-valuetext")).toBe("Noch kein Messpunkt gesetzt");
    expect(screen.getByRole("list", { name: "Legende" })).toBeTruthy();
    expect(screen.getByText("Grenze (Ausgabe 0,50)")).toBeTruthy();
    expect(screen.getByText("Klasse 1: Quadrat, lila")).toBeTruthy();
    const figure = screen.getByRole("figure");
    const text =
      document.getElementById(figure.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
    expect(text).toContain(
      "Klasse 1 (lila) erhält 50\u00a0% der Ebene und bedeckt dabei die rechte Hälfte",
    );
    expect(text).toContain("Genauigkeit auf den Trainingsdaten 75\u00a0%.");
    await user.tab();
    expect(probe.getAttribute("aria-valuetext")).toBe(
      "x₁ = 0,00, x₂ = 0,00: Ausgabe 0,50, Klasse 1",
    );
    expect(
      screen.getByText("Messpunkt bei x₁ = 0,00, x₂ = 0,00: Ausgabe 0,50, Klasse 1."),
    ).toBeTruthy();
  });

  it("says so when there is no model yet", () => {
    render(<DecisionBoundary />, { wrapper: IntlWrapper });
    expect(screen.getByRole("figure").textContent).toContain("there is no model to show yet");
  });
});

describe("markerShape", () => {
  it("gives each class its own shape, so class is never told by colour alone", () => {
    expect(markerShape(0)).toBe("circle");
    expect(markerShape(1)).toBe("square");
    expect(markerShape(2)).toBe("triangle");
  });
});

describe("the grid the component evaluates", () => {
  it("is the one planeGrid describes, 100×100 by default", () => {
    const seen: number[] = [];
    render(
      <DecisionBoundary
        predict={(xs, n) => {
          seen.push(n);
          if (n > 1) expect(xs).toEqual(gridInputs(planeGrid(100)));
          return new Float64Array(n).fill(0.5);
        }}
      />,
      { wrapper: IntlWrapper },
    );
    expect(seen[0]).toBe(10_000);
  });
});
