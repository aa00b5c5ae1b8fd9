// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { losses } from "@neuronlab/engine/losses";
import { formatNumber } from "@neuronlab/viz/format";
import LossExplorer from "./loss-explorer.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(cleanup);

const text = (id: string) => screen.getByTestId(id).textContent;
const description = () => text("loss-explorer-description");
const box = (name: string) => screen.getByRole<HTMLInputElement>("spinbutton", { name });
const slider = (name: string) => screen.getByRole<HTMLInputElement>("slider", { name });

describe("LossExplorer", () => {
  it("shows the engine's MSE and cross-entropy for the starting predictions", () => {
    render(<LossExplorer />, { wrapper: IntlWrapper });
    expect(text("mse-total")).toBe(formatNumber(losses.mse.value([1.5, 0, 0.5], [2, -1, 0.5])));
    expect(text("mse-term-2")).toBe("1.00");
    expect(text("ce-total")).toBe(
      formatNumber(losses.binaryCrossEntropy.value([0.9, 0.2, 0.6, 0.3], [1, 0, 1, 0])),
    );
    expect(text("ce-term-1")).toBe(formatNumber(-Math.log(0.9)));
    expect(description()).toContain(`Regression set: mean squared error ${text("mse-total")}`);
  });

  it("recomputes the regression loss when the learner types a prediction", async () => {
    const user = userEvent.setup();
    render(<LossExplorer mode="mse" />, { wrapper: IntlWrapper });
    expect(screen.queryByTestId("ce-total")).toBeNull();
    const prediction = box("Prediction ŷ₂ for example 2");
    await user.clear(prediction);
    await user.type(prediction, "2.5");
    // (2.5 − (−1))² = 12.25 dominates the mean.
    expect(text("mse-term-2")).toBe("12.25");
    expect(text("mse-total")).toBe(formatNumber(losses.mse.value([1.5, 2.5, 0.5], [2, -1, 0.5])));
    expect(description()).toContain(
      "example 2: prediction 2.50 for target −1.00, squared error 12.25",
    );
  });

  it("punishes a confident wrong answer far harder with cross-entropy than with squared error", async () => {
    const user = userEvent.setup();
    render(<LossExplorer mode="crossEntropy" />, { wrapper: IntlWrapper });
    expect(screen.queryByTestId("mse-total")).toBeNull();
    fireEvent.change(slider("Probability p₃ for example 3"), { target: { value: "0.02" } });
    const ce = losses.binaryCrossEntropy.value([0.02], [1]);
    const se = losses.mse.value([0.02], [1]);
    expect(text("ce-term-3")).toBe(formatNumber(ce));
    expect(text("harshest")).toContain(
      `Example 3 costs the most: it gives class 1 a probability of 0.02. Cross-entropy charges ${formatNumber(ce)}, squared error ${formatNumber(se)}: ${formatNumber(ce / se, 1)} times as much.`,
    );
    expect(ce / se).toBeGreaterThan(3);
    // The plot's text alternative follows the example along both curves.
    expect(screen.getByText(/^Loss of one example of class 1/).textContent).toContain(
      `Example 3 sits at p = 0.02: cross-entropy ${formatNumber(ce)}, squared error ${formatNumber(se)}.`,
    );

    // A class-0 example is charged −log(1 − p).
    const p4 = box("Probability p₄ for example 4");
    await user.clear(p4);
    await user.type(p4, "0.95");
    expect(text("ce-term-4")).toBe(formatNumber(-Math.log(0.05)));
    expect(text("ce-total")).toBe(
      formatNumber(losses.binaryCrossEntropy.value([0.9, 0.2, 0.02, 0.95], [1, 0, 1, 0])),
    );

    await user.click(screen.getByRole("button", { name: "Reset predictions" }));
    expect(box("Probability p₄ for example 4").value).toBe("0.3");
  });

  it("renders on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <LossExplorer />
      </IntlWrapper>,
    );
    expect(html).toContain("Regression: mean squared error");
    expect(html).toContain("Classification: binary cross-entropy");
  });

  it("speaks German, with decimal commas", () => {
    render(<LossExplorer />, { wrapper: German });
    expect(screen.getByRole("button", { name: "Vorhersagen zurücksetzen" })).toBeTruthy();
    expect(box("Vorhersage ŷ₂ für Beispiel 2").value).toBe("0");
    expect(text("mse-term-2")).toBe("1,00");
    expect(text("mse-total")).toBe(
      formatNumber(losses.mse.value([1.5, 0, 0.5], [2, -1, 0.5]), 2, "de"),
    );
    expect(description()).toContain(
      "Beispiel 1: Vorhersage 1,50 für Zielwert 2,00, quadrierter Fehler 0,25",
    );
    expect(
      screen.getByText(/^Verlust eines Beispiels der Klasse 1 in Abhängigkeit von der/).textContent,
    ).toContain("Die Kreuzentropie, −log p, ist 0 bei p = 1");
    expect(text("harshest")).toContain(
      "Beispiel 3 kostet am meisten: Es gibt der Klasse 1 nur eine Wahrscheinlichkeit von 0,60.",
    );
  });
});
