import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";
import { countOpaquePixels } from "./canvas";

test.use({ reducedMotion: "reduce" });

const description = (page: Page) => page.locator("figure [aria-live='polite']").first();
const status = (page: Page) => page.getByText(/^Step [\d,]+/);

async function open(page: Page) {
  await page.goto("/gallery/loss-curve");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1, name: "Loss curve" })).toBeVisible();
  // 1,500 seeded warm-up steps are rendered on the server and drawn once React has attached.
  await expect(description(page)).toContainText("from step 0 to step 1,500");
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(500);
}

function paintedPixels(page: Page): Promise<number> {
  return countOpaquePixels(page.locator("figure canvas"));
}

/** Pixels of the canvas close to the training curve's colour (the theme's --viz-positive). */
function trainPixels(page: Page): Promise<number> {
  return page.locator("figure canvas").evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const probe = document.createElement("span");
    probe.style.color = getComputedStyle(canvas).getPropertyValue("--viz-positive");
    document.body.append(probe);
    const [r, g, b] = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
    probe.remove();
    const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < (data?.length ?? 0); i += 4) {
      const d =
        Math.abs((data?.[i] ?? 0) - (r ?? 0)) +
        Math.abs((data?.[i + 1] ?? 0) - (g ?? 0)) +
        Math.abs((data?.[i + 2] ?? 0) - (b ?? 0));
      if (d < 40 && (data?.[i + 3] ?? 0) > 200) n++;
    }
    return n;
  });
}

test("training streams losses into the curve, its text and its legend", async ({ page }) => {
  await open(page);
  expect(await trainPixels(page)).toBeGreaterThan(100);
  await page.getByRole("button", { name: "Train" }).click();
  await expect(page.getByRole("button", { name: "Pause training" })).toBeVisible();
  await expect
    .poll(async () =>
      Number((await status(page).textContent())?.match(/[\d,]+/)?.[0]?.replace(/,/g, "")),
    )
    .toBeGreaterThan(1_700);
  await page.getByRole("button", { name: "Pause training" }).click();
  await expect(status(page)).toContainText(/last redraw [\d.]+ ms for [\d,]+ points/);
  const step = Number((await status(page).textContent())?.match(/[\d,]+/)?.[0]?.replace(/,/g, ""));
  // The spoken text catches up within its two-second throttle.
  await expect(description(page)).toContainText(`training loss`, { timeout: 5000 });
  await expect(description(page)).toContainText(`to step ${step.toLocaleString("en")}.`, {
    timeout: 5000,
  });
  await expect(description(page)).toContainText(/Training loss is (falling|flat|rising)\./);
  await expect(page.getByText(/^training loss \d/)).toBeVisible();
  await expect(page.getByText(/^test loss \d/)).toBeVisible();
});

test("the scale switch works by keyboard and redraws the curve", async ({ page }) => {
  await open(page);
  const linear = page.getByRole("radio", { name: "Linear" });
  const log = page.getByRole("radio", { name: "Logarithmic" });
  await expect(linear).toBeChecked();
  const before = await page
    .locator("figure canvas")
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  await linear.focus();
  await page.keyboard.press("ArrowRight");
  await expect(log).toBeChecked();
  await expect(log).toBeFocused();
  await expect(description(page)).toContainText("Loss curve on a logarithmic scale", {
    timeout: 5000,
  });
  await expect
    .poll(() => page.locator("figure canvas").evaluate((c) => (c as HTMLCanvasElement).toDataURL()))
    .not.toBe(before);
  await page.keyboard.press("ArrowLeft");
  await expect(linear).toBeChecked();
});

test("100,000 streamed points are drawn, and reset starts over", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Stream 100,000 synthetic points" }).click();
  await expect(status(page)).toContainText("Step 100,000", { timeout: 20_000 });
  await expect(description(page)).toContainText("from step 1 to step 100,000", { timeout: 5000 });
  await expect(description(page)).toContainText("test loss");
  await expect(page.getByText("Synthetic stress test", { exact: false })).toBeVisible();
  expect(await trainPixels(page)).toBeGreaterThan(200);

  // Reset starts a new network: only its untrained loss, at step 0, remains.
  await page.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Enter");
  await expect(description(page)).toContainText("from step 0 to step 0.", { timeout: 5000 });
  await expect(status(page)).toHaveText(/^Step 0(?![\d,])/);
  await expect(page.getByRole("button", { name: "Train" })).toBeEnabled();
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("looks right and has no serious axe-core violations", async ({ page }) => {
      await open(page);
      await expect(page.locator("html")).toHaveClass(
        colorScheme === "dark" ? /dark/ : /^(?!.*dark)/,
      );
      await expect(page.getByRole("region", { name: "Live example" })).toHaveScreenshot(
        `loss-curve-${colorScheme}.png`,
        // The status line prints the measured redraw time, which differs run to run.
        { maxDiffPixelRatio: 0.01, animations: "disabled", mask: [status(page)] },
      );
      await expectNoSeriousA11yViolations(page);
    });
  });
}
