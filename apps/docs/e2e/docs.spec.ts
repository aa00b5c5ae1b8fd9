import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test } from "@playwright/test";

const pages = [
  { path: "/", heading: "What Neuronlab is" },
  { path: "/repository-layout", heading: "Repository layout" },
  { path: "/running-it", heading: "Running it" },
  { path: "/writing-lessons", heading: "Writing lessons" },
  { path: "/adding-a-language", heading: "Adding a language" },
  { path: "/educators-guide", heading: "An educator's guide" },
] as const;

test("the first page says what the project is and leads on through the pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "What Neuronlab is" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Documentation" });
  await expect(nav.getByRole("link", { name: "What Neuronlab is" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await page.getByRole("navigation", { name: "Previous and next page" }).getByRole("link").click();
  await expect(page).toHaveURL(/\/repository-layout$/);
  await expect(page.getByRole("heading", { level: 1, name: "Repository layout" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Repository layout" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await nav.getByRole("link", { name: "Running it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Running it" })).toBeVisible();
  await expect(page.getByRole("code").filter({ hasText: "test:all" }).first()).toBeVisible();
});

test("the docs name the two quick-start commands and the ports", async ({ page }) => {
  await page.goto("/running-it");
  const main = page.getByRole("main");
  await expect(main).toContainText("npx -y pnpm@10.34.9 install && npx -y pnpm@10.34.9 start");
  await expect(main).toContainText("npx -y pnpm@10.34.9 install && npx -y pnpm@10.34.9 test:all");
  await expect(main).toContainText("port 3001");
});

test("a wide code block can be reached and scrolled by keyboard", async ({ page }) => {
  await page.goto("/repository-layout");
  const block = page.locator("pre").first();
  await block.focus();
  await expect(block).toBeFocused();
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const { path, heading } of pages) {
      test(`${path} renders and has no serious or critical axe-core violations`, async ({
        page,
      }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoSeriousA11yViolations(page);
      });
    }
  });
}
