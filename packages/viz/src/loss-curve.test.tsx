// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LossCurve, type LossCurveDrawInfo } from "./loss-curve.tsx";
import { LossSeries } from "./loss-series.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";

/** jsdom has no canvas: a context that accepts every call is enough to run the drawing. */
function stubCanvas() {
  const ctx = new Proxy(
    {},
    {
      get: (_target, key) => (key === "measureText" ? () => ({ width: 20 }) : () => undefined),
      set: () => true,
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(
    () => ctx as unknown as CanvasRenderingContext2D,
  );
}

const radio = (name: string) => screen.getByRole<HTMLInputElement>("radio", { name });

const nextFrame = () =>
  act(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          resolve();
        });
      }),
  );

beforeEach(stubCanvas);
afterEach(cleanup);

describe("LossCurve", () => {
  it("states the latest, lowest and trend values in its live text", () => {
    const train = LossSeries.from([2, 1.5, 1.1, 0.9, 0.7, 0.6]);
    render(<LossCurve train={train} announceEvery={0} />, { wrapper: IntlWrapper });
    const text = screen.getByText(/^Loss curve on a linear scale/);
    expect(text.getAttribute("aria-live")).toBe("polite");
    expect(text.textContent).toContain("Latest: training loss 0.6 at step 6.");
    expect(text.textContent).toContain("Training loss is falling.");
  });

  it("switches to a logarithmic axis from its control, and tells the parent", async () => {
    const user = userEvent.setup();
    const onScaleChange = vi.fn();
    render(
      <LossCurve
        train={LossSeries.from([1, 0.1, 0.01])}
        onScaleChange={onScaleChange}
        announceEvery={0}
      />,
      { wrapper: IntlWrapper },
    );
    const log = radio("Logarithmic");
    expect(radio("Linear").checked).toBe(true);
    await user.click(log);
    expect(log.checked).toBe(true);
    expect(onScaleChange).toHaveBeenCalledWith("log");
    expect(screen.getByText(/^Loss curve on a logarithmic scale/)).toBeTruthy();
  });

  it("follows a controlled scale", () => {
    const { rerender } = render(
      <LossCurve train={LossSeries.from([1, 0.5])} scale="log" announceEvery={0} />,
      { wrapper: IntlWrapper },
    );
    expect(radio("Logarithmic").checked).toBe(true);
    rerender(<LossCurve train={LossSeries.from([1, 0.5])} scale="linear" announceEvery={0} />);
    expect(radio("Linear").checked).toBe(true);
  });

  it("redraws when the version changes, at a cost independent of the point count", async () => {
    const train = new LossSeries();
    const draws: LossCurveDrawInfo[] = [];
    const onDraw = (info: LossCurveDrawInfo) => draws.push(info);
    const { rerender } = render(<LossCurve train={train} version={0} onDraw={onDraw} />, {
      wrapper: IntlWrapper,
    });
    await nextFrame();
    expect(draws.at(-1)?.points).toBe(0);
    for (let i = 1; i <= 100_000; i++) train.append(i, 1 / Math.sqrt(i));
    rerender(<LossCurve train={train} version={1} onDraw={onDraw} />);
    await nextFrame();
    expect(draws.at(-1)?.points).toBe(100_000);
    expect(draws.at(-1)?.vertices).toBeLessThanOrEqual(4 * 640);
  });

  it("updates the spoken text at most once per interval while points stream in", () => {
    vi.useFakeTimers();
    try {
      const train = LossSeries.from([1, 0.9]);
      const { rerender } = render(<LossCurve train={train} version={2} announceEvery={2000} />, {
        wrapper: IntlWrapper,
      });
      const live = () => screen.getByText(/^Loss curve/).textContent;
      expect(live()).toContain("training loss 0.9 at step 2");
      train.append(3, 0.8);
      rerender(<LossCurve train={train} version={3} announceEvery={2000} />);
      expect(live()).toContain("training loss 0.9 at step 2");
      act(() => {
        vi.advanceTimersByTime(2000);
      });
      expect(live()).toContain("training loss 0.8 at step 3");
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the latest values in the legend, the test curve's only when there is one", () => {
    const { rerender } = render(<LossCurve train={LossSeries.from([0.5, 0.25])} />, {
      wrapper: IntlWrapper,
    });
    expect(screen.getByText("training loss 0.25")).toBeTruthy();
    expect(screen.queryByText(/^test loss/)).toBeNull();
    rerender(<LossCurve train={LossSeries.from([0.5, 0.25])} test={LossSeries.from([0.4], [2])} />);
    expect(screen.getByText("test loss 0.4")).toBeTruthy();
  });

  it("speaks German on a German page: labels, text alternative and decimal commas", () => {
    render(<LossCurve train={LossSeries.from([0.5, 0.25])} announceEvery={0} />, {
      wrapper: German,
    });
    expect(radio("Logarithmisch").checked).toBe(false);
    expect(radio("Linear").checked).toBe(true);
    expect(screen.getByText("Verlustachse")).toBeTruthy();
    expect(screen.getByText("Trainingsverlust 0,25")).toBeTruthy();
    const text = screen.getByText(/^Verlustkurve mit linearer Skala/).textContent;
    expect(text).toBe(
      "Verlustkurve mit linearer Skala, Trainingsverlust von Schritt 1 bis Schritt 2. " +
        "Zuletzt: Trainingsverlust 0,25 bei Schritt 2. " +
        "Bisher am niedrigsten: Trainingsverlust 0,25 bei Schritt 2.",
    );
    expect(screen.getByText("Verlust pro Trainingsschritt.")).toBeTruthy();
  });
});
