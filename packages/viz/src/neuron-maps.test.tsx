// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { planeGrid, sampleGrid } from "./boundary-grid.ts";
import { NeuronMaps } from "./neuron-maps.tsx";
import { computeUnitGrids, describeUnit } from "./unit-grids.ts";
import { createTranslator } from "use-intl";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { VizT } from "./i18n.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 6, activation: "tanh" },
    { units: 6, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const weights = initWeights(spec, 3);
const grids = computeUnitGrids(spec, weights, planeGrid(20));

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
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

describe("NeuronMaps", () => {
  it("offers one labelled map per unit, layer by layer, with the output chosen first", () => {
    render(<NeuronMaps spec={spec} weights={weights} resolution={20} />, { wrapper: IntlWrapper });
    const group = screen.getByRole("radiogroup");
    const maps = within(group).getAllByRole("radio");
    expect(maps).toHaveLength(13);
    const t = createTranslator({
      locale: "en",
      messages: { viz: en },
      namespace: "viz.NeuronMaps",
    }) as unknown as VizT<"NeuronMaps">;
    expect(maps[0]?.getAttribute("aria-label")).toBe(
      describeUnit(t, (v, d) => formatNumber(v, d), spec, grids, 0, 0),
    );
    expect(maps[0]?.getAttribute("aria-label")).toMatch(
      /^Layer 1, unit 1 \(tanh\): high in .+, from −?\d\.\d\d to −?\d\.\d\d\.$/,
    );
    expect(maps[12]?.getAttribute("aria-label")).toMatch(/^Output \(sigmoid\): /);
    expect(maps[12]?.getAttribute("aria-checked")).toBe("true");
    expect(maps.filter((m) => m.tabIndex === 0)).toEqual([maps[12]]);
  });

  it("moves between maps with the arrow keys and enlarges the chosen one", async () => {
    const user = userEvent.setup();
    const onSelectedChange = vi.fn();
    render(
      <NeuronMaps
        spec={spec}
        weights={weights}
        resolution={20}
        onSelectedChange={onSelectedChange}
      />,
      { wrapper: IntlWrapper },
    );
    await user.tab();
    const output = screen.getByRole("radio", { name: /^Output/ });
    expect(document.activeElement).toBe(output);
    // From the output, left lands in the middle of layer 2 (unit 4 of 6), up one is unit 3.
    await user.keyboard("{ArrowLeft}{ArrowUp}");
    const chosen = screen.getByRole("radio", { name: /^Layer 2, unit 3 / });
    expect(document.activeElement).toBe(chosen);
    expect(chosen.getAttribute("aria-checked")).toBe("true");
    expect(onSelectedChange).toHaveBeenLastCalledWith({ layer: 1, unit: 2 });
    expect(screen.getByText("Layer 2, unit 3")).toBeTruthy();
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: /^Layer 1, unit 1 / }));
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(output);
  });

  it("reads a map's value under the mouse pointer", () => {
    render(<NeuronMaps spec={spec} weights={weights} resolution={20} mapSize={72} />, {
      wrapper: IntlWrapper,
    });
    const map = screen.getByRole("radio", { name: /^Layer 1, unit 2 / });
    // jsdom lays nothing out: the button's box starts at 0, 0; the map spans 80 px with its frame.
    fireEvent.pointerMove(map, { clientX: 20, clientY: 60, pointerType: "mouse" });
    const x1 = -1.2 + (20 / 80) * 2.4;
    const x2 = 1.2 - (60 / 80) * 2.4;
    const value = sampleGrid(grids.layers[0]?.[1] ?? [], grids.grid, x1, x2);
    const minus = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(2)}` : v.toFixed(2));
    expect(
      screen.getByText(`At x₁ = ${minus(x1)}, x₂ = ${minus(x2)}: ${minus(value)}`),
    ).toBeTruthy();
    expect(screen.getByText("Layer 1, unit 2")).toBeTruthy();
    fireEvent.pointerLeave(map);
    expect(screen.getByText("Point at a map to read its value.")).toBeTruthy();
  });

  it("follows a controlled selection and describes every unit for screen readers", () => {
    const { rerender } = render(
      <NeuronMaps spec={spec} weights={weights} resolution={20} selected={{ layer: 0, unit: 4 }} />,
      { wrapper: IntlWrapper },
    );
    expect(
      screen.getByRole("radio", { name: /^Layer 1, unit 5 / }).getAttribute("aria-checked"),
    ).toBe("true");
    rerender(
      <NeuronMaps spec={spec} weights={weights} resolution={20} selected={{ layer: 9, unit: 9 }} />,
    );
    expect(screen.getByRole("radio", { name: /^Output/ }).getAttribute("aria-checked")).toBe(
      "true",
    );
    const figure = screen.getByRole("figure");
    const text =
      document.getElementById(figure.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
    expect(text).toContain("What each unit of a 2-6-6-1 network computes over the plane");
    expect(text.match(/Layer \d, unit \d \(tanh\)/g)).toHaveLength(12);
  });

  it("speaks German on a German page", () => {
    render(<NeuronMaps spec={spec} weights={weights} resolution={20} mapSize={72} />, {
      wrapper: German,
    });
    const group = screen.getByRole("radiogroup", { name: /^Karten der Einheiten/ });
    const maps = within(group).getAllByRole("radio");
    expect(maps[0]?.getAttribute("aria-label")).toMatch(
      /^Schicht 1, Einheit 1 \(tanh\): hoch .+, von −?\d,\d\d bis −?\d,\d\d\.$/,
    );
    expect(maps[12]?.getAttribute("aria-label")).toMatch(/^Ausgabe \(Sigmoid\): /);
    expect(screen.getByText("Zeig auf eine Karte, um ihren Wert abzulesen.")).toBeTruthy();
    expect(screen.getByText("(weiß: 0 bei tanh, 0,5 bei Sigmoid)")).toBeTruthy();
    const figure = screen.getByRole("figure");
    const text =
      document.getElementById(figure.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
    expect(text).toContain(
      "Was jede Einheit eines 2-6-6-1-Netzes über der Ebene berechnet, x₁ von −1,20 bis 1,20",
    );
  });
});
