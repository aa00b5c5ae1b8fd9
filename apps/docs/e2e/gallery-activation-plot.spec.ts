import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";

test.use({ reducedMotion: "reduce" });

const description = (page: Page) => page.locator("figure [aria-live='polite']").first();
const slider = (page: Page) => page.getByRole("slider", { name: "z marker" });
const readout = (page: Page) => page.getByRole("table", { name: /^Values at z/ });
const cell = (page: Page, curve: string, column: 1 | 2) =>
  readout(page)
    .getByRole("row", { name: new RegExp(`^${curve}\\b`) })
    .getByRole("cell")
    .nth(column - 1);

async function open(page: Page) {
  await page.goto("/gallery/activation-plot");
  // The numbers are rendered on the server; wait for React to attach before driving the figure.
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1, name: "Activation plot" })).toBeVisible();
  await expect(cell(page, "sigmoid", 1)).toHaveText("0.73");
}

/** Where z falls on the overlay: the plot's inner area starts 52 px in and ends 14 px early. */
async function overlayPointFor(page: Page, z: number) {
  const box = await page.getByTestId("activation-plot-drawing").boundingBox();
  if (!box) throw new Error("The plot is not laid out.");
  const inner = box.width - 52 - 14;
  return { x: box.x + 52 + ((z + 4) / 8) * inner, y: box.y + box.height / 2 };
}

test("dragging across the plot moves the marker and reads off f(z) and f′(z)", async ({ page }) => {
  await open(page);
  const start = await overlayPointFor(page, 0);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await expect(slider(page)).toHaveValue("0");
  await expect(cell(page, "sigmoid", 1)).toHaveText("0.50");
  await expect(cell(page, "sigmoid", 2)).toHaveText("0.25");
  const end = await overlayPointFor(page, -2);
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
  await expect(slider(page)).toHaveValue("-2");
  await expect(cell(page, "ReLU", 1)).toHaveText("0.00");
  await expect(cell(page, "ReLU", 2)).toHaveText("0.00");
  await expect(cell(page, "leaky ReLU", 1)).toHaveText("−0.02");
  await expect(cell(page, "tanh", 1)).toHaveText("−0.96");
  await expect(description(page)).toContainText(
    "At z = −2.00: ReLU(z) = 0.00 with slope f′(z) = 0.00",
  );
});

test("the z slider works by keyboard", async ({ page }) => {
  await open(page);
  await slider(page).focus();
  await page.keyboard.press("End");
  await expect(slider(page)).toHaveValue("4");
  await expect(cell(page, "ReLU", 1)).toHaveText("4.00");
  await page.keyboard.press("PageDown");
  await expect(slider(page)).toHaveValue("3");
  await page.keyboard.press("ArrowLeft");
  await expect(slider(page)).toHaveValue("2.9");
  await expect(slider(page)).toHaveAttribute("aria-valuetext", "z = 2.90");
  await page.keyboard.press("Home");
  await expect(slider(page)).toHaveValue("-4");
  await page.keyboard.press("PageUp");
  await expect(slider(page)).toHaveValue("-3");
  await expect(description(page)).toContainText("At z = −3.00");
  await expect(page.locator("svg text").filter({ hasText: "z = −3.00" })).toHaveCount(1);
});

test("side by side: one panel per chosen curve, dragging any of them", async ({ page }) => {
  await open(page);
  await page.getByRole("radio", { name: "Side by side" }).check();
  await page.getByRole("checkbox", { name: "linear" }).uncheck();
  const drawing = page.getByTestId("activation-plot-drawing");
  await expect(drawing.locator("text[font-weight='600']")).toHaveText([
    "ReLU",
    "sigmoid",
    "tanh",
    "leaky ReLU",
  ]);
  await expect(readout(page).getByRole("row")).toHaveCount(5);
  // The last panel's left edge of its plot area is z = −4.
  const panels = drawing.locator(":scope > g");
  await panels.last().scrollIntoViewIfNeeded();
  const last = await panels.last().boundingBox();
  if (!last) throw new Error("No panel laid out.");
  await page.mouse.click(last.x + 40, last.y + 80);
  await expect(slider(page)).toHaveValue("-4");
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("looks right and has no serious axe-core violations", async ({ page }) => {
      await open(page);
      await expect(page.locator("html")).toHaveClass(
        colorScheme === "dark" ? /dark/ : /^(?!.*dark)/,
      );
      const example = page.getByRole("region", { name: "Live example" });
      await expect(example).toHaveScreenshot(`activation-plot-${colorScheme}.png`, {
        maxDiffPixelRatio: 0.01,
        animations: "disabled",
      });
      const sideBySide = page.getByRole("radio", { name: "Side by side" });
      await sideBySide.check();
      await expect(example).toHaveScreenshot(`activation-plot-side-by-side-${colorScheme}.png`, {
        maxDiffPixelRatio: 0.01,
        animations: "disabled",
      });
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("radio", { name: "Shared axes" }).check();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
