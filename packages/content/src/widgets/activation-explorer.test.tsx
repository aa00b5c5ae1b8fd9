// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { activations } from "@neuronlab/engine/activations";
import { formatNumber } from "@neuronlab/viz/format";
import ActivationExplorer, { chosenActivations } from "./activation-explorer.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(cleanup);

const slider = () => screen.getByRole<HTMLInputElement>("slider", { name: "z marker" });
const description = () => document.querySelector("[aria-live='polite']")?.textContent ?? "";
const curves = () =>
  [...document.querySelectorAll("path[data-activation]")].map((p) =>
    p.getAttribute("data-activation"),
  );
function cells(label: string) {
  const row = within(screen.getByRole("table")).getByRole("row", {
    name: new RegExp(`^${label}\\b`),
  });
  return within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent);
}

describe("ActivationExplorer", () => {
  it("starts at initialZ with the engine's f(z) and f′(z) for every curve", () => {
    render(<ActivationExplorer initialZ={-1.5} />, { wrapper: IntlWrapper });
    expect(slider().value).toBe("-1.5");
    expect(curves()).toHaveLength(5);
    expect(cells("sigmoid")).toEqual([
      formatNumber(activations.sigmoid.apply(-1.5)),
      formatNumber(activations.sigmoid.derivative(-1.5)),
    ]);
    expect(cells("ReLU")).toEqual(["0.00", "0.00"]);
    expect(description()).toContain("At z = −1.50");
  });

  it("shows only the activations asked for, skipping unknown names", () => {
    render(<ActivationExplorer activations={["tanh", "softplus", "relu", "tanh"]} />, {
      wrapper: IntlWrapper,
    });
    expect(screen.getAllByRole("row")).toHaveLength(3);
    expect(cells("tanh")).toEqual([
      formatNumber(Math.tanh(1)),
      formatNumber(activations.tanh.derivative(1)),
    ]);
    expect(chosenActivations(["tanh", "softplus", "relu", "tanh"])).toEqual(["tanh", "relu"]);
    expect(chosenActivations(["nonsense"])).toHaveLength(5);
  });

  it("moves the marker with the slider and keeps z when the layout changes", async () => {
    const user = userEvent.setup();
    render(<ActivationExplorer activations={["relu", "sigmoid", "tanh"]} />, {
      wrapper: IntlWrapper,
    });
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Shared axes" }).checked).toBe(true);
    fireEvent.change(slider(), { target: { value: "2.5" } });
    fireEvent.keyDown(slider(), { key: "PageDown" });
    expect(slider().value).toBe("1.5");
    expect(cells("tanh")[0]).toBe(formatNumber(Math.tanh(1.5)));

    await user.click(screen.getByRole("radio", { name: "Side by side" }));
    // Side by side gives each curve its own titled panel.
    const titles = [...document.querySelectorAll("svg text[font-weight='600']")].map(
      (t) => t.textContent,
    );
    expect(titles).toEqual(["ReLU", "sigmoid", "tanh"]);
    expect(slider().value).toBe("1.5");
    expect(screen.getByText(/^Activation functions side by side/)).toBeTruthy();
  });

  it("starts side by side when the lesson says so, and clamps z to the axis", () => {
    render(<ActivationExplorer layout="side-by-side" initialZ={9} />, { wrapper: IntlWrapper });
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Side by side" }).checked).toBe(
      true,
    );
    expect(slider().value).toBe("4");
  });

  it("has no layout choice for a single curve", () => {
    render(<ActivationExplorer activations={["relu"]} />, { wrapper: IntlWrapper });
    expect(screen.queryByRole("radio")).toBeNull();
    expect(curves()).toEqual(["relu"]);
  });

  it("speaks German, with decimal commas", () => {
    render(<ActivationExplorer activations={["relu", "tanh"]} initialZ={-1.5} />, {
      wrapper: German,
    });
    expect(screen.getByRole("group", { name: "Anordnung" })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Gemeinsame Achsen" }).checked).toBe(
      true,
    );
    expect(screen.getByRole("radio", { name: "Nebeneinander" })).toBeTruthy();
    expect(screen.getByRole("slider", { name: "z-Markierung" })).toBeTruthy();
    expect(description()).toContain("Bei z = −1,50");
    expect(cells("tanh")[0]).toBe(formatNumber(Math.tanh(-1.5), 2, "de"));
  });
});
