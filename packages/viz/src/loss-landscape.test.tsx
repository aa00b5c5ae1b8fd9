// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LossLandscape } from "./loss-landscape.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

// jsdom has neither media queries nor a canvas; the figure needs only that they answer.
beforeEach(() => {
  vi.stubGlobal(
    "matchMedia",
    (query: string) =>
      ({
        matches: false,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
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

const liveText = () => screen.getByText(/^Loss landscape of/).textContent;

describe("LossLandscape", () => {
  it("walks one step at a time, and resets", async () => {
    const user = userEvent.setup();
    render(<LossLandscape />, { wrapper: IntlWrapper });
    expect(screen.getByText(/^Step 40 of 40/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(screen.getByText(/^Step 0 of 40/)).toBeTruthy();
    expect(liveText()).toContain("after 0 of 40 steps it is at w = −1.50, b = 2.50");
    await user.click(screen.getByRole("button", { name: "Step" }));
    expect(screen.getByText(/^Step 1 of 40/)).toBeTruthy();
    expect(liveText()).toContain("after 1 of 40 steps");
  });

  it("shows divergence when the learning rate is raised too far, and a crawl when lowered", () => {
    render(<LossLandscape />, { wrapper: IntlWrapper });
    const rate = screen.getByRole("slider", { name: /Learning rate/ });
    fireEvent.change(rate, { target: { value: "95" } });
    expect(rate.getAttribute("aria-valuetext")).toBe("learning rate 0.40");
    expect(screen.getByText(/^Diverged at step \d+/)).toBeTruthy();
    expect(liveText()).toMatch(/Diverged at step \d+/);
    fireEvent.change(rate, { target: { value: "10" } });
    expect(screen.getAllByText(/^Crawling:/)).toHaveLength(2);
  });

  it("moves the starting point from its sliders", () => {
    const onStartChange = vi.fn();
    render(<LossLandscape onStartChange={onStartChange} />, { wrapper: IntlWrapper });
    fireEvent.change(screen.getByRole("slider", { name: /Start b/ }), {
      target: { value: "0" },
    });
    expect(onStartChange).toHaveBeenCalledWith([-1.5, 0]);
    expect(liveText()).toContain("it starts at w = −1.50, b = 0.00");
    expect(screen.getByText("Loss over w alone (b held at 0.00)")).toBeTruthy();
  });

  it("moves the starting point where the map is clicked", () => {
    render(<LossLandscape view="two" />, { wrapper: IntlWrapper });
    const svg = document.querySelector("svg[viewBox]") as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    fireEvent.click(svg, {
      clientX: box.left + box.width / 2,
      clientY: box.top + box.height / 2,
    });
    expect(liveText()).not.toContain("it starts at w = −1.50, b = 2.50");
  });

  it("follows a controlled learning rate", () => {
    function Controlled() {
      const [rate, setRate] = useState(0.3);
      return (
        <>
          <LossLandscape learningRate={rate} onLearningRateChange={setRate} />
          <button
            type="button"
            onClick={() => {
              setRate(0.02);
            }}
          >
            slow
          </button>
        </>
      );
    }
    render(<Controlled />, { wrapper: IntlWrapper });
    expect(screen.getAllByText(/^Zig-zag:/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: "slow" }));
    expect(
      screen.getByRole("slider", { name: /Learning rate/ }).getAttribute("aria-valuetext"),
    ).toBe("learning rate 0.020");
  });

  it("plays the walk forward", async () => {
    const user = userEvent.setup();
    render(<LossLandscape />, { wrapper: IntlWrapper });
    await user.click(screen.getByRole("button", { name: "Play" }));
    expect(screen.getByRole("button", { name: "Pause" })).toBeTruthy();
    // How far it gets in a moment depends on the machine; it must move, and never past the end.
    const step = () =>
      Number(/^Step (\d+)/.exec(screen.getByText(/^Step \d+ of 40/).textContent)?.[1]);
    await waitFor(
      () => {
        expect(step()).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
    expect(step()).toBeLessThanOrEqual(40);
  });

  it("speaks German on a German page", () => {
    render(<LossLandscape />, { wrapper: German });
    expect(screen.getByRole("button", { name: "Zurücksetzen" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Abspielen" })).toBeTruthy();
    expect(screen.getByText("Verlust nur über w (b fest bei 2,50)")).toBeTruthy();
    const rate = screen.getByRole("slider", { name: /Lernrate/ });
    expect(rate.getAttribute("aria-valuetext")).toBe("Lernrate 0,10");
    const text = screen.getByText(/^Verlustlandschaft für/).textContent;
    expect(text).toContain("Der Abstieg beginnt bei w = −1,50, b = 2,50");
    expect(text).toContain("nach 40 von 40 Schritten");
    expect(
      screen.getByText(/^Schritt 40 von 40 · w = \d,\d\d, b = \d,\d\d, Verlust 0,\d+$/),
    ).toBeTruthy();
  });
});
