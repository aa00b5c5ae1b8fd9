import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Locator, type Page } from "@playwright/test";

const PATH = "/gallery/decision-boundary";

/** The figure's text alternative: the polite live region its aria-describedby points at. */
async function description(page: Page): Promise<string> {
  const figure = page.getByRole("figure");
  const id = await figure.getAttribute("aria-describedby");
  return (await page.locator(`[id="${id ?? ""}"]`).textContent()) ?? "";
}

/** A fingerprint of the canvas pixels, to tell whether the drawing changed. */
async function canvasPixels(page: Page): Promise<string> {
  return page
    .getByRole("figure")
    .locator("canvas")
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext("2d");
      if (!ctx) return "";
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0;
      for (let k = 0; k < data.length; k += 7) hash = (hash * 31 + (data[k] ?? 0)) | 0;
      return `${canvas.width}x${canvas.height}:${hash}`;
    });
}

/**
 * The plot's box once it has been measured: the server renders it at full size, and a narrow
 * screen shrinks it right after hydration.
 */
async function settledBox(page: Page, locator: Locator) {
  const viewport = page.viewportSize()?.width ?? Infinity;
  let previous = await locator.boundingBox();
  for (let tries = 0; tries < 50; tries++) {
    await page.waitForTimeout(100);
    const box = await locator.boundingBox();
    if (box && previous?.width === box.width && box.x + box.width <= viewport) return box;
    previous = box;
  }
  throw new Error("The plot never settled to its measured size.");
}

test.use({ reducedMotion: "reduce" });

test("the probe moves by keyboard and reads the model's output", async ({ page }) => {
  await page.goto(PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Decision boundary" })).toBeVisible();
  const probe = page.getByRole("slider", { name: "Output probe" });
  await probe.focus();
  await expect(probe).toHaveAttribute("aria-valuenow", "0");
  await expect(probe).toHaveAttribute(
    "aria-valuetext",
    /^x₁ = 0\.00, x₂ = 0\.00: output \d\.\d\d, class [01]$/,
  );
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowUp");
  await expect(probe).toHaveAttribute("aria-valuenow", "0.2");
  await expect(probe).toHaveAttribute("aria-valuetext", /^x₁ = 0\.20, x₂ = 0\.50: output /);
  await expect(page.getByText(/^Probe at x₁ = 0\.20, x₂ = 0\.50: output \d\.\d\d/)).toBeVisible();
  await page.keyboard.press("End");
  await expect(probe).toHaveAttribute("aria-valuenow", "1.2");
});

// At phone size too: a tap pins the probe.
test(
  "the pointer reads the output under it and a click pins the probe",
  { tag: "@phone" },
  async ({ page, isMobile }) => {
    await page.goto(PATH);
    const probe = page.getByRole("slider", { name: "Output probe" });
    const box = await settledBox(page, probe);
    if (!isMobile) {
      await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25);
      await expect(page.getByText(/^Pointer at x₁ = 0\.\d\d, x₂ = 0\.\d\d: output /)).toBeVisible();
    }
    // The bottom-left corner of the plot is (−1.2, −1.2).
    await probe.click({ position: { x: 1, y: box.height - 1 } });
    await expect(probe).toHaveAttribute(
      "aria-valuetext",
      /^x₁ = −1\.(19|20), x₂ = −1\.(19|20): output /,
    );
  },
);

test("training steps change the boundary, its picture and its description", async ({ page }) => {
  test.setTimeout(75_000);
  await page.goto(PATH);
  await expect(page.getByText(/^Step 0 · /)).toBeVisible();
  const before = await description(page);
  expect(before).toContain("Training accuracy");
  expect(before).toMatch(/It puts \d+% of the plane in class 1 \(purple\)/);
  expect(before).toContain("240 training points (filled) and 60 test points (hollow)");
  const pixels = await canvasPixels(page);

  await page.getByRole("button", { name: "Play" }).click();
  // Steps per frame depend on the machine: wait for the learnt boundary, however long it takes
  // here, rather than for a fixed number of steps. The description follows within a second.
  await expect
    .poll(() => description(page), { timeout: 45_000 })
    .toMatch(/Training accuracy (9\d|100)%/);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  await expect(page.getByText(/^Step (\d{3,}) · /)).toBeVisible();
  expect(await canvasPixels(page)).not.toBe(pixels);

  const step = page.getByRole("button", { name: "Step" });
  const status = page.getByText(/^Step \d+ · /);
  const count = Number(/^Step (\d+)/.exec((await status.textContent()) ?? "")?.[1]);
  await step.click();
  await expect(status).toContainText(`Step ${count + 1} ·`);
});

test("discretising and the boundary line redraw the picture; a new dataset a new one", async ({
  page,
}) => {
  await page.goto(PATH);
  const pixels = await canvasPixels(page);
  await page.getByLabel("Discretise output").check();
  await expect.poll(() => canvasPixels(page)).not.toBe(pixels);
  const discrete = await canvasPixels(page);
  await page.getByLabel("Show boundary line").uncheck();
  await expect.poll(() => canvasPixels(page)).not.toBe(discrete);

  const before = await description(page);
  await page.getByLabel("Dataset").selectOption({ label: "XOR" });
  await expect.poll(() => canvasPixels(page)).not.toBe(discrete);
  await expect.poll(() => description(page), { timeout: 5000 }).not.toBe(before);

  await page.getByLabel(/^Noise/).fill("0.5");
  await expect(page.getByText(/^Noise 0\.50$/)).toBeVisible();
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`looks right (${colorScheme})`, async ({ page }) => {
      await page.goto(PATH);
      const figure = page.getByRole("figure");
      await expect(figure.locator("canvas")).toBeVisible();
      await expect(figure).toHaveScreenshot(`decision-boundary-${colorScheme}.png`, {
        maxDiffPixelRatio: 0.01,
        animations: "disabled",
      });
    });

    test(`has no serious or critical axe-core violations (${colorScheme})`, async ({ page }) => {
      await page.goto(PATH);
      await expect(page.getByRole("slider", { name: "Output probe" })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
