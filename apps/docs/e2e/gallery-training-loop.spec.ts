import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";

const PATH = "/gallery/training-loop";

function parts(page: Page) {
  const figure = page.getByRole("figure").first();
  return {
    figure,
    active: figure.locator("[data-active=true]"),
    description: figure.locator("p[aria-live]"),
    note: page.getByTestId("training-loop-note"),
    next: page.getByRole("button", { name: "Next phase" }),
  };
}

test("Next phase lights forward, loss, backprop and update in turn, from the Trainer", async ({
  page,
}) => {
  await page.goto(PATH);
  const { active, description, note, next } = parts(page);
  await expect(active).toHaveCount(0);
  await expect(description).toContainText("It has not started.");

  await next.click();
  await expect(active).toHaveAttribute("data-phase", "forward");
  await expect(description).toContainText("Now: forward.");
  await expect(description).toContainText("Step 1.");
  await expect(note).toHaveText(/^Forward: 16 predictions, the first \d\.\d\d\.$/);

  await next.click();
  await expect(active).toHaveAttribute("data-phase", "loss");
  await expect(description).toContainText(/Loss \d\.\d{3}\./);
  await expect(note).toHaveText(/^Loss of this batch: \d\.\d{3}\.$/);
  await expect(page.getByRole("figure").first().locator("svg")).toContainText(/Loss \d\.\d{3}/);

  await next.click();
  await expect(active).toHaveAttribute("data-phase", "backward");
  await expect(note).toHaveText(/^Backprop: the gradient's overall size is \d\.\d{3}\.$/);
  await next.click();
  await expect(active).toHaveAttribute("data-phase", "update");
  await next.click();
  await expect(active).toHaveAttribute("data-phase", "forward");
  await expect(description).toContainText("Step 2.");
});

test("the keyboard drives it too, and Play advances a phase a second", async ({ page }) => {
  await page.goto(PATH);
  const { active, next } = parts(page);
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(active).toHaveAttribute("data-phase", "forward");
  await page.keyboard.press("Space");
  await expect(active).toHaveAttribute("data-phase", "loss");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Play" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(active).toHaveAttribute("data-phase", "backward", { timeout: 3_000 });
  await expect(active).toHaveAttribute("data-phase", "update", { timeout: 3_000 });
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(active).toHaveCount(0);
});

test("the timeline is an ordered list of three dated entries", async ({ page }) => {
  await page.goto(PATH);
  const list = page.getByRole("list", { name: "Milestones of neural networks" });
  const items = list.getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(list.locator("time")).toHaveText(["1957", "1986", "2012"]);
  await expect(items.nth(0)).toContainText("perceptron");
  await expect(items.nth(1)).toContainText("backpropagation");
  await expect(items.nth(2)).toContainText("ImageNet");
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, reducedMotion: "reduce" });
    test(`looks right and has no serious axe violations (${colorScheme})`, async ({ page }) => {
      await page.goto(PATH);
      const { active, next } = parts(page);
      await next.click();
      await next.click();
      await expect(active).toHaveAttribute("data-phase", "loss");
      const example = page.locator("section[aria-labelledby=live-example]");
      await expect(example).toHaveScreenshot(`training-loop-${colorScheme}.png`, {
        maxDiffPixelRatio: 0.01,
        animations: "disabled",
      });
      await expectNoSeriousA11yViolations(page);
    });
  });
}
