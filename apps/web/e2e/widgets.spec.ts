import type { BrowserContextOptions, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectVisibleFocus, loadWidget, tabTo, watchErrors } from "./helpers.ts";

/*
 * Every lesson widget in a real browser: the learner drives it (mouse, typing, keyboard) and what
 * it shows must change with the right numbers. Numbers a widget writes out as a sum are checked
 * against the sum computed here, so a readout that drifted from its own formula would fail.
 */

/** A number as the widgets print it: "−1.85", "(−0.50)", "12%". */
function num(text: string | null | undefined): number {
  const cleaned = (text ?? "").replace(/[()%\s]/g, "").replace(/\u2212/g, "-");
  const value = Number(cleaned);
  if (cleaned === "" || Number.isNaN(value)) throw new Error(`not a number: "${text ?? ""}"`);
  return value;
}

/** The text of a locator, once it is there. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}

/** The paragraphs of a locator, one a line (textContent runs them together). */
async function linesOf(locator: Locator): Promise<string> {
  return (await locator.locator("p").allTextContents()).join("\n");
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Options for a new browser context with the current project's screen and input (desktop or phone). */
function sameDevice(): BrowserContextOptions {
  const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL } =
    test.info().project.use;
  const options = { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, baseURL };
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** Opens a lesson and brings one of its widgets on screen, loaded. */
async function openWidget(page: Page, slug: string, name: string): Promise<Locator> {
  await page.goto(`/course/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The lesson's own widget, not one an exercise card embeds.
  const widget = page.locator(`[data-widget="${name}"]:not(section[id^="exercise-"] *)`).first();
  return loadWidget(widget);
}

/** Drags a range input's thumb far past one end of its track, with the mouse. */
async function dragSliderToEnd(page: Page, slider: Locator, end: "min" | "max"): Promise<void> {
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error("the slider has no box");
  const [min, max, value] = await slider.evaluate((element) => {
    const input = element as HTMLInputElement;
    return [Number(input.min), Number(input.max), Number(input.value)];
  });
  // The thumb sits at the value's share of the track (less half a thumb at either end).
  const y = box.y + box.height / 2;
  const thumb = box.x + 8 + ((value - min) / (max - min)) * (box.width - 16);
  await page.mouse.move(thumb, y);
  await page.mouse.down();
  await page.mouse.move(end === "min" ? box.x - 40 : box.x + box.width + 40, y, { steps: 8 });
  await page.mouse.up();
}

/**
 * The forward pass's per-neuron lines, "z₁ = 0.50·1.00 + (−1.00)·(−0.50) + 0.10 = 1.10; a₁ =
 * ReLU(1.10) = 1.10", checked: the weighted sum plus the bias is z, and the activation of z is a.
 */
async function expectForwardPassSumsAddUp(widget: Locator): Promise<number> {
  const lines = await widget.locator("li", { hasText: /^z₁|^z₂|^z₃|^z₄|^z₅/ }).allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const match = /^z\S+ = (.+) = (\S+); a\S+ = (\S+)\((\S+)\) = (\S+)$/.exec(line);
    expect(match, line).not.toBeNull();
    if (!match) continue;
    const [, sum = "", z = "", activation = "", zAgain = "", a = ""] = match;
    const terms = sum.split(" + ");
    const bias = num(terms.pop());
    const computed = terms.reduce((total, t) => {
      const [w, x] = t.split("·");
      return total + num(w) * num(x);
    }, bias);
    expect(Math.abs(computed - num(z)), line).toBeLessThanOrEqual(0.02);
    expect(zAgain).toBe(z);
    const expected = activation === "ReLU" ? Math.max(0, num(z)) : sigmoid(num(z));
    expect(["ReLU", "sigmoid"]).toContain(activation);
    expect(Math.abs(expected - num(a)), line).toBeLessThanOrEqual(0.006);
  }
  return lines.length;
}

test.describe("widgets, by mouse and typing", () => {
  // A shared, slow machine: room for the widget chunks to load and the figures to compute.
  test.describe.configure({ timeout: 60_000 });

  test("NeuronTuner: typing a weight, dragging the bias and picking an activation recompute z and a", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "a-single-neuron", "NeuronTuner");
    const z = widget.getByTestId("neuron-z");
    const a = widget.getByTestId("neuron-a");
    const description = widget.locator("figure [aria-live='polite']");
    // 0.8·1 − 0.5·2 + 0.3·0.5 + 0.1 = 0.05, and ReLU keeps it.
    await expect(z).toHaveText("0.05");
    await expect(a).toHaveText("0.05");

    await widget.getByRole("spinbutton", { name: "Weight w₁" }).fill("1");
    // 1·1 − 0.5·2 + 0.3·0.5 + 0.1 = 0.25.
    await expect(z).toHaveText("0.25");
    await expect(a).toHaveText("0.25");
    await expect(widget.getByText("= 1.00·1.00 + (−0.50)·2.00 + 0.30·0.50 + 0.10")).toBeVisible();
    await expect(description).toContainText("times weight w₁ = 1.00");
    await expect(description).toContainText(
      "gives z = 0.25. ReLU turns z into the output a = 0.25.",
    );
    await expect(widget.getByRole("slider", { name: "Weight w₁" })).toHaveValue("1");

    // The bias slider dragged to its left end: b = −3, z = 0.25 − 0.1 − 3 = −2.85, ReLU gives 0.
    const bias = widget.getByRole("slider", { name: "Bias b" });
    await dragSliderToEnd(page, bias, "min");
    await expect(bias).toHaveValue("-3");
    await expect(widget.getByRole("spinbutton", { name: "Bias b" })).toHaveValue("-3");
    await expect(z).toHaveText("−2.85");
    await expect(a).toHaveText("0.00");

    await widget.getByRole("combobox", { name: "Activation f" }).selectOption("sigmoid");
    await expect(a).toHaveText(sigmoid(-2.85).toFixed(2));
    await expect(description).toContainText(`sigmoid turns z into the output a = 0.05`);

    await widget.getByRole("button", { name: "Reset" }).click();
    await expect(z).toHaveText("0.05");
    await expect(widget.getByRole("combobox", { name: "Activation f" })).toHaveValue("relu");
    expect(errors).toEqual([]);
  });

  test("ActivationExplorer: the z slider and the layout choice update the values table", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "activation-functions", "ActivationExplorer");
    const row = (name: string) => widget.getByRole("row", { name: new RegExp(`^${name}\\b`) });
    const cells = (name: string) => row(name).getByRole("cell");
    await expect(widget.getByRole("radio", { name: "Side by side" })).toBeChecked();
    await expect(widget.getByText("Values at z = 1.00")).toBeVisible();
    await expect(cells("sigmoid")).toHaveText([sigmoid(1).toFixed(2), "0.20"]);

    // Dragged to its left end the marker sits at z = −4.
    const slider = widget.getByRole("slider", { name: "z marker" });
    await dragSliderToEnd(page, slider, "min");
    await expect(slider).toHaveValue("-4");
    await expect(widget.getByText("Values at z = −4.00")).toBeVisible();
    await expect(cells("ReLU")).toHaveText(["0.00", "0.00"]);
    await expect(cells("sigmoid")).toHaveText([sigmoid(-4).toFixed(2), "0.02"]);
    await expect(cells("tanh")).toHaveText(["−1.00", "0.00"]);
    await expect(widget.locator("figure [aria-live='polite']").first()).toContainText(
      "At z = −4.00",
    );

    await widget.getByRole("radio", { name: "Shared axes" }).check();
    await expect(widget.getByRole("radio", { name: "Shared axes" })).toBeChecked();
    // Changing the layout keeps z.
    await expect(slider).toHaveValue("-4");
    await expect(cells("tanh")).toHaveText(["−1.00", "0.00"]);
    expect(errors).toEqual([]);
  });

  test("CollapseDemo: more layers stay a straight line; reseed, activation and reset", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "activation-functions", "CollapseDemo");
    const line = widget.getByTestId("linear-collapse-line");
    const seed = widget.getByTestId("linear-collapse-seed");
    const depth = widget.getByRole("combobox", { name: "Hidden layers" });
    // The lesson's stack: 3 hidden layers of 4.
    await expect(depth).toHaveValue("3");
    await expect(line).toContainText("the 1 → 4 → 4 → 4 → 1 stack");
    const first = await textOf(line);

    await depth.selectOption("5");
    await expect(line).toContainText("the 1 → 4 → 4 → 4 → 4 → 4 → 1 stack");
    await expect(line).toContainText("a straight line");

    await expect(seed).toHaveText("seed 1");
    await widget.getByRole("button", { name: "Reseed weights" }).click();
    await expect(seed).toHaveText("seed 2");
    await widget.getByRole("combobox", { name: "Activation between layers" }).selectOption("tanh");
    await expect(widget.getByTestId("linear-collapse-bend")).toContainText(
      "With tanh between the layers",
    );

    await widget.getByRole("button", { name: "Reset" }).click();
    await expect(depth).toHaveValue("3");
    await expect(seed).toHaveText("seed 1");
    await expect(line).toHaveText(first);
    expect(errors).toEqual([]);
  });

  test("ForwardPass: Next layer computes each layer, with sums that add up; inputs recompute", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "the-forward-pass", "ForwardPass");
    const counter = widget.getByTestId("forward-pass-step");
    const description = widget.getByTestId("forward-pass-description");
    const controls = widget.getByRole("group", { name: "Forward pass controls" });
    await expect(counter).toHaveText("Layer 0 of 3");
    await expect(description).toContainText("Step 0 of 3: Input x = (1.00, −0.50)");
    await expect(controls.getByRole("button", { name: "Previous layer" })).toBeDisabled();

    await controls.getByRole("button", { name: "Next layer" }).click();
    await expect(counter).toHaveText("Layer 1 of 3");
    await expect(description).toContainText("Step 1 of 3: the hidden layer 1.");
    expect(await expectForwardPassSumsAddUp(widget)).toBe(3);
    const z1 = await textOf(widget.getByTestId("forward-pass-z-1"));

    // A new input: the layer on screen is computed again from it.
    await widget.getByRole("spinbutton", { name: "Input x₂" }).fill("1.5");
    await expect(widget.getByRole("slider", { name: "Input x₂" })).toHaveValue("1.5");
    await expect(widget.getByTestId("forward-pass-z-1")).not.toHaveText(z1);
    await expect(widget.locator("li", { hasText: /^z₁ = / })).toContainText("·1.50 + ");
    await expectForwardPassSumsAddUp(widget);

    await controls.getByRole("button", { name: "Next layer" }).click();
    await controls.getByRole("button", { name: "Next layer" }).click();
    await expect(counter).toHaveText("Layer 3 of 3");
    expect(await expectForwardPassSumsAddUp(widget)).toBe(1);
    const output = await textOf(widget.getByTestId("forward-pass-a-1"));
    await expect(description).toContainText(`The network's output is ŷ = (${output}).`);
    await expect(controls.getByRole("button", { name: "Next layer" })).toBeDisabled();

    await controls.getByRole("button", { name: "Reset" }).click();
    await expect(counter).toHaveText("Layer 0 of 3");
    await expect(widget.getByRole("spinbutton", { name: "Input x₂" })).toHaveValue("-0.5");
    expect(errors).toEqual([]);
  });

  test("LossExplorer: typed predictions change each example's loss and the mean", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "measuring-error", "LossExplorer");
    const description = widget.getByTestId("loss-explorer-description");
    // Predictions 1.5, 0, 0.5 for targets 2, −1, 0.5: (0.25 + 1 + 0) / 3.
    await expect(widget.getByTestId("mse-term-2")).toHaveText("1.00");
    await expect(widget.getByTestId("mse-total")).toHaveText("0.42");

    await widget.getByRole("spinbutton", { name: "Prediction ŷ₂ for example 2" }).fill("2.5");
    // (2.5 − (−1))² = 12.25; the mean (0.25 + 12.25 + 0) / 3 = 4.17.
    await expect(widget.getByTestId("mse-term-2")).toHaveText("12.25");
    await expect(widget.getByTestId("mse-total")).toHaveText("4.17");
    await expect(description).toContainText(
      "example 2: prediction 2.50 for target −1.00, squared error 12.25",
    );

    await widget.getByRole("spinbutton", { name: "Probability p₃ for example 3" }).fill("0.02");
    // A class-1 example at p = 0.02 costs −ln 0.02 = 3.91.
    await expect(widget.getByTestId("ce-term-3")).toHaveText((-Math.log(0.02)).toFixed(2));
    await expect(widget.getByTestId("harshest")).toContainText("Example 3 costs the most");
    const ce = (-Math.log(0.9) - Math.log(0.8) - Math.log(0.02) - Math.log(0.7)) / 4;
    await expect(widget.getByTestId("ce-total")).toHaveText(ce.toFixed(2));

    await widget.getByRole("button", { name: "Reset predictions" }).click();
    await expect(widget.getByTestId("mse-term-2")).toHaveText("1.00");
    await expect(
      widget.getByRole("spinbutton", { name: "Probability p₃ for example 3" }),
    ).toHaveValue("0.6");
    expect(errors).toEqual([]);
  });

  test("GradientDescent: Step writes out w ← w − η·slope with the right numbers; presets change η", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(
      page,
      "backpropagation-and-gradient-descent",
      "GradientDescent",
    );
    const panel = widget.getByTestId("gradient-descent-update");
    await widget.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(panel).toContainText("Step 0 of 40: the start");
    const start = /w = (\S+): loss (\S+), slope ∂L\/∂w = (\S+)/.exec(await linesOf(panel));
    expect(start).not.toBeNull();
    const w0 = num(start?.[1]);
    const slope = num(start?.[3]);

    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(panel).toContainText("Step 1 of 40");
    const text = await linesOf(panel);
    const update = /w ← w − η·∂L\/∂w = (\S+) − 0\.10·(\S+) = (\S+)/.exec(text);
    expect(update, text).not.toBeNull();
    expect(num(update?.[1])).toBeCloseTo(w0, 3);
    expect(num(update?.[2])).toBeCloseTo(slope, 3);
    // The new weight is the old one moved against the slope by η = 0.1.
    expect(Math.abs(num(update?.[3]) - (w0 - 0.1 * slope))).toBeLessThanOrEqual(0.0015);
    const losses = /Loss (\S+) → (\S+)/.exec(text);
    expect(num(losses?.[2])).toBeLessThan(num(losses?.[1]));
    await expect(widget.getByTestId("gradient-descent-description")).toContainText(
      "Learning rate 0.10. Step 1 of 40.",
    );

    const tooBig = widget.getByRole("button", { name: "Too big (η = 0.60)" });
    await tooBig.click();
    await expect(tooBig).toHaveAttribute("aria-pressed", "true");
    await expect(widget.getByText("⚠ Over w alone:")).toBeVisible();
    await expect(widget).toContainText("Diverged at step");
    await widget.getByRole("button", { name: "Reset", exact: true }).click();
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(panel).toContainText("Step 1 of");
    await expect(panel).toContainText("η·∂L/∂w = ");
    await expect(panel).toContainText("The loss went up");
    expect(errors).toEqual([]);
  });

  test("BackpropStepper: Next step computes ∂L/∂ŷ = 2(ŷ − y) from the loss step; Previous goes back", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(
      page,
      "backpropagation-and-gradient-descent",
      "BackpropStepper",
    );
    const controls = widget.getByRole("group", { name: "Backpropagation steps" });
    const counter = widget.getByTestId("backprop-step");
    const value = widget.getByTestId("backprop-value");
    await expect(counter).toHaveText("Step 1 of 17");
    const description = await textOf(widget.getByTestId("backprop-description"));
    const loss = /L = \(ŷ − y\)² = \((\S+) − (\S+)\)² = (\S+)/.exec(description);
    expect(loss, description).not.toBeNull();
    const yHat = num(loss?.[1]);
    const y = num(loss?.[2]);
    expect(y).toBe(1);
    expect(Math.abs(num(loss?.[3]) - (yHat - y) ** 2)).toBeLessThanOrEqual(0.002);
    await expect(value).toHaveText(`L = ${loss?.[3] ?? ""}`);

    await controls.getByRole("button", { name: "Next step" }).click();
    await expect(counter).toHaveText("Step 2 of 17");
    const dOut = /^∂L\/∂ŷ = (\S+)$/.exec(await textOf(value));
    expect(dOut).not.toBeNull();
    expect(Math.abs(num(dOut?.[1]) - 2 * (yHat - y))).toBeLessThanOrEqual(0.002);

    await controls.getByRole("button", { name: "Next step" }).click();
    await expect(counter).toHaveText("Step 3 of 17");
    await expect(value).toHaveText(/^∂L\/∂z\(ŷ\) = /);
    await controls.getByRole("button", { name: "Previous step" }).click();
    await expect(counter).toHaveText("Step 2 of 17");
    await expect(value).toHaveText(`∂L/∂ŷ = ${dOut?.[1] ?? ""}`);
    expect(errors).toEqual([]);
  });

  test("TrainingLoopDiagram: Next phase walks forward, loss, backprop, update, and the loss falls", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(
      page,
      "backpropagation-and-gradient-descent",
      "TrainingLoopDiagram",
    );
    const note = widget.getByTestId("training-loop-note");
    const next = widget.getByRole("button", { name: "Next phase" });
    await expect(widget.getByText("No loss measured yet.")).toBeVisible();
    await next.click();
    await expect(note).toContainText(/^Step 1, forward: the network made \d+ predictions/);
    await next.click();
    await expect(note).toContainText(/^Step 1, loss: the predictions are off by \d\.\d{3}/);
    await next.click();
    await expect(note).toContainText(/^Step 1, backprop:/);
    await next.click();
    await expect(note).toContainText("Next comes step 2.");
    for (let k = 0; k < 8; k++) await next.click();
    await expect(note).toContainText("Next comes step 4.");
    const list = widget.getByRole("list", { name: "Loss after each step" }).getByRole("listitem");
    await expect(list).toHaveCount(3);
    const losses = (await list.allTextContents()).map((t) => num(t.split(": ")[1]));
    expect(losses[1]).toBeLessThan(losses[0] ?? 0);
    expect(losses[2]).toBeLessThan(losses[1] ?? 0);

    await widget.getByRole("button", { name: "Reset" }).click();
    await expect(widget.getByText("No loss measured yet.")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("Playground: Step trains one batch and changes the loss; Reset goes back to step 0", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "why-deep-works", "Playground");
    const status = widget.getByTestId("playground-status");
    await expect(status).toHaveText(
      /^Step 0 · Training loss [\d.]+ · Test loss [\d.]+ · Test accuracy \d+%$/,
    );
    const initial = await textOf(status);
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(status).toContainText(/^Step 1 · /);
    // The run is seeded: one batch moves the losses and the accuracy away from the start's.
    const numbers = (text: string) => text.replace(/^Step [\d,]+ · /, "");
    expect(numbers(await textOf(status))).not.toBe(numbers(initial));
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(status).toContainText(/^Step 2 · /);

    await widget.getByRole("button", { name: "More neurons in layer 1" }).click();
    await expect(status).toContainText(/^Step 0 · /);
    await expect(page).toHaveURL(/[?&]pg=/);
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(status).toContainText(/^Step 1 · /);
    await widget.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(status).toContainText(/^Step 0 · /);
    expect(errors).toEqual([]);
  });

  test("DigitsDemo: Start training loads real digits, trains both networks and stops", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    const widget = await openWidget(page, "why-deep-works", "DigitsDemo");
    const summary = widget.getByTestId("digits-summary");
    await expect(summary).toHaveText("Not trained yet. Press Start training.");
    await expect(widget.getByTestId("digits-shallow-accuracy")).toHaveText("Test accuracy —");

    await widget.getByRole("button", { name: "Start training" }).click();
    await expect(summary).toHaveText(/^After [1-9][\d,]* of [\d,]+ steps/, { timeout: 60_000 });
    const stop = widget.getByRole("button", { name: "Stop" });
    if (await stop.isVisible()) await stop.click();
    await expect(widget.getByRole("button", { name: /^(Continue|Finished)$/ })).toBeVisible();
    const stopped = await textOf(summary);
    expect(stopped).toMatch(
      /^After [\d,]+ of [\d,]+ steps, share of the 200 test digits recognised: no hidden layer \d+%, two hidden layers \d+%\.$/,
    );
    await expect(widget.getByTestId("digits-shallow-accuracy")).toHaveText(/^Test accuracy \d+%$/);
    await expect(widget.getByTestId("digits-deep-accuracy")).toHaveText(/^Test accuracy \d+%$/);
    // Stopped means stopped: the step count stays put.
    await page.waitForTimeout(500);
    await expect(summary).toHaveText(stopped);
    const guesses = widget.getByRole("region", { name: "Their guesses on some test digits" });
    await expect(guesses.getByRole("listitem").first()).toContainText(/A handwritten \d\./);
    expect(errors).toEqual([]);
  });

  test("HistoryTimeline: the three milestones in time order", async ({ page }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "summary", "HistoryTimeline");
    // A figure without controls: what the learner reads is the list itself.
    const items = widget
      .getByRole("list", { name: "Three milestones of neural networks" })
      .getByRole("listitem");
    await expect(items).toHaveCount(3);
    await expect(items.locator("time")).toHaveText(["1957", "1986", "2012"]);
    await expect(items.nth(0)).toContainText("The perceptron: a neuron that learns");
    await expect(items.nth(2)).toContainText("Deep networks on GPUs win ImageNet");
    expect(errors).toEqual([]);
  });
});

test.describe("widgets, by keyboard alone", () => {
  // Tabbing from the top of a lesson to a widget takes up to a few hundred key presses.
  test.describe.configure({ timeout: 90_000 });

  test("NeuronTuner: Tab to the weight slider, arrows change it, arrows pick an activation", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "a-single-neuron", "NeuronTuner");
    const z = widget.getByTestId("neuron-z");
    const a = widget.getByTestId("neuron-a");
    const slider = widget.getByRole("slider", { name: "Weight w₁" });
    await tabTo(page, slider);
    await expectVisibleFocus(slider);
    // Four steps of 0.05: w₁ from 0.8 to 1, so z = 0.05 + 0.2 = 0.25.
    for (let k = 0; k < 4; k++) await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveValue("1");
    await expect(z).toHaveText("0.25");
    await expect(a).toHaveText("0.25");

    const box = widget.getByRole("spinbutton", { name: "Weight w₁" });
    await page.keyboard.press("Tab");
    await expectVisibleFocus(box);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("-1");
    // −1·1 − 0.5·2 + 0.3·0.5 + 0.1 = −1.75.
    await expect(z).toHaveText("−1.75");
    await expect(a).toHaveText("0.00");

    const picker = widget.getByRole("combobox", { name: "Activation f" });
    await tabTo(page, picker, { max: 10 });
    await expectVisibleFocus(picker);
    await page.keyboard.press("ArrowDown");
    await expect(picker).toHaveValue("sigmoid");
    await expect(a).toHaveText(sigmoid(-1.75).toFixed(2));

    const reset = widget.getByRole("button", { name: "Reset" });
    await tabTo(page, reset, { max: 3 });
    await expectVisibleFocus(reset);
    await page.keyboard.press("Enter");
    await expect(z).toHaveText("0.05");
    expect(errors).toEqual([]);
  });

  test("ActivationExplorer: arrows move the layout choice and the z marker", async ({ page }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "activation-functions", "ActivationExplorer");
    const cells = (name: string) =>
      widget.getByRole("row", { name: new RegExp(`^${name}\\b`) }).getByRole("cell");
    const sideBySide = widget.getByRole("radio", { name: "Side by side" });
    await tabTo(page, sideBySide);
    await expectVisibleFocus(sideBySide);
    await page.keyboard.press("ArrowLeft");
    await expect(widget.getByRole("radio", { name: "Shared axes" })).toBeChecked();

    const slider = widget.getByRole("slider", { name: "z marker" });
    await tabTo(page, slider, { max: 5 });
    await expectVisibleFocus(slider);
    for (let k = 0; k < 5; k++) await page.keyboard.press("ArrowRight");
    await expect(widget.getByText("Values at z = 1.50")).toBeVisible();
    await expect(cells("tanh")).toHaveText([
      Math.tanh(1.5).toFixed(2),
      (1 - Math.tanh(1.5) ** 2).toFixed(2),
    ]);
    await expect(cells("sigmoid")).toHaveText([
      sigmoid(1.5).toFixed(2),
      (sigmoid(1.5) * (1 - sigmoid(1.5))).toFixed(2),
    ]);
    // Page Down jumps a whole unit of z: 1.5 − 1 − 1 = −0.5.
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await expect(widget.getByText("Values at z = −0.50")).toBeVisible();
    await expect(cells("ReLU")).toHaveText(["0.00", "0.00"]);
    await expect(slider).toHaveAttribute("aria-valuetext", "z = −0.50");
    expect(errors).toEqual([]);
  });

  test("ForwardPass: Enter and Space step through the layers", async ({ page }) => {
    const errors = watchErrors(page);
    const widget = await openWidget(page, "the-forward-pass", "ForwardPass");
    const counter = widget.getByTestId("forward-pass-step");
    const next = widget.getByRole("button", { name: "Next layer" });
    await tabTo(page, next);
    await expectVisibleFocus(next);
    await page.keyboard.press("Enter");
    await expect(counter).toHaveText("Layer 1 of 3");
    await expectForwardPassSumsAddUp(widget);
    await page.keyboard.press("Space");
    await expect(counter).toHaveText("Layer 2 of 3");
    await expect(widget.getByTestId("forward-pass-description")).toContainText(
      "Step 2 of 3: the hidden layer 2.",
    );
    await expectForwardPassSumsAddUp(widget);

    // Back one layer, from the button before.
    const previous = widget.getByRole("button", { name: "Previous layer" });
    await page.keyboard.press("Shift+Tab");
    await expectVisibleFocus(previous);
    await page.keyboard.press("Enter");
    await expect(counter).toHaveText("Layer 1 of 3");
    expect(errors).toEqual([]);
  });

  test("BackpropStepper and TrainingLoopDiagram: Enter and Space advance them", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const stepper = await openWidget(
      page,
      "backpropagation-and-gradient-descent",
      "BackpropStepper",
    );
    const next = stepper.getByRole("button", { name: "Next step" });
    await tabTo(page, next);
    await expectVisibleFocus(next);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await expect(stepper.getByTestId("backprop-step")).toHaveText("Step 4 of 17");
    await expect(stepper.getByTestId("backprop-value")).toHaveText(/^∂L\/∂w\(h₁→ŷ\) = /);
    await expect(stepper.getByTestId("backprop-description")).toContainText(
      "On the graph: the connection from h₁ to ŷ.",
    );

    const loop = await loadWidget(page.locator('[data-widget="TrainingLoopDiagram"]'));
    const phase = loop.getByRole("button", { name: "Next phase" });
    await tabTo(page, phase);
    await expectVisibleFocus(phase);
    for (let k = 0; k < 8; k++) await page.keyboard.press(k % 2 === 0 ? "Enter" : "Space");
    await expect(loop.getByTestId("training-loop-note")).toContainText("Next comes step 3.");
    await expect(
      loop.getByRole("list", { name: "Loss after each step" }).getByRole("listitem"),
    ).toHaveCount(2);
    expect(errors).toEqual([]);
  });
});

test("the playground trains XOR to 100% from a fresh page", async ({ page, browser }) => {
  test.setTimeout(150_000);
  // `page` lives in a context of its own (Playwright's default): no stored progress, no URL state.
  const errors = watchErrors(page);
  const widget = await openWidget(page, "why-deep-works", "Playground");
  const dataset = widget.getByRole("combobox", { name: "Dataset" });
  await dataset.selectOption("xor");
  await expect(dataset).toHaveValue("xor");
  const status = widget.getByTestId("playground-status");
  await expect(status).toContainText(/^Step 0 · /);

  await widget.getByRole("button", { name: "Play" }).click();
  await expect(status).toContainText("Test accuracy 100%", { timeout: 90_000 });
  await widget.getByRole("button", { name: "Pause" }).click();
  await expect(widget.getByRole("button", { name: "Play" })).toBeVisible();
  const paused = await textOf(status);
  expect(/^Step ([\d,]+)/.exec(paused)?.[1]).not.toBe("0");
  await page.waitForTimeout(500);
  await expect(status).toHaveText(paused);

  await expect(page).toHaveURL(/[?&]pg=[^&#]*data-xor/);
  const pg = new URL(page.url()).searchParams.get("pg");
  expect(pg).toContain("data-xor");

  // The link alone brings XOR back, in a new context (same screen) that has seen nothing before.
  const other = await browser.newContext(sameDevice());
  const shared = await other.newPage();
  const sharedErrors = watchErrors(shared);
  await shared.goto(page.url());
  const restored = await loadWidget(
    shared.locator('[data-widget="Playground"]:not(section[id^="exercise-"] *)').first(),
  );
  await expect(restored.getByRole("combobox", { name: "Dataset" })).toHaveValue("xor");
  await expect(restored.getByTestId("playground-status")).toContainText(/^Step 0 · /);
  expect(errors).toEqual([]);
  expect(sharedErrors).toEqual([]);
  await other.close();
});

test.describe("exercises with widgets", () => {
  test.describe.configure({ timeout: 60_000 });

  test("the goal exercise: a separating line is right, all zeros is wrong", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("/course/a-single-neuron#exercise-neuron-separate");
    const card = page.locator("#exercise-neuron-separate");
    const widget = await loadWidget(card.locator('[data-widget="SeparatorGoal"]'));
    const count = widget.getByTestId("separator-count");
    await widget.getByRole("spinbutton", { name: "Weight w₁" }).fill("1");
    await widget.getByRole("spinbutton", { name: "Weight w₂" }).fill("-1");
    await widget.getByRole("spinbutton", { name: "Bias b" }).fill("0");
    // z = x₁ − x₂ is positive at every class-1 point and negative at every class-0 point.
    await expect(count).toHaveText(
      "12 of 12 points on the right side — the line separates the two classes.",
    );
    await expect(widget.getByTestId("separator-description")).toContainText(
      "Every point is on its own class's side.",
    );
    await card.getByRole("button", { name: "Check my set-up" }).click();
    await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "right");

    await widget.getByRole("spinbutton", { name: "Weight w₁" }).fill("0");
    await widget.getByRole("spinbutton", { name: "Weight w₂" }).fill("0");
    await widget.getByRole("spinbutton", { name: "Bias b" }).fill("0");
    // a = sigmoid(0) = 0.5 everywhere: every point says class 1, so only the six 1s are right.
    await expect(count).toHaveText("6 of 12 points on the right side.");
    await card.getByRole("button", { name: "Check my set-up" }).click();
    await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "wrong");
    expect(errors).toEqual([]);
  });

  test("the predict exercise: lock in a guess, see the result, then the figure loads", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto("/course/activation-functions#exercise-act-collapse-predict");
    const card = page.locator("#exercise-act-collapse-predict");
    await expect(card.locator("[data-widget]")).toHaveCount(0);
    await card.getByRole("button", { name: "Lock in my prediction" }).click();
    await expect(card.getByRole("alert")).toHaveText("Commit to a prediction first.");

    await card
      .getByRole("radio", { name: "A straight line, whatever the random weights are" })
      .check();
    await card.getByRole("button", { name: "Lock in my prediction" }).click();
    await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "right");
    await expect(card.getByRole("radio").first()).toBeDisabled();
    await expect(card.getByRole("button", { name: "Lock in my prediction" })).toHaveCount(0);

    const figure = await loadWidget(card.locator('[data-widget="CollapseDemo"]'));
    // The exercise's own stack: five hidden layers of six, seed 7.
    await expect(figure.getByRole("combobox", { name: "Hidden layers" })).toHaveValue("5");
    await expect(figure.getByTestId("linear-collapse-seed")).toHaveText("seed 7");
    await expect(figure.getByTestId("linear-collapse-line")).toContainText(
      "the 1 → 6 → 6 → 6 → 6 → 6 → 1 stack",
    );
    await figure.getByRole("button", { name: "Reseed weights" }).click();
    await expect(figure.getByTestId("linear-collapse-seed")).toHaveText("seed 8");
    await expect(figure.getByTestId("linear-collapse-line")).toContainText("a straight line");
    expect(errors).toEqual([]);
  });
});

test("a whole lesson by keyboard alone: the introduction's three exercises, then done", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto("/course/introduction");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const press = async (key: string, target: Locator) => {
    await expectVisibleFocus(target);
    await page.keyboard.press(key);
  };

  // 1. One choice: Tab into the group, arrows pick, Space keeps the first option.
  const numbers = page.locator("#exercise-intro-numbers");
  const pixels = numbers.getByRole("radio", { name: /^As a long list of numbers/ });
  await tabTo(page, pixels);
  await press("ArrowDown", pixels);
  await expect(numbers.getByRole("radio", { name: /^As a picture/ })).toBeChecked();
  await press("ArrowUp", numbers.getByRole("radio", { name: /^As a picture/ }));
  await expect(pixels).toBeChecked();
  const checkNumbers = numbers.getByRole("button", { name: "Check my answer" });
  await tabTo(page, checkNumbers, { max: 5 });
  await press("Enter", checkNumbers);
  await expect(numbers.locator("[data-result]")).toHaveAttribute("data-result", "right");

  // 2. A number: w × 3 = 12.
  const weight = page.locator("#exercise-intro-find-weight");
  const box = weight.getByRole("textbox", { name: /^Your answer/ });
  await tabTo(page, box);
  await expectVisibleFocus(box);
  await page.keyboard.type("4");
  await expect(box).toHaveValue("4");
  const checkWeight = weight.getByRole("button", { name: "Check my answer" });
  await tabTo(page, checkWeight, { max: 5 });
  await press("Space", checkWeight);
  await expect(weight.locator("[data-result]")).toHaveAttribute("data-result", "right");

  // 3. Several choices: Tab through every box, Space on the three right ones.
  const picture = page.locator("#exercise-intro-big-picture");
  const right = [/^A network is a function/, /^Learning means adjusting/, /^Inside, it is mostly/];
  for (const name of right) {
    const option = picture.getByRole("checkbox", { name });
    await tabTo(page, option, { max: 10 });
    await press("Space", option);
    await expect(option).toBeChecked();
  }
  await expect(
    picture.getByRole("checkbox", { name: /^A network is a small copy/ }),
  ).not.toBeChecked();
  const checkPicture = picture.getByRole("button", { name: "Check my answer" });
  await tabTo(page, checkPicture, { max: 10 });
  await press("Enter", checkPicture);
  await expect(picture.locator("[data-result]")).toHaveAttribute("data-result", "right");

  const finish = page.getByRole("region", { name: "Your progress in this lesson" });
  await expect(finish).toContainText("3 of 3 exercises solved.");
  const done = finish.getByRole("button", { name: "Mark this lesson as done" });
  await tabTo(page, done);
  await press("Enter", done);
  await expect(finish.getByRole("button", { name: "Mark as not done" })).toBeVisible();
  await expect(finish).toContainText("Lesson marked as done");

  await page.goto("/course");
  const progress = page.locator("[data-lesson-progress='introduction']");
  await expect(progress).toContainText("Done");
  await expect(progress).toContainText("3 of 3 exercises solved");
  expect(errors).toEqual([]);
});
