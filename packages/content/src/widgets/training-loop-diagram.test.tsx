// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import TrainingLoopDiagram from "./training-loop-diagram.tsx";
import { mockReducedMotion } from "./testing/media.ts";
import { German, IntlWrapper } from "./testing/intl.tsx";

beforeEach(() => {
  mockReducedMotion(false);
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const note = () => screen.getByTestId("training-loop-note").textContent;
const lit = () =>
  [...document.querySelectorAll("[data-phase][data-active='true']")].map((g) =>
    g.getAttribute("data-phase"),
  );
const description = () =>
  [...document.querySelectorAll("figure > p[aria-live='polite']")].map((p) => p.textContent)[0];
const losses = () =>
  within(screen.getByRole("list", { name: "Loss after each step" }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("TrainingLoopDiagram", () => {
  it("lights each phase of a real training step in turn, with its numbers", async () => {
    const user = userEvent.setup();
    render(<TrainingLoopDiagram />, { wrapper: IntlWrapper });
    expect(lit()).toEqual([]);
    expect(note()).toMatch(/^Press Next phase/);
    expect(description()).toContain("It has not started.");

    const next = screen.getByRole("button", { name: "Next phase" });
    await user.click(next);
    expect(lit()).toEqual(["forward"]);
    expect(note()).toMatch(
      /^Step 1, forward: the network made 24 predictions; the first is 0\.\d\d/,
    );
    await user.click(next);
    expect(lit()).toEqual(["loss"]);
    expect(note()).toMatch(/^Step 1, loss: the predictions are off by \d\.\d{3} on average/);
    expect(description()).toMatch(/Now: loss\..*Step 1\. Loss \d\.\d{3}\./);
    await user.click(next);
    expect(lit()).toEqual(["backward"]);
    expect(note()).toMatch(/^Step 1, backprop: .* size \d+\.\d{3}/);
    await user.click(next);
    expect(lit()).toEqual(["update"]);
    expect(note()).toContain("Next comes step 2.");
    await user.click(next);
    expect(lit()).toEqual(["forward"]);
    expect(note()).toMatch(/^Step 2, forward/);
  });

  it("shows the loss falling over a few loops, and is driven by the keyboard", async () => {
    const user = userEvent.setup();
    render(<TrainingLoopDiagram />, { wrapper: IntlWrapper });
    expect(screen.getByText("No loss measured yet.")).toBeTruthy();
    screen.getByRole("button", { name: "Next phase" }).focus();
    for (let k = 0; k < 4 * 4; k++) await user.keyboard(k % 2 === 0 ? "{Enter}" : " ");
    const shown = losses();
    expect(shown.map((l) => l.split(":")[0])).toEqual(["Step 1", "Step 2", "Step 3", "Step 4"]);
    const values = shown.map((l) => Number(l.split(": ")[1]));
    for (let k = 1; k < values.length; k++) expect(values[k]).toBeLessThan(values[k - 1] ?? 0);
    expect(description()).toContain(`Step 4. Loss ${shown[3]?.split(": ")[1] ?? ""}.`);

    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(lit()).toEqual([]);
    expect(screen.getByText("No loss measured yet.")).toBeTruthy();
  });

  it("plays one phase per interval and pauses", () => {
    vi.useFakeTimers();
    render(<TrainingLoopDiagram phaseMs={500} />, { wrapper: IntlWrapper });
    const play = screen.getByRole("button", { name: "Play" });
    fireEvent.click(play);
    expect(play.getAttribute("aria-pressed")).toBe("true");
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(lit()).toEqual(["forward"]);
    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(lit()).toEqual(["update"]);
    fireEvent.click(screen.getByRole("button", { name: "Pause" }));
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(lit()).toEqual(["update"]);
  });

  it("plays at half the pace when motion is reduced", () => {
    mockReducedMotion(true);
    vi.useFakeTimers();
    render(<TrainingLoopDiagram phaseMs={500} />, { wrapper: IntlWrapper });
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(lit()).toEqual([]);
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(lit()).toEqual(["forward"]);
  });

  it("renders on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <TrainingLoopDiagram learningRate={0.5} />
      </IntlWrapper>,
    );
    expect(html).toContain("Next phase");
    expect(html).toContain("with learning rate 0.50");
  });

  it("speaks German, with decimal commas", async () => {
    const user = userEvent.setup();
    render(<TrainingLoopDiagram learningRate={0.5} />, { wrapper: German });
    expect(note()).toBe(
      "Drücke „Nächste Phase“, um die erste Phase des ersten Trainingsschritts auszuführen.",
    );
    expect(screen.getByText(/mit der Lernrate 0,50\.$/)).toBeTruthy();
    expect(screen.getByText("Noch kein Verlust gemessen.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Abspielen" })).toBeTruthy();

    const next = screen.getByRole("button", { name: "Nächste Phase" });
    await user.click(next);
    expect(note()).toMatch(
      /^Schritt 1, Vorwärtsdurchlauf: Das Netz hat 24 Vorhersagen gemacht; die erste ist 0,\d\d/,
    );
    await user.click(next);
    expect(note()).toMatch(
      /^Schritt 1, Verlust: Die Vorhersagen liegen im Mittel um \d,\d{3} daneben/,
    );
    const entries = within(screen.getByRole("list", { name: "Verlust nach jedem Schritt" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^Schritt 1: \d,\d{3}$/);
    expect(description()).toContain("Jetzt: Verlust.");
  });
});
