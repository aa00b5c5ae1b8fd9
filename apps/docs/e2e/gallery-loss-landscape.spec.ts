import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";
import { countOpaquePixels } from "./canvas";

test.use({ reducedMotion: "reduce" });

const description = (page: Page) => page.locator("figure [aria-live='polite']").first();
const rate = (page: Page) => page.getByRole("slider", { name: /^Learning rate/ });

async function open(page: Page) {
  await page.goto("/gallery/loss-landscape");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1, name: "Loss landscape" })).toBeVisible();
  await expect(description(page)).toContainText("it starts at w = −1.50, b = 2.50 with loss 5.31");
  // The heatmap is painted once React has attached.
  await expect.poll(() => heatmapPixels(page)).toBeGreaterThan(1000);
}

function heatmapPixels(page: Page): Promise<number> {
  return countOpaquePixels(page.locator("figure canvas"), 255);
}

test("the learning rate by keyboard: too large diverges, too small crawls", async ({ page }) => {
  await open(page);
  await expect(page.getByText(/^Over w and b: Converged: it walks straight down/)).toBeVisible();
  await rate(page).focus();
  await page.keyboard.press("End");
  await expect(rate(page)).toHaveAttribute("aria-valuetext", "learning rate 0.50");
  await expect(
    page.getByText(/^⚠ Over w and b: Diverged at step \d+: every step overshoots/),
  ).toBeVisible();
  await expect(description(page)).toContainText(/Diverged at step \d+/);

  await page.keyboard.press("Home");
  await expect(rate(page)).toHaveAttribute("aria-valuetext", "learning rate 0.0050");
  await expect(
    page.getByText(/^Over w (and b|alone): Crawling: the steps are so small/),
  ).toHaveCount(2);
  await page.keyboard.press("ArrowRight");
  await expect(rate(page)).toHaveAttribute("aria-valuetext", /learning rate 0\.005\d/);
});

test("presets and the step buttons with the mouse; Play jumps to the end", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Zig-zag (0.3)" }).click();
  await expect(page.getByRole("button", { name: "Zig-zag (0.3)" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(rate(page)).toHaveAttribute("aria-valuetext", "learning rate 0.30");
  await expect(page.getByText(/^Over w and b: Zig-zag: the steps overshoot/)).toBeVisible();

  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByText(/^Step 0 of 40/)).toBeVisible();
  await expect(description(page)).toContainText("after 0 of 40 steps it is at w = −1.50, b = 2.50");
  await page.getByRole("button", { name: "Step", exact: true }).click();
  await page.getByRole("button", { name: "Step", exact: true }).click();
  await expect(page.getByText(/^Step 2 of 40/)).toBeVisible();
  await expect(description(page)).toContainText("after 2 of 40 steps");
  // Reduced motion: Play shows the whole walk at once instead of animating it.
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByText(/^Step 40 of 40/)).toBeVisible();
});

test("the starting point moves by keyboard and by clicking the map", async ({ page }) => {
  await open(page);
  const startW = page.getByRole("slider", { name: /^Start w/ });
  await startW.focus();
  await page.keyboard.press("ArrowRight");
  await expect(startW).toHaveAttribute("aria-valuetext", "start w = −1.45");
  await expect(description(page)).toContainText("it starts at w = −1.45, b = 2.50");
  const startB = page.getByRole("slider", { name: /^Start b/ });
  await page.keyboard.press("Tab");
  await expect(startB).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(description(page)).toContainText("it starts at w = −1.45, b = 2.45");
  await expect(page.getByText("Loss over w alone (b held at 2.45)")).toBeVisible();

  // Clicking the middle of the map starts the walk there (the map spans w −2…3.75, b −2.25…3.25).
  const map = page.locator("figure svg").nth(1);
  const box = await map.boundingBox();
  if (!box) throw new Error("The map is not laid out.");
  await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
  await expect(description(page)).not.toContainText("it starts at w = −1.45");
  const text = (await startW.getAttribute("aria-valuetext")) ?? "";
  const w = Number(text.replace("start w = ", "").replace("−", "-"));
  expect(w).toBeGreaterThan(-0.5);
  expect(w).toBeLessThan(2.5);
});

test("a custom loss replaces the engine's", async ({ page }) => {
  await open(page);
  await page.getByRole("combobox", { name: "Loss" }).selectOption("valley");
  await expect(description(page)).toContainText("Loss landscape of a narrow valley");
  await expect(page.getByText("Loss over u and v")).toBeVisible();
  await page.getByRole("combobox", { name: "Panels" }).selectOption("two");
  await expect(page.getByText("Loss over u alone", { exact: false })).toHaveCount(0);
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
        `loss-landscape-${colorScheme}.png`,
        { maxDiffPixelRatio: 0.01, animations: "disabled" },
      );
      await expectNoSeriousA11yViolations(page);
    });
  });
}
