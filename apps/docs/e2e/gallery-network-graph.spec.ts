import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test, type Page } from "@playwright/test";

const PATH = "/gallery/network-graph";

function parts(page: Page) {
  const figure = page.getByRole("figure").first();
  return {
    figure,
    graph: page.getByRole("application"),
    status: page.getByTestId("network-graph-status"),
    details: page.getByTestId("network-graph-details"),
    description: figure.locator("p.sr-only"),
    forward: page.getByRole("button", { name: "Step forward" }),
    back: page.getByRole("button", { name: "Step back" }),
  };
}

test("the mouse steps the passes and reads a neuron's and a connection's numbers", async ({
  page,
}) => {
  await page.goto(PATH);
  const { status, details, description, forward, back } = parts(page);
  await expect(status).toHaveText(/^Input/);
  await expect(description).toContainText("Input values: 0.00, 1.00.");
  await expect(page.locator('[data-node="1:0"] text')).toHaveCount(0);

  await forward.click();
  await expect(status).toHaveText("Forward pass: hidden layer 1 (1 of 3).");
  await expect(page.locator('[data-node="1:0"] text')).toHaveText(/^−?\d\.\d\d$/);
  await expect(description).toContainText("Forward pass at the hidden layer 1: activations");

  await page.locator('[data-node="1:0"]').hover();
  await expect(details).toContainText("Hidden layer 1, neuron 1");
  await expect(details).toContainText(/a = tanh\(z\) = −?\d\.\d\d/);
  await expect(details).toContainText("gradient ∂L/∂z: not computed yet");

  await forward.click();
  await forward.click();
  await expect(status).toContainText(/Loss \d\.\d{3}\./);
  await forward.click();
  await expect(status).toHaveText(/^Backward pass: gradients at the output layer/);
  await expect(page.locator('[data-node="3:0"] text')).toHaveText(/^−?\d\.\d{3}$/);
  await expect(description).toContainText("Backward pass at the output layer: gradients ∂L/∂z");

  // A connection into the output, hovered near its middle.
  const box = await page.locator('[data-edge="3:0:0"]').boundingBox();
  expect(box).not.toBeNull();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(details).toContainText(
    "Connection from hidden layer 2, neuron 1 to output layer, neuron 1",
  );
  await expect(details).toContainText(/gradient ∂L\/∂w = −?\d\.\d{3}/);

  await back.click();
  await expect(status).toHaveText(/^Forward pass: output layer \(3 of 3\)\. Loss \d\.\d{3}\.$/);
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(status).toHaveText(/^Input/);
});

test("the graph is one tab stop: arrows move between neurons, Enter reaches connections", async ({
  page,
}) => {
  await page.goto(PATH);
  const { graph, details, forward } = parts(page);
  await forward.click();
  await page.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Tab");
  await expect(graph).toBeFocused();
  await expect(details).toContainText("Input layer, neuron 1");
  await expect(details).toContainText("input x₁ = 0.00");
  await page.keyboard.press("ArrowDown");
  await expect(details).toContainText("input x₂ = 1.00");
  await page.keyboard.press("ArrowRight");
  await expect(details).toContainText("Hidden layer 1, neuron 3");
  await expect(details).toContainText(/z = Σ a·w \+ b = −?\d\.\d\d/);
  await page.keyboard.press("Enter");
  await expect(details).toContainText(
    "Connection from input layer, neuron 1 to hidden layer 1, neuron 3",
  );
  await expect(details).toContainText("carries a·w = 0.00 ×");
  await page.keyboard.press("ArrowDown");
  await expect(details).toContainText(
    "Connection from input layer, neuron 2 to hidden layer 1, neuron 3",
  );
  await page.keyboard.press("Escape");
  await expect(details).toContainText(/^Hidden layer 1, neuron 3/);
  // Tab leaves the graph: it is a single stop.
  await page.keyboard.press("Tab");
  await expect(graph).not.toBeFocused();
});

test("play runs the forward and backward pass to the end", async ({ page }) => {
  await page.goto(PATH);
  const { status } = parts(page);
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(status).toHaveText(/^Backward pass: gradients at the hidden layer 1/, {
    timeout: 12_000,
  });
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });
  test("play jumps to the end of the pass instead of animating", async ({ page }) => {
    await page.goto(PATH);
    const { status } = parts(page);
    await page.getByRole("button", { name: "Play" }).click();
    await expect(status).toHaveText(/^Forward pass: output layer/);
    await expect(page.locator("[style*=nl-pulse]")).toHaveCount(0);
    await page.getByRole("button", { name: "Play" }).click();
    await expect(status).toHaveText(/^Backward pass: gradients at the hidden layer 1/);
  });
});

test("six layers of eight neurons fit the width without overlapping", async ({ page }) => {
  await page.goto(PATH);
  await page
    .getByRole("combobox", { name: "Network" })
    .selectOption({ label: "Deep: 8 inputs → 4 × 8 ReLU → 8 softmax" });
  const { graph } = parts(page);
  await expect(page.locator("[data-node]")).toHaveCount(48);
  await expect(page.getByText("Scroll sideways to see every layer →")).toHaveCount(0);
  const svg = await graph.locator("svg").boundingBox();
  const frame = await graph.boundingBox();
  expect(svg && frame).toBeTruthy();
  if (svg && frame) expect(svg.width).toBeLessThanOrEqual(frame.width + 0.5);
  const circles = await page.locator("[data-node] > circle:first-child").evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2 };
    }),
  );
  for (let i = 0; i < circles.length; i++) {
    for (let j = i + 1; j < circles.length; j++) {
      const a = circles[i];
      const b = circles[j];
      if (a && b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
    }
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, reducedMotion: "reduce" });
    test(`looks right and has no serious axe violations (${colorScheme})`, async ({ page }) => {
      await page.goto(PATH);
      await page
        .getByRole("combobox", { name: "Network" })
        .selectOption({ label: "Deep: 8 inputs → 4 × 8 ReLU → 8 softmax" });
      const { figure, forward, status } = parts(page);
      for (let i = 0; i < 7; i++) await forward.click();
      await expect(status).toHaveText(/^Backward pass: gradients at the hidden layer 4/);
      // Keyboard focus, not hover: scrolling for the screenshot would move the pointer off.
      const { graph, details } = parts(page);
      await graph.focus();
      for (const key of ["End", "ArrowLeft", "ArrowDown", "ArrowDown", "Enter"]) {
        await page.keyboard.press(key);
      }
      await expect(details).toContainText(
        "Connection from hidden layer 3, neuron 1 to hidden layer 4, neuron 3",
      );
      await expect(figure).toHaveScreenshot(`network-graph-${colorScheme}.png`, {
        maxDiffPixelRatio: 0.01,
        animations: "disabled",
      });
      await expectNoSeriousA11yViolations(page);
    });
  });
}
