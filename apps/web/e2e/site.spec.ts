import { expect, test } from "./fixtures";

test.describe("home page", () => {
  test("says what the platform is and links to the course and sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Neuronlab/);
    await expect(
      page.getByRole("heading", { level: 1, name: "How neural networks actually work" }),
    ).toBeVisible();
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Course" })).toHaveAttribute("href", "/course");
    await expect(header.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
    await expect(page.getByRole("contentinfo")).toContainText("Neuronlab");
  });

  test("describes its neuron figure in words, with the numbers the engine computed", async ({
    page,
  }) => {
    await page.goto("/");
    const figure = page.getByRole("figure");
    // 0.8·1 − 0.4·0.5 + 0.5·0.6 − 0.2 = 0.70, and ReLU keeps it.
    await expect(figure).toHaveAccessibleDescription(/gives z = 0\.70\. ReLU .* a = 0\.70\./);
    await expect(figure.locator("svg")).toBeVisible();
  });

  test("opens the course from the call to action", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "See the course" }).click();
    await expect(page).toHaveURL(/\/course$/);
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(8);
    await expect(page.getByRole("heading", { name: "Inside a single neuron" })).toBeVisible();
  });
});

test.describe("layout", () => {
  test("the first Tab reaches a visible skip link that moves focus to the content", async ({
    page,
  }) => {
    await page.goto("/course");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("main")).toBeFocused();
  });

  test("follows the system theme and remembers the learner's own choice", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).toHaveClass(/\bdark\b/);

    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(page.getByRole("button", { name: "Switch to dark theme" })).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(255, 255, 255)");
  });

  test("fits a phone screen without sideways scrolling", async ({ page }) => {
    for (const path of ["/", "/course", "/sign-in"]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
  });

  test("answers an unknown address with a 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("GET /api/health", () => {
  test("answers JSON with the status and version", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = (await response.json()) as { status: string; version: string };
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("refuses other methods", async ({ request }) => {
    const response = await request.post("/api/health", { data: {} });
    expect(response.status()).toBe(405);
  });
});

test("the browser under test has WebGPU (SwiftShader when there is no GPU)", async ({ page }) => {
  await page.goto("/");
  const adapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) return "no navigator.gpu";
    const found = await gpu.requestAdapter();
    return found ? "adapter" : "no adapter";
  });
  expect(adapter).toBe("adapter");
});

test.describe("the pages a company expects", () => {
  test("the footer links them; the imprint and the privacy notice name the configured provider", async ({
    page,
  }) => {
    await page.goto("/course");
    const footer = page.getByRole("contentinfo");
    for (const [name, path] of [
      ["About", "/about"],
      ["Privacy", "/privacy"],
      ["Imprint", "/imprint"],
      ["Accessibility", "/accessibility"],
      ["Service status", "/status"],
    ] as const) {
      await expect(footer.getByRole("link", { name, exact: true })).toHaveAttribute("href", path);
    }
    await footer.getByRole("link", { name: "Imprint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Imprint" })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main).toContainText("Test Provider for e2e");
    await expect(main).toContainText("10115 Berlin");
    await expect(main.getByRole("link", { name: "provider@example.com" })).toHaveAttribute(
      "href",
      "mailto:provider@example.com",
    );

    await page.goto("/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
    // Privacy requests go to the privacy address; the figures come from the code that enforces them.
    await expect(
      page.getByRole("main").getByRole("link", { name: "privacy@example.com" }).first(),
    ).toBeVisible();
    await expect(page.getByRole("main")).toContainText("for at most 10 minutes");
    await expect(page.getByRole("main")).toContainText("at most 14 days");
    await expect(page.getByRole("main")).toContainText("Test supervisory authority");
    await page.getByRole("link", { name: "Go to your account page" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test("the service status is a page that says in words what works", async ({ page }) => {
    await page.goto("/status");
    await expect(page.getByRole("status")).toHaveText(/Everything is working\./);
    await expect(page.getByTestId("status-database")).toHaveText("answering");
    await page.goto("/de/status");
    await expect(page.getByRole("status")).toHaveText(/Alles funktioniert\./);
  });
});
