import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Locator, type Page } from "@playwright/test";

const PATH = "/gallery/weight-matrix";

function parts(page: Page) {
  const figure = page.getByRole("figure").first();
  return {
    figure,
    heatmap: page.getByRole("application"),
    readout: page.getByTestId("weight-matrix-readout"),
    description: page.getByTestId("weight-matrix-description"),
    status: page.getByTestId("weight-matrix-status"),
    canvas: figure.locator("canvas"),
  };
}

/** RGB of the canvas pixel at the centre of cell (row, column), in device pixels. */
async function cellColour(canvas: Locator, row: number, column: number, columns: number) {
  return canvas.evaluate(
    (element, [r, c, n]) => {
      const el = element as HTMLCanvasElement;
      const cell = el.width / n;
      const data = el
        .getContext("2d")
        ?.getImageData(Math.floor((c + 0.5) * cell), Math.floor((r + 0.5) * cell), 1, 1).data;
      return data ? [data[0], data[1], data[2]] : null;
    },
    [row, column, columns] as const,
  );
}

test("the pointer reads a cell, and training changes the weights and the colours", async ({
  page,
}) => {
  await page.goto(PATH);
  const { canvas, readout, status, description } = parts(page);
  await expect(description).toContainText(
    "Weights of hidden layer 1: 2 inputs (rows) by 8 units (columns).",
  );
  const box = await canvas.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  const cell = box.width / 8;
  await page.mouse.move(box.x + cell * 2.5, box.y + cell * 1.5);
  await expect(readout).toHaveText(/^x₂ → h₃: w = −?\d\.\d\d$/);
  const before = await readout.textContent();
  const colourBefore = await cellColour(canvas, 1, 2, 8);
  expect(colourBefore).not.toBeNull();

  for (let i = 0; i < 5; i++) await page.getByRole("button", { name: "One step" }).click();
  await expect(status).toHaveText(/^Step 5 · epoch \d+ · batch loss \d\.\d{3}$/);
  await page.mouse.move(box.x + cell * 2.5, box.y + cell * 1.5);
  await expect(readout).not.toHaveText(before ?? "");
  expect(await cellColour(canvas, 1, 2, 8)).not.toEqual(colourBefore);

  await page.getByRole("button", { name: "Train" }).click();
  await expect(status).toHaveText(/^Step (\d{3,})/, { timeout: 10_000 });
  await page.getByRole("button", { name: "Pause training" }).click();
  await expect(description).toContainText("They range from");

  await page.getByRole("button", { name: "Reset" }).click();
  await expect(status).toHaveText(/^Not trained yet/);
});

test("arrow keys move a focus cell through the matrix", async ({ page }) => {
  await page.goto(PATH);
  const { heatmap, readout } = parts(page);
  await page.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Tab");
  await expect(heatmap).toBeFocused();
  await expect(readout).toHaveText(/^x₁ → h₁: w = /);
  await page.keyboard.press("ArrowRight");
  await expect(readout).toHaveText(/^x₁ → h₂: w = /);
  await page.keyboard.press("End");
  await expect(readout).toHaveText(/^x₁ → h₈: w = /);
  await page.keyboard.press("ArrowDown");
  await expect(readout).toHaveText(/^x₂ → h₈: w = −?\d\.\d\d$/);
  await page.keyboard.press("Home");
  await expect(readout).toHaveText(/^x₂ → h₁: w = /);

  await page.getByRole("combobox", { name: "Layer" }).selectOption({ index: 1 });
  await heatmap.focus();
  await page.keyboard.press("PageDown");
  await page.keyboard.press("End");
  await expect(readout).toHaveText(/^h₈ → g₆: w = /);
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });
  test("training goes on and the heatmap still updates, less often", async ({ page }) => {
    await page.goto(PATH);
    const { status, canvas } = parts(page);
    const before = await cellColour(canvas, 0, 0, 8);
    await page.getByRole("button", { name: "Train" }).click();
    await expect(status).toContainText("Reduced motion: the heatmap updates less often.");
    await expect(status).toHaveText(/^Step \d{3,}/, { timeout: 10_000 });
    await expect.poll(() => cellColour(canvas, 0, 0, 8), { timeout: 5_000 }).not.toEqual(before);
    await page.getByRole("button", { name: "Pause training" }).click();
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test(`looks right and has no serious axe violations (${colorScheme})`, async ({ page }) => {
      await page.goto(PATH);
      const { figure, heatmap, readout } = parts(page);
      await heatmap.focus();
      await page.keyboard.press("ArrowRight");
      await expect(readout).toHaveText(/^x₁ → h₂/);
      await expect(figure).toHaveScreenshot(`weight-matrix-${colorScheme}.png`, {
        maxDiffPixelRatio: 0.01,
        animations: "disabled",
      });
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("combobox", { name: "Layer" }).selectOption({ index: 2 });
      // The focus cell stays, moved into the one-column matrix.
      await expect(readout).toHaveText(/^g₁ → ŷ: w = −?\d\.\d\d$/);
      await expectNoSeriousA11yViolations(page);
    });
  });
}
