import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";

test.use({ reducedMotion: "reduce" });

const description = (page: Page) => page.locator("figure [aria-live='polite']").first();
const lineText = (page: Page) => page.getByTestId("linear-collapse-line");
const bendText = (page: Page) => page.getByTestId("linear-collapse-bend");
const seed = (page: Page) => page.getByTestId("linear-collapse-seed");

async function open(page: Page) {
  await page.goto("/gallery/linear-collapse");
  // The numbers are rendered on the server; wait for React to attach before driving the figure.
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1, name: "Linear collapse" })).toBeVisible();
  await expect(seed(page)).toHaveText("seed 1");
}

async function equation(page: Page): Promise<string> {
  const text = (await lineText(page).textContent()) ?? "";
  const match = /y\s=\s\S+\s[+−]\s[0-9.]+/.exec(text);
  if (!match) throw new Error(`No equation in "${text}".`);
  return match[0];
}

test("reseeding with the mouse gives new weights and a new collapsed line", async ({ page }) => {
  await open(page);
  await expect(lineText(page)).toContainText(
    "1 → 4 → 4 → 1 stack multiplies out to one linear map",
  );
  await expect(bendText(page)).toContainText("With ReLU between the layers");
  const first = await equation(page);
  await expect(description(page)).toContainText(first);
  await page.getByRole("button", { name: "Reseed weights" }).click();
  await expect(seed(page)).toHaveText("seed 2");
  await expect(lineText(page)).not.toContainText(first);
  await expect(description(page)).toContainText(await equation(page));
});

test("the activation and reseed work by keyboard, and the line does not move with the activation", async ({
  page,
}) => {
  await open(page);
  const select = page.getByRole("combobox", { name: "Activation between layers" });
  await select.focus();
  await select.selectOption("tanh");
  await expect(bendText(page)).toContainText("With tanh between the layers");
  await expect(page.locator("path[data-curve='tanh']")).toHaveCount(1);
  const before = await equation(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Reseed weights" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(seed(page)).toHaveText("seed 2");
  await page.keyboard.press("Space");
  await expect(seed(page)).toHaveText("seed 3");
  await expect(lineText(page)).not.toContainText(before);
  await expect(bendText(page)).toContainText("With tanh between the layers");
});

test("a bigger stack from the page still collapses to one line", async ({ page }) => {
  await open(page);
  await page
    .getByRole("combobox", { name: "Network" })
    .selectOption({ label: "1 → 8 → 8 → 8 → 1" });
  await expect(lineText(page)).toContainText(
    "1 → 8 → 8 → 8 → 1 stack multiplies out to one linear map",
  );
  await expect(description(page)).toContainText("1 → 8 → 8 → 8 → 1");
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
        `linear-collapse-${colorScheme}.png`,
        { maxDiffPixelRatio: 0.01, animations: "disabled" },
      );
      await expectNoSeriousA11yViolations(page);
    });
  });
}
