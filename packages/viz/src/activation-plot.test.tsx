// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activations } from "@neuronlab/engine/activations";
import { ActivationPlot } from "./activation-plot.tsx";
import { formatNumber } from "./format.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const description = () => document.querySelector("[aria-live='polite']")?.textContent ?? "";
const slider = () => screen.getByRole<HTMLInputElement>("slider", { name: "z marker" });
function row(label: string) {
  return within(screen.getByRole("table")).getByRole("row", { name: new RegExp(`^${label}\\b`) });
}
const cells = (label: string) =>
  within(row(label))
    .getAllByRole("cell")
    .map((c) => c.textContent);

describe("ActivationPlot", () => {
  it("draws every curve and reads f(z) and f′(z) off the engine at the marker", () => {
    render(<ActivationPlot />, { wrapper: IntlWrapper });
    expect(document.querySelectorAll("path[data-activation]")).toHaveLength(5);
    expect(cells("sigmoid")).toEqual([
      formatNumber(activations.sigmoid.apply(1)),
      formatNumber(activations.sigmoid.derivative(1)),
    ]);
    expect(cells("tanh")).toEqual([
      formatNumber(Math.tanh(1)),
      formatNumber(activations.tanh.derivative(1)),
    ]);
    expect(description()).toContain("At z = 1.00: ReLU(z) = 1.00 with slope f′(z) = 1.00");
    expect(description()).toContain("Sigmoid stays within (0, 1) and tanh stays within (−1, 1)");
  });

  it("labels the bounded ranges on the plot", () => {
    render(<ActivationPlot />, { wrapper: IntlWrapper });
    const texts = [...document.querySelectorAll("svg text")].map((t) => t.textContent);
    expect(texts).toContain("sigmoid range (0, 1)");
    expect(texts).toContain("tanh range (−1, 1)");
  });

  it("moves the marker with the slider and by Page Up/Down, Home and End", () => {
    render(<ActivationPlot />, { wrapper: IntlWrapper });
    fireEvent.change(slider(), { target: { value: "-2" } });
    expect(cells("ReLU")).toEqual(["0.00", "0.00"]);
    expect(cells("leaky ReLU")).toEqual(["−0.02", "0.01"]);
    expect(slider().getAttribute("aria-valuetext")).toBe("z = −2.00");
    fireEvent.keyDown(slider(), { key: "PageUp" });
    expect(slider().value).toBe("-1");
    fireEvent.keyDown(slider(), { key: "PageDown" });
    fireEvent.keyDown(slider(), { key: "PageDown" });
    expect(slider().value).toBe("-3");
    expect(description()).toContain("At z = −3.00");
  });

  it("moves the marker where the plot is dragged", () => {
    // jsdom has no PointerEvent; a MouseEvent with a pointer id is all the figure reads.
    class FakePointerEvent extends MouseEvent {
      readonly pointerId: number;
      constructor(type: string, init: PointerEventInit = {}) {
        super(type, init);
        this.pointerId = init.pointerId ?? 0;
      }
    }
    vi.stubGlobal("PointerEvent", FakePointerEvent);
    render(<ActivationPlot />, { wrapper: IntlWrapper });
    const svg = screen.getByTestId("activation-plot-drawing");
    // jsdom lays nothing out: give the drawing the size it is drawn at.
    svg.getBoundingClientRect = () => ({ left: 0, top: 0, width: 640, height: 352 }) as DOMRect;
    svg.setPointerCapture = vi.fn();
    // The plot spans x = 52 … 626 for z = −4 … 4: its middle is z = 0.
    fireEvent.pointerDown(svg, { clientX: 339, button: 0, pointerId: 1 });
    expect(slider().value).toBe("0");
    fireEvent.pointerMove(svg, { clientX: 626, pointerId: 1 });
    expect(slider().value).toBe("4");
    fireEvent.pointerUp(svg, { pointerId: 1 });
    fireEvent.pointerMove(svg, { clientX: 52, pointerId: 1 });
    expect(slider().value).toBe("4");
  });

  it("shows only the chosen curves, side by side with one titled panel each", () => {
    render(<ActivationPlot activations={["tanh", "relu"]} layout="side-by-side" />, {
      wrapper: IntlWrapper,
    });
    expect(
      [...document.querySelectorAll("path[data-activation]")].map((p) =>
        p.getAttribute("data-activation"),
      ),
    ).toEqual(["tanh", "relu"]);
    const titles = [...document.querySelectorAll("svg text[font-weight='600']")].map(
      (t) => t.textContent,
    );
    expect(titles).toEqual(["tanh", "ReLU"]);
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });

  it("works controlled", () => {
    const onZChange = vi.fn();
    function Parent() {
      const [z, setZ] = useState(0.5);
      return (
        <ActivationPlot
          z={z}
          onZChange={(v) => {
            onZChange(v);
            setZ(v);
          }}
        />
      );
    }
    render(<Parent />, { wrapper: IntlWrapper });
    expect(slider().value).toBe("0.5");
    fireEvent.change(slider(), { target: { value: "2.3" } });
    expect(onZChange).toHaveBeenLastCalledWith(2.3);
    expect(screen.getByRole("table").querySelector("caption")?.textContent).toBe(
      "Values at z = 2.30",
    );
  });

  it("speaks German, with decimal commas", () => {
    render(<ActivationPlot />, { wrapper: German });
    const germanSlider = screen.getByRole<HTMLInputElement>("slider", { name: "z-Markierung" });
    expect(germanSlider.getAttribute("aria-valuetext")).toBe("z = 1,00");
    expect(description()).toContain("Bei z = 1,00: ReLU(z) = 1,00 mit der Steigung f′(z) = 1,00");
    expect(description()).toContain("Sigmoid bleibt im Bereich (0, 1)");
    expect(screen.getByRole("table").querySelector("caption")?.textContent).toBe(
      "Werte bei z = 1,00",
    );
    expect(screen.getByRole("columnheader", { name: "Kurve" })).toBeTruthy();
    expect(cells("Sigmoid")).toEqual([
      formatNumber(activations.sigmoid.apply(1), 2, "de"),
      formatNumber(activations.sigmoid.derivative(1), 2, "de"),
    ]);
    const texts = [...document.querySelectorAll("svg text")].map((t) => t.textContent);
    expect(texts).toContain("Sigmoid: Bereich (0, 1)");
    // Sigmoid's own panel has fractional ticks on its output axis: with a decimal comma too.
    cleanup();
    render(<ActivationPlot activations={["sigmoid"]} layout="side-by-side" />, { wrapper: German });
    const ticks = [...document.querySelectorAll("svg text")].map((t) => t.textContent);
    expect(ticks.filter((t) => /^\d,\d+$/.test(t)).length).toBeGreaterThan(0);
    expect(ticks.some((t) => t.includes("."))).toBe(false);
  });
});
