// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import DigitsDemo, { digitsSettings } from "./digits-demo.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";
import { mockReducedMotion } from "./testing/media.ts";

/** requestAnimationFrame by hand, 1/60 s apart. */
let queued = new Map<number, FrameRequestCallback>();
let lastId = 0;
let clock = 0;

function runFrames(count: number, until?: () => boolean): void {
  for (let k = 0; k < count; k++) {
    act(() => {
      clock += 1000 / 60;
      const due = [...queued.values()];
      queued = new Map();
      for (const callback of due) callback(clock);
    });
    if (until?.()) return;
  }
}

beforeEach(() => {
  queued = new Map();
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    queued.set(++lastId, callback);
    return lastId;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => {
    queued.delete(id);
  });
  mockReducedMotion();
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const summary = () => screen.getByTestId("digits-summary").textContent;
const accuracy = (key: "shallow" | "deep") =>
  screen.getByTestId(`digits-${key}-accuracy`).textContent;
const percentOf = (text: string) => Number(/(\d+)%/.exec(text)?.[1] ?? Number.NaN);

describe("DigitsDemo", () => {
  it(
    "trains a shallow and a deeper network on real digits and shows their test accuracy",
    { timeout: 120_000 },
    async () => {
      const user = userEvent.setup();
      render(<DigitsDemo digits={[3, 7]} trainPerDigit={20} testPerDigit={5} steps={40} />, {
        wrapper: IntlWrapper,
      });
      expect(accuracy("shallow")).toBe("Test accuracy —");
      expect(accuracy("deep")).toBe("Test accuracy —");
      expect(screen.getByText("784 → 10")).toBeTruthy();
      expect(screen.getByText("784 → 32 → 16 → 10")).toBeTruthy();
      expect(summary()).toBe("Not trained yet. Press Start training.");

      await user.click(screen.getByRole("button", { name: "Start training" }));
      // The two digit files load and decode (tens of seconds in a CI run that tests other packages
      // on the same two cores), then training starts.
      await waitFor(
        () => {
          expect(screen.getByRole("button", { name: "Stop" })).toBeTruthy();
        },
        { timeout: 75_000 },
      );
      expect(summary()).toMatch(
        /^After 0 of 40 steps, share of the 10 test digits recognised: no hidden layer \d+%, two hidden layers \d+%\.$/,
      );

      // Training starts on the next animation frame, once React has run the effect that asks for it
      // (the digits arrived outside act, so the effect runs on a later turn of the event loop).
      await waitFor(() => {
        expect(queued.size).toBeGreaterThan(0);
      });
      runFrames(400, () => summary().startsWith("After 40 of 40 steps"));
      expect(summary()).toMatch(/^After 40 of 40 steps/);
      // Threes and sevens are easy to tell apart: both networks beat a coin toss by far.
      expect(percentOf(accuracy("shallow"))).toBeGreaterThanOrEqual(80);
      expect(percentOf(accuracy("deep"))).toBeGreaterThanOrEqual(80);
      expect(summary()).toContain(`no hidden layer ${String(percentOf(accuracy("shallow")))}%`);

      // One test digit of each kind, with each network's guess in words.
      const sample = within(
        screen.getByRole("region", { name: "Their guesses on some test digits" }),
      ).getAllByRole("listitem");
      expect(sample).toHaveLength(2);
      expect(sample[0]?.textContent).toMatch(/A handwritten [37]\./);
      expect(sample[0]?.textContent).toMatch(/No hidden layer: guess [37], (right|wrong)\./);
      expect(sample[0]?.textContent).toMatch(/Two hidden layers: guess [37], (right|wrong)\./);
      // Finished: nothing more to run until the learner starts over.
      const start = screen.getByRole<HTMLButtonElement>("button", { name: "Finished" });
      expect(start.disabled).toBe(true);

      await user.click(screen.getByRole("button", { name: "Start over" }));
      expect(summary()).toMatch(/^After 0 of 40 steps/);
    },
  );

  it("keeps a lesson's settings in range", () => {
    expect(
      digitsSettings({ digits: [3, 3, 12], trainPerDigit: 5000, hidden: [], steps: -4 }),
    ).toMatchObject({
      digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      trainPerDigit: 200,
      hidden: [32, 16],
      steps: 10,
    });
    expect(digitsSettings({ digits: [1, 7], hidden: [300, 8, 8, 8] })).toMatchObject({
      digits: [1, 7],
      hidden: [128, 8, 8],
    });
  });

  it("renders on the server without loading anything", () => {
    const html = renderToString(
      <IntlWrapper>
        <DigitsDemo hidden={[64]} />
      </IntlWrapper>,
    );
    expect(html).toContain("Start training");
    expect(html).toContain("One hidden layer");
    expect(html).toContain("784 → 64 → 10");
  });

  it("speaks German", () => {
    render(<DigitsDemo digits={[1, 7]} trainPerDigit={20} testPerDigit={5} />, {
      wrapper: German,
    });
    expect(screen.getByRole("button", { name: "Training starten" })).toBeTruthy();
    expect(summary()).toBe("Noch nicht trainiert. Drück auf „Training starten“.");
    expect(screen.getByRole("heading", { name: "Keine verborgene Schicht" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Zwei verborgene Schichten" })).toBeTruthy();
    expect(accuracy("deep")).toBe("Testgenauigkeit —");
    expect(
      screen.getByText(/^40 Trainingsziffern und 10 Testziffern aus MNIST, die Ziffern 1, 7\./),
    ).toBeTruthy();
  });
});
