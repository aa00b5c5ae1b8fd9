// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configHref, decodeConfig, encodeConfig, resolveConfig } from "./config.ts";
import Playground from "./index.tsx";
import { German, IntlWrapper } from "../testing/intl.tsx";
import { mockReducedMotion } from "../testing/media.ts";

/** requestAnimationFrame by hand: each `runFrames` call plays frames 1/60 s apart. */
let queued = new Map<number, FrameRequestCallback>();
let lastId = 0;
let clock = 0;

function runFrames(count: number, until?: () => boolean): number {
  for (let k = 1; k <= count; k++) {
    act(() => {
      clock += 1000 / 60;
      const due = [...queued.values()];
      queued = new Map();
      for (const callback of due) callback(clock);
    });
    if (until?.()) return k;
  }
  return count;
}

beforeEach(() => {
  queued = new Map();
  clock = 0;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    queued.set(++lastId, callback);
    return lastId;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => {
    queued.delete(id);
  });
  mockReducedMotion(false);
  // jsdom has no 2-D canvas: the figures skip drawing and still give their text.
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  window.history.replaceState(null, "", "/lessons/playground");
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const status = () => screen.getByTestId("playground-status").textContent;
const stepOf = () => Number(/^Step (\d+)/.exec(status())?.[1] ?? Number.NaN);
const trainLoss = () => /Training loss ([\d.]+)/.exec(status())?.[1];
const urlConfig = () => decodeConfig(window.location.search);
const button = (name: string) => screen.getByRole<HTMLButtonElement>("button", { name });
const select = (name: string) => screen.getByRole<HTMLSelectElement>("combobox", { name });

describe("Playground", () => {
  it("steps one batch at a time and resets to step 0", async () => {
    const user = userEvent.setup();
    const onProgress = vi.fn();
    render(<Playground preset={{ dataset: "circle" }} onProgress={onProgress} />, {
      wrapper: IntlWrapper,
    });
    expect(status()).toMatch(
      /^Step 0 · Training loss [\d.]+ · Test loss [\d.]+ · Test accuracy \d+%$/,
    );
    const initialLoss = trainLoss();

    await user.click(button("Step"));
    expect(stepOf()).toBe(1);
    expect(trainLoss()).not.toBe(initialLoss);
    await user.click(button("Step"));
    expect(stepOf()).toBe(2);
    expect(onProgress).toHaveBeenLastCalledWith(expect.objectContaining({ step: 2 }));
    button("Step").focus();
    await user.keyboard("{Enter}");
    expect(stepOf()).toBe(3);

    await user.click(button("Reset"));
    expect(stepOf()).toBe(0);
    expect(trainLoss()).toBe(initialLoss);
    expect(onProgress).toHaveBeenLastCalledWith(expect.objectContaining({ step: 0 }));
  });

  it("plays XOR to 100% test accuracy within a few seconds of frames", async () => {
    const user = userEvent.setup();
    const onProgress = vi.fn();
    render(<Playground preset={{ dataset: "xor" }} onProgress={onProgress} />, {
      wrapper: IntlWrapper,
    });
    await user.click(button("Play"));
    expect(button("Pause")).toBeTruthy();
    const frames = runFrames(600, () => status().endsWith("Test accuracy 100%"));
    expect(status()).toContain("Test accuracy 100%");
    // An epoch (35 steps) per frame: 100% within 5 s at 60 frames a second.
    expect(frames).toBeLessThanOrEqual(300);
    expect(stepOf()).toBeGreaterThan(1000);
    expect(onProgress).toHaveBeenLastCalledWith(expect.objectContaining({ testAccuracy: 1 }));
    // The decision boundary's text alternative has the same accuracy.
    expect(document.body.textContent).toMatch(/test accuracy 100%|100% of the test/i);

    await user.click(button("Pause"));
    const paused = stepOf();
    runFrames(10);
    expect(stepOf()).toBe(paused);
  });

  it("writes every change into the URL and reports it", async () => {
    const user = userEvent.setup();
    const onConfigChange = vi.fn();
    render(<Playground onConfigChange={onConfigChange} />, { wrapper: IntlWrapper });
    expect(window.location.search).toBe("");

    await user.selectOptions(select("Dataset"), "xor");
    expect(urlConfig().dataset).toBe("xor");
    expect(onConfigChange).toHaveBeenLastCalledWith(expect.objectContaining({ dataset: "xor" }));

    await user.click(button("More neurons in layer 1"));
    expect(
      within(screen.getByRole("list", { name: "Hidden layers" })).getByText("5 neurons"),
    ).toBeTruthy();
    expect(urlConfig().hiddenLayers).toEqual([5, 2]);

    await user.click(button("Add a layer"));
    expect(urlConfig().hiddenLayers).toEqual([5, 2, 2]);
    await user.click(button("Remove a layer"));
    await user.click(button("Remove a layer"));
    expect(urlConfig().hiddenLayers).toEqual([5]);
    expect(screen.getByText("2 → 5 → 1: 1 hidden layer, one sigmoid output.")).toBeTruthy();

    await user.selectOptions(select("Learning rate"), "0.1");
    await user.selectOptions(select("Activation"), "relu");
    await user.selectOptions(select("Regularisation"), "l2");
    await user.selectOptions(select("Regularisation rate"), "0.001");
    expect(urlConfig()).toMatchObject({
      learningRate: 0.1,
      activation: "relu",
      regularization: "l2",
      regularizationRate: 0.001,
    });

    await user.click(screen.getByRole("checkbox", { name: "x₁²" }));
    expect(urlConfig().features).toEqual(["x1", "x2", "x1Squared"]);
    // Maps over the plane need the inputs to be exactly x₁ and x₂.
    expect(screen.getByText(/need the inputs to be\s+exactly x₁ and x₂/)).toBeTruthy();

    await user.click(button("New seed"));
    expect(urlConfig().seed).toBe(2);
    expect(onConfigChange).toHaveBeenLastCalledWith(urlConfig());
  });

  it("restores a shared link's setup over the lesson's preset", () => {
    const shared = resolveConfig({
      dataset: "spirals",
      features: ["x1", "x2", "sinX1"],
      hiddenLayers: [3, 6, 2],
      activation: "sigmoid",
      learningRate: 0.3,
      batchSize: 25,
      seed: 42,
    });
    window.history.replaceState(null, "", `/lessons/playground?pg=${encodeConfig(shared)}#try`);
    render(<Playground preset={{ dataset: "moons" }} />, { wrapper: IntlWrapper });
    expect(select("Dataset").value).toBe("spirals");
    expect(select("Activation").value).toBe("sigmoid");
    expect(select("Learning rate").value).toBe("0.3");
    expect(screen.getByRole<HTMLInputElement>("slider", { name: /Batch size/ }).value).toBe("25");
    expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: "Seed" }).value).toBe("42");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "sin(πx₁)" }).checked).toBe(true);
    const layers = within(screen.getByRole("list", { name: "Hidden layers" })).getAllByRole(
      "listitem",
    );
    expect(layers.map((li) => li.textContent)).toEqual([
      "Layer 1−3 neurons+",
      "Layer 2−6 neurons+",
      "Layer 3−2 neurons+",
    ]);
    // Nothing is rewritten until the learner changes something.
    expect(window.location.hash).toBe("#try");
  });

  it("copies a link that restores the setup", async () => {
    const user = userEvent.setup();
    render(<Playground preset={{ dataset: "xor", hiddenLayers: [3] }} />, { wrapper: IntlWrapper });
    await user.click(button("Copy link"));
    expect(await screen.findByText("Link copied.")).toBeTruthy();
    const copied = await navigator.clipboard.readText();
    expect(copied).toBe(
      configHref(window.location.href, resolveConfig({ dataset: "xor", hiddenLayers: [3] })),
    );
    expect(decodeConfig(new URL(copied).search)).toMatchObject({
      dataset: "xor",
      hiddenLayers: [3],
    });
  });

  it("keeps training when only the view changes", async () => {
    const user = userEvent.setup();
    render(<Playground />, { wrapper: IntlWrapper });
    await user.click(button("Step"));
    await user.click(screen.getByRole("checkbox", { name: "Show test data" }));
    await user.click(screen.getByRole("checkbox", { name: "Discretise output" }));
    expect(stepOf()).toBe(1);
    expect(urlConfig()).toMatchObject({ showTestData: false, discretize: true });
    // A change to the data starts over.
    await user.click(screen.getByRole("checkbox", { name: "x₁x₂" }));
    expect(stepOf()).toBe(0);
  });

  it("stops on divergence and says why", async () => {
    const user = userEvent.setup();
    render(
      <Playground
        syncUrl={false}
        preset={{ learningRate: 10, activation: "linear", hiddenLayers: [8, 8, 8, 8, 8, 8] }}
      />,
      { wrapper: IntlWrapper },
    );
    await user.click(button("Play"));
    runFrames(5);
    expect(screen.getByRole("alert").textContent).toMatch(
      /Training diverged at step \d+.*smaller learning rate/,
    );
    expect(button("Play").disabled).toBe(true);
    expect(button("Step").disabled).toBe(true);
    await user.click(button("Reset"));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(stepOf()).toBe(0);
  });

  it("leaves the URL alone when embedded, and stops at an exercise's step limit", async () => {
    const user = userEvent.setup();
    const onConfigChange = vi.fn();
    render(<Playground syncUrl={false} maxSteps={50} onConfigChange={onConfigChange} />, {
      wrapper: IntlWrapper,
    });
    expect(screen.queryByRole("button", { name: "Copy link" })).toBeNull();
    await user.selectOptions(select("Dataset"), "moons");
    expect(window.location.search).toBe("");
    expect(onConfigChange).toHaveBeenCalledWith(expect.objectContaining({ dataset: "moons" }));
    await user.click(button("Play"));
    runFrames(5);
    expect(stepOf()).toBe(50);
    expect(screen.getByText(/Stopped at 50 steps/)).toBeTruthy();
    expect(button("Play").disabled).toBe(true);
  });

  it("redraws about once a second when motion is reduced, while training runs on", async () => {
    mockReducedMotion(true);
    // A frame trains an epoch unless its 10 ms run out; a busy machine must not cut it short here.
    vi.spyOn(performance, "now").mockReturnValue(0);
    const user = userEvent.setup();
    render(<Playground />, { wrapper: IntlWrapper });
    await user.click(button("Play"));
    runFrames(1);
    expect(stepOf()).toBe(35);
    runFrames(30);
    expect(stepOf()).toBe(35);
    // A second after the first redraw, the numbers catch up with the steps taken meanwhile.
    runFrames(40);
    expect(stepOf()).toBeGreaterThan(35 * 30);
  });

  it("starts over when the lesson passes another preset", () => {
    const { rerender } = render(<Playground preset={{ dataset: "moons" }} />, {
      wrapper: IntlWrapper,
    });
    expect(select("Dataset").value).toBe("moons");
    rerender(<Playground preset={{ dataset: "gaussianClusters" }} />);
    expect(select("Dataset").value).toBe("gaussianClusters");
  });

  it("renders the preset on the server", () => {
    const html = renderToString(
      <IntlWrapper>
        <Playground preset={{ dataset: "xor", hiddenLayers: [3] }} />
      </IntlWrapper>,
    );
    expect(html).toContain("Step 0 · Training loss");
    expect(html).toContain("2 → 3 → 1: 1 hidden layer");
  });

  it("speaks German, with decimal commas", async () => {
    const user = userEvent.setup();
    render(
      <Playground syncUrl={false} preset={{ dataset: "xor", noise: 0.25, hiddenLayers: [3] }} />,
      {
        wrapper: German,
      },
    );
    expect(status()).toMatch(
      /^Schritt 0 · Trainingsverlust \d,\d{4} · Test-Verlust \d,\d{4} · Testgenauigkeit \d+\u00a0%$/,
    );
    expect(select("Datensatz").value).toBe("xor");
    expect(select("Lernrate").selectedOptions[0]?.textContent).toBe("0,03");
    expect(
      screen.getByText(
        "Vier Quadranten, gegenüberliegende Ecken gehören zur selben Klasse: Keine einzelne Gerade trennt sie.",
      ),
    ).toBeTruthy();
    expect(screen.getByText("2 → 3 → 1: 1 verborgene Schicht, eine Sigmoid-Ausgabe.")).toBeTruthy();
    expect(
      screen.getByRole("slider", { name: /^Testdaten 30\s%$/ }).getAttribute("aria-valuetext"),
    ).toBe("30\u00a0% der Punkte für den Test zurückgehalten");
    expect(screen.getByText("0,25")).toBeTruthy();
    await user.click(button("Mehr Neuronen in Schicht 1"));
    expect(
      within(screen.getByRole("list", { name: "Verborgene Schichten" })).getByText("4 Neuronen"),
    ).toBeTruthy();
    await user.click(button("Schritt"));
    expect(status()).toMatch(/^Schritt 1 · /);
  });
});
