import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";

test.use({ reducedMotion: "reduce" });

const description = (page: Page) => page.locator("figure [aria-live='polite']").first();

async function open(page: Page) {
  await page.goto("/gallery/neuron");
  // The numbers are rendered on the server; wait for React to attach before driving the figure.
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1, name: "Neuron" })).toBeVisible();
  // Hydrated: the explorer reacts to input only once React has attached.
  await expect(page.getByTestId("neuron-z")).toHaveText("0.05");
}

test("typing a weight and dragging an input with the mouse update z and a", async ({ page }) => {
  await open(page);
  const z = page.getByTestId("neuron-z");
  await page.getByRole("spinbutton", { name: "Weight w₂" }).fill("1.5");
  // z = 0.8·1 + 1.5·2 + 0.3·0.5 + 0.1
  await expect(z).toHaveText("4.05");
  await expect(page.getByTestId("neuron-a")).toHaveText("4.05");
  await expect(description(page)).toContainText("weight w₂ = 1.50");
  await expect(page.getByText("= 0.80·1.00 + 1.50·2.00 + 0.30·0.50 + 0.10")).toBeVisible();

  const slider = page.getByRole("slider", { name: "Input x₁" });
  const box = await slider.boundingBox();
  if (!box) throw new Error("The x₁ slider is not laid out.");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 40, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(slider).toHaveValue("-3");
  await expect(page.getByRole("spinbutton", { name: "Input x₁" })).toHaveValue("-3");
  // z = 0.8·(−3) + 3 + 0.15 + 0.1
  await expect(z).toHaveText("0.85");
  await expect(description(page)).toContainText("input x₁ = −3.00");
});

test("sliders, the number boxes and the activation work by keyboard", async ({ page }) => {
  await open(page);
  const bias = page.getByRole("slider", { name: "Bias b" });
  await bias.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(bias).toHaveValue("0.2");
  await expect(bias).toHaveAttribute("aria-valuetext", "0.20");
  await expect(page.getByTestId("neuron-z")).toHaveText("0.15");

  await page.keyboard.press("Home");
  // z = 0.8·1 − 0.5·2 + 0.3·0.5 − 3
  await expect(page.getByTestId("neuron-z")).toHaveText("−3.05");
  await expect(page.getByTestId("neuron-a")).toHaveText("0.00");
  await expect(description(page)).toContainText("ReLU turns z into the output a = 0.00");

  // Tab reaches the bias's number box next, then the activation.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("spinbutton", { name: "Bias b" })).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("1");
  await expect(page.getByTestId("neuron-z")).toHaveText("0.95");
  await page.keyboard.press("Tab");
  const select = page.getByRole("combobox", { name: "Activation f" });
  await expect(select).toBeFocused();
  await select.selectOption("tanh");
  await expect(page.getByTestId("neuron-a")).toHaveText("0.74");
  await expect(page.getByText("a = f(z) = tanh(0.95) =")).toBeVisible();
});

test("the page sets the number of inputs of the controlled explorer", async ({ page }) => {
  await open(page);
  await page.getByRole("combobox", { name: "Number of inputs" }).selectOption("5");
  await expect(page.getByRole("slider", { name: "Input x₅" })).toBeVisible();
  await expect(description(page)).toContainText("A neuron with 5 inputs.");
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByRole("slider", { name: "Input x₅" })).toHaveCount(0);
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
        `neuron-${colorScheme}.png`,
        { maxDiffPixelRatio: 0.01, animations: "disabled" },
      );
      await expectNoSeriousA11yViolations(page);
    });
  });
}
