import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";

const PATH = "/gallery/neuron-maps";

async function description(page: Page): Promise<string> {
  const figure = page.getByRole("figure");
  const id = await figure.getAttribute("aria-describedby");
  return (await page.locator(`[id="${id ?? ""}"]`).textContent()) ?? "";
}

test.use({ reducedMotion: "reduce" });

test("every unit has a map named by layer, unit and what it responds to", async ({ page }) => {
  await page.goto(PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Neuron maps" })).toBeVisible();
  const maps = page.getByRole("radiogroup").getByRole("radio");
  await expect(maps).toHaveCount(13);
  await expect(maps.first()).toHaveAccessibleName(
    /^Layer 1, unit 1 \(tanh\): (high in .+, from −?\d\.\d\d to −?\d\.\d\d|almost constant at −?\d\.\d\d)\.$/,
  );
  await expect(maps.last()).toHaveAccessibleName(/^Output \(sigmoid\): /);
  await expect(maps.last()).toHaveAttribute("aria-checked", "true");
  const text = await description(page);
  expect(text).toContain("What each unit of a 2-6-6-1 network computes over the plane");
  expect(text.match(/Layer [12], unit \d \(tanh\)/g)).toHaveLength(12);
});

test("arrow keys choose a map and the enlarged view follows", async ({ page }) => {
  await page.goto(PATH);
  const output = page.getByRole("radio", { name: /^Output/ });
  await output.focus();
  // Left from the single output unit lands beside it, in the middle of layer 2.
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: /^Layer 2, unit 4 / })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const chosen = page.getByRole("radio", { name: /^Layer 2, unit 5 / });
  await expect(chosen).toBeFocused();
  await expect(chosen).toHaveAttribute("aria-checked", "true");
  await expect(output).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText(/^Layer 2, unit 5 \(tanh\)$/)).toBeVisible();
  await page.keyboard.press("Home");
  await expect(page.getByRole("radio", { name: /^Layer 1, unit 1 / })).toBeFocused();
});

// At phone size too: a tap enlarges a map.
test(
  "pointing at a map reads its value; clicking one enlarges it",
  { tag: "@phone" },
  async ({ page, isMobile }) => {
    await page.goto(PATH);
    const map = page.getByRole("radio", { name: /^Layer 1, unit 3 / });
    if (!isMobile) {
      await map.hover({ position: { x: 10, y: 10 } });
      await expect(page.getByText(/^At x₁ = −0\.\d\d, x₂ = 0\.\d\d: −?\d\.\d\d$/)).toBeVisible();
    }
    await map.click();
    await expect(map).toHaveAttribute("aria-checked", "true");
    await page.mouse.move(0, 0);
    await expect(page.getByText(/^Layer 1, unit 3 \(tanh\)$/)).toBeVisible();
  },
);

test("training changes what the units respond to", async ({ page }) => {
  test.setTimeout(75_000);
  await page.goto(PATH);
  const first = page.getByRole("radio", { name: /^Layer 1, unit 1 / });
  const before = await first.getAttribute("aria-label");
  await page.getByRole("button", { name: "Play" }).click();
  // How many steps run per frame depends on the machine, so wait for the network to have learnt
  // the circle (however long that takes here) rather than for a fixed number of steps.
  await expect(page.getByRole("radio", { name: /^Output/ })).toHaveAccessibleName(
    /^Output \(sigmoid\): high in the centre, from 0\.\d\d to (0\.9\d|1\.00)\.$/,
    { timeout: 45_000 },
  );
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText(/^Step (\d{3,}) · /)).toBeVisible();
  await expect(first).not.toHaveAttribute("aria-label", before ?? "");
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`looks right (${colorScheme})`, async ({ page }) => {
      await page.goto(PATH);
      const figure = page.getByRole("figure");
      await expect(figure.locator("canvas").first()).toBeVisible();
      await expect(figure).toHaveScreenshot(`neuron-maps-${colorScheme}.png`, {
        maxDiffPixelRatio: 0.01,
        animations: "disabled",
      });
    });

    test(`has no serious or critical axe-core violations (${colorScheme})`, async ({ page }) => {
      await page.goto(PATH);
      await expect(page.getByRole("radiogroup")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
