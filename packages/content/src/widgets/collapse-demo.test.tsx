// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import CollapseDemo from "./collapse-demo.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(cleanup);

const line = () => screen.getByTestId("linear-collapse-line").textContent;
const bend = () => screen.getByTestId("linear-collapse-bend").textContent;
const seed = () => screen.getByTestId("linear-collapse-seed").textContent;
const depth = () => screen.getByRole<HTMLSelectElement>("combobox", { name: "Hidden layers" });
const description = () => document.querySelector("[aria-live='polite']")?.textContent ?? "";

/** The points of a drawn curve, in drawing coordinates (d3 writes "M x,y L x,y …"). */
function points(curve: string): [number, number][] {
  const d = document.querySelector(`path[data-curve="${curve}"]`)?.getAttribute("d") ?? "";
  return [...d.matchAll(/(-?[\d.e]+),(-?[\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Largest distance of a polyline's points from the chord through its ends. */
function strayFromChord(p: [number, number][]): number {
  const [x0, y0] = p[0] ?? [0, 0];
  const [x1, y1] = p[p.length - 1] ?? [1, 0];
  const slope = (y1 - y0) / (x1 - x0);
  return Math.max(...p.map(([x, y]) => Math.abs(y - (y0 + slope * (x - x0)))));
}

describe("CollapseDemo", () => {
  it("states the straight line the stack without activations collapses to", () => {
    render(<CollapseDemo />, { wrapper: IntlWrapper });
    expect(depth().value).toBe("2");
    expect(line()).toContain("Without activations the 1 → 4 → 4 → 1 stack multiplies out");
    expect(line()).toContain("a straight line, whatever the weights");
    expect(bend()).toContain("With ReLU between the layers");
    expect(description()).toContain("the same 1 → 4 → 4 → 1 network");
    expect(seed()).toBe("seed 1");
  });

  it("stacks more layers and still gets a straight line", async () => {
    const user = userEvent.setup();
    render(<CollapseDemo layers={1} units={3} />, { wrapper: IntlWrapper });
    expect(line()).toContain("the 1 → 3 → 1 stack");
    await user.selectOptions(depth(), "5");
    expect(line()).toContain("the 1 → 3 → 3 → 3 → 3 → 3 → 1 stack");
    expect(line()).toContain("a straight line");
    // The drawing agrees: the stack without activations is straight, the ReLU one is not.
    expect(points("linear").length).toBeGreaterThan(100);
    expect(strayFromChord(points("linear"))).toBeLessThan(0.01);
    expect(strayFromChord(points("relu"))).toBeGreaterThan(1);
  });

  it("reseeds, switches the activation, and resets to the lesson's stack", async () => {
    const user = userEvent.setup();
    render(<CollapseDemo layers={3} seed={4} />, { wrapper: IntlWrapper });
    const first = line();

    await user.click(screen.getByRole("button", { name: "Reseed weights" }));
    expect(seed()).toBe("seed 5");
    expect(line()).not.toBe(first);
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Activation between layers" }),
      "tanh",
    );
    expect(bend()).toContain("With tanh between the layers");
    await user.selectOptions(depth(), "1");

    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(seed()).toBe("seed 4");
    expect(depth().value).toBe("3");
    expect(line()).toBe(first);
    expect(bend()).toContain("With ReLU between the layers");
  });

  it("keeps a lesson's out-of-range numbers within the figure's limits", () => {
    render(<CollapseDemo layers={40} units={0} activation={"softmax" as never} />, {
      wrapper: IntlWrapper,
    });
    expect(depth().value).toBe("6");
    expect(line()).toContain("the 1 → 1 → 1 → 1 → 1 → 1 → 1 → 1 stack");
    expect(bend()).toContain("With ReLU between the layers");
  });

  it("speaks German, with decimal commas", () => {
    render(<CollapseDemo />, { wrapper: German });
    expect(
      screen.getByRole<HTMLSelectElement>("combobox", { name: "Verborgene Schichten" }).value,
    ).toBe("2");
    expect(screen.getByRole("button", { name: "Zurücksetzen" })).toBeTruthy();
    expect(line()).toContain("Ohne Aktivierungsfunktionen lassen sich die Schichten");
    expect(line()).toMatch(/Steigung −?\d+,\d+/);
  });
});
