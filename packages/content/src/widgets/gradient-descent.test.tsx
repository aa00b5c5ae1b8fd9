// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { network } from "@neuronlab/engine/network";
import { TINY_DATA } from "@neuronlab/viz/loss-landscape";
import GradientDescent from "./gradient-descent.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";
import { mockReducedMotion } from "./testing/media.ts";

// jsdom has neither media queries nor a canvas; the figure needs only that they answer.
beforeEach(() => {
  mockReducedMotion();
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(
    () =>
      ({
        createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(4 * w * h) }),
        putImageData: () => undefined,
      }) as unknown as CanvasRenderingContext2D,
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const panel = () => screen.getByTestId("gradient-descent-update").textContent;
const description = () => screen.getByTestId("gradient-descent-description").textContent;
const button = (name: string) => screen.getByRole("button", { name });

/** The engine's loss and gradient of ŷ = w·x + b on the figure's data, by backpropagation. */
function engine(w: number, b: number) {
  const net = network({ inputs: 1, layers: [{ units: 1, activation: "linear" }], loss: "mse" }, [
    { kernel: Float64Array.of(w), bias: Float64Array.of(b) },
  ]);
  const { loss, gradients } = net.batchGradients(
    TINY_DATA.x.map((x) => [x]),
    TINY_DATA.y.map((y) => [y]),
  );
  return { loss, dw: gradients[0]?.kernel[0] ?? Number.NaN, db: gradients[0]?.bias[0] ?? 0 };
}

describe("GradientDescent", () => {
  it("writes out the update of the step the figure shows, with the engine's slope", async () => {
    const user = userEvent.setup();
    render(<GradientDescent start={[-1, 1]} learningRate={0.1} />, { wrapper: IntlWrapper });
    await waitFor(() => {
      expect(panel()).toContain("Step 40 of 40");
    });

    await user.click(button("Reset"));
    await waitFor(() => {
      expect(panel()).toContain("Step 0 of 40: the start");
    });
    const start = engine(-1, 1);
    expect(panel()).toContain(`w = −1.000: loss`);
    expect(panel()).toContain(`slope ∂L/∂w = ${start.dw.toFixed(3).replace("-", "−")}`);

    // The figure's Step button, by keyboard.
    button("Step").focus();
    await user.keyboard("{Enter}");
    const w1 = -1 - 0.1 * start.dw;
    await waitFor(() => {
      expect(panel()).toContain("Step 1 of 40");
    });
    expect(panel()).toContain(
      `w ← w − η·∂L/∂w = −1.000 − 0.10·${start.dw < 0 ? `(${start.dw.toFixed(3).replace("-", "−")})` : start.dw.toFixed(3)} = ${w1.toFixed(3).replace("-", "−")}`,
    );
    await waitFor(() => {
      expect(description()).toContain("Learning rate 0.10. Step 1 of 40.");
    });
    expect(engine(w1, 1).loss).toBeLessThan(start.loss);
  });

  it("shows a too-large learning rate overshooting and running away", async () => {
    const user = userEvent.setup();
    render(<GradientDescent />, { wrapper: IntlWrapper });
    await user.click(button("Too big (η = 0.60)"));
    expect(button("Too big (η = 0.60)").getAttribute("aria-pressed")).toBe("true");
    const outcome = screen.getByText("⚠ Over w alone:").parentElement?.textContent;
    expect(outcome).toContain("Diverged at step");
    await user.click(button("Reset"));
    await user.click(button("Step"));
    await waitFor(() => {
      expect(panel()).toContain("Step 1 of");
    });
    expect(panel()).toContain("The loss went up");

    await user.click(button("Too small (η = 0.010)"));
    await waitFor(() => {
      expect(panel()).toContain("Step 1 of 40");
    });
    expect(panel()).not.toContain("The loss went up");
    const slider = screen.getByRole<HTMLInputElement>("slider", { name: /^Learning rate η/ });
    expect(slider.getAttribute("aria-valuetext")).toBe("learning rate 0.010");
  });

  it("walks both weight and bias on the surface", async () => {
    const user = userEvent.setup();
    render(<GradientDescent mode="surface" start={[2, -1]} learningRate={0.2} />, {
      wrapper: IntlWrapper,
    });
    await user.click(button("Reset"));
    await user.click(button("Step"));
    const g = engine(2, -1);
    await waitFor(() => {
      expect(panel()).toContain("Step 1 of 40");
    });
    expect(panel()).toContain(`b ← b − η·∂L/∂b = −1.000 − 0.20·`);
    expect(panel()).toContain(`= ${(-1 - 0.2 * g.db).toFixed(3).replace("-", "−")}`);
    expect(within(document.body).getByText(/^Loss over w and b/)).toBeTruthy();
  });

  it("renders on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <GradientDescent />
      </IntlWrapper>,
    );
    expect(html).toContain("Step 40 of 40");
    expect(html).toContain("Learning-rate presets");
  });

  it("speaks German, with decimal commas", async () => {
    const user = userEvent.setup();
    render(<GradientDescent start={[-1, 1]} learningRate={0.1} />, { wrapper: German });
    expect(screen.getByRole("group", { name: "Voreingestellte Lernraten" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Zu klein (η = 0,010)" }));
    await user.click(screen.getByRole("button", { name: "Zurück zum Start der Lektion" }));
    await waitFor(() => {
      expect(panel()).toContain("Schritt 40 von 40");
    });
    expect(panel()).toContain("w ← w − η·∂L/∂w = ");
    expect(panel()).toMatch(/Verlust \d+,\d+ → \d+,\d+/);
    await waitFor(() => {
      expect(description()).toMatch(/^Lernrate 0,10\. Schritt 40 von 40\. Bei w = −?\d,\d{3}/);
    });
  });
});
