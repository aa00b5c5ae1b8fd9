// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NetworkWeights } from "@neuronlab/engine/network-spec";
import {
  composeLinear,
  lineEquation,
  lineOf,
  seededStackWeights,
  stackSpec,
} from "./linear-collapse-math.ts";
import { formatNumber } from "./format.ts";
import { LinearCollapse } from "./linear-collapse.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(cleanup);

const description = () => document.querySelector("[aria-live='polite']")?.textContent ?? "";
const lineText = () => screen.getByTestId("linear-collapse-line").textContent;
const bendText = () => screen.getByTestId("linear-collapse-bend").textContent;

function expectedLine(seed: number, hidden = [4, 4], locale = "en") {
  const { slope, intercept } = lineOf(
    composeLinear(stackSpec(hidden, "linear"), seededStackWeights(hidden, seed)),
  );
  return lineEquation(slope, intercept, (v, d) => formatNumber(v, d, locale));
}

describe("LinearCollapse", () => {
  it("states the collapsed line from the multiplied weight matrices, and that ReLU bends", () => {
    render(<LinearCollapse />, { wrapper: IntlWrapper });
    expect(lineText()).toContain("1 → 4 → 4 → 1 stack multiplies out to one linear map");
    expect(lineText()).toContain(expectedLine(1));
    expect(bendText()).toMatch(
      /^With ReLU between the layers, the same weights give a curve that bends/,
    );
    expect(description()).toContain(expectedLine(1));
    expect(document.querySelector("path[data-curve='linear']")).toBeTruthy();
    expect(document.querySelector("path[data-curve='relu']")).toBeTruthy();
  });

  it("reseeds to new weights and a new line", async () => {
    const user = userEvent.setup();
    render(<LinearCollapse />, { wrapper: IntlWrapper });
    await user.click(screen.getByRole("button", { name: "Reseed weights" }));
    expect(screen.getByTestId("linear-collapse-seed").textContent).toBe("seed 2");
    expect(lineText()).toContain(expectedLine(2));
    expect(expectedLine(2)).not.toBe(expectedLine(1));
  });

  it("switches the activation and keeps the same weights, so the line stays", async () => {
    const user = userEvent.setup();
    render(<LinearCollapse defaultSeed={5} />, { wrapper: IntlWrapper });
    const before = lineText();
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Activation between layers" }),
      "tanh",
    );
    expect(lineText()).toBe(before);
    expect(bendText()).toContain("With tanh between the layers");
    expect(document.querySelector("path[data-curve='tanh']")).toBeTruthy();
  });

  it("uses weights given as a prop and then offers no reseed", () => {
    const weights: NetworkWeights = [
      { kernel: Float64Array.of(1, -1), bias: Float64Array.of(0, 0.5) },
      { kernel: Float64Array.of(2, 3), bias: Float64Array.of(-1) },
    ];
    // y = 2x + 3(−x + 0.5) − 1 = −x + 0.5
    render(<LinearCollapse hidden={[2]} weights={weights} />, { wrapper: IntlWrapper });
    expect(lineText().replaceAll("\u00a0", " ")).toContain(
      "1 → 2 → 1 stack multiplies out to one linear map, y = −1.00·x + 0.50",
    );
    expect(screen.queryByRole("button", { name: "Reseed weights" })).toBeNull();
  });

  it("works controlled", async () => {
    const user = userEvent.setup();
    const onSeedChange = vi.fn();
    const onActivationChange = vi.fn();
    function Parent() {
      const [seed, setSeed] = useState(10);
      return (
        <LinearCollapse
          seed={seed}
          onSeedChange={(s) => {
            onSeedChange(s);
            setSeed(s);
          }}
          activation="sigmoid"
          onActivationChange={onActivationChange}
        />
      );
    }
    render(<Parent />, { wrapper: IntlWrapper });
    expect(lineText()).toContain(expectedLine(10));
    await user.click(screen.getByRole("button", { name: "Reseed weights" }));
    expect(onSeedChange).toHaveBeenLastCalledWith(11);
    expect(lineText()).toContain(expectedLine(11));
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Activation between layers" }),
      "relu",
    );
    expect(onActivationChange).toHaveBeenLastCalledWith("relu");
    // The parent keeps sigmoid, so the figure does too.
    expect(bendText()).toContain("With sigmoid between the layers");
  });

  it("speaks German, with decimal commas", async () => {
    const user = userEvent.setup();
    render(<LinearCollapse />, { wrapper: German });
    expect(lineText()).toContain(expectedLine(1, [4, 4], "de"));
    expect(expectedLine(1, [4, 4], "de")).toMatch(/\d,\d\d·x/);
    expect(lineText()).toMatch(/^Ohne Aktivierungsfunktionen lassen sich die Schichten/);
    expect(bendText()).toMatch(/^Mit ReLU zwischen den Schichten ergeben dieselben Gewichte/);
    expect(description()).toContain(
      "Ausgabe y über der Eingabe x von −3 bis 3 für dasselbe Netz (1 → 4 → 4 → 1)",
    );
    expect(
      screen.getByText(
        `Ohne Aktivierungsfunktionen: ${expectedLine(1, [4, 4], "de")}`.replaceAll("\u00a0", " "),
      ),
    ).toBeTruthy();
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Aktivierungsfunktion zwischen den Schichten" }),
      "sigmoid",
    );
    expect(bendText()).toContain("Mit Sigmoid zwischen den Schichten");
    await user.click(screen.getByRole("button", { name: "Gewichte neu würfeln" }));
    expect(screen.getByTestId("linear-collapse-seed").textContent).toBe("Seed 2");
  });
});
