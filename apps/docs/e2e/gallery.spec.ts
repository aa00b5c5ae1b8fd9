import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test } from "@playwright/test";
import { galleryEntries } from "../src/gallery/registry";

test("the gallery lists every figure and each link opens its page", async ({ page }) => {
  await page.goto("/gallery");
  await expect(page.getByRole("heading", { level: 1, name: "Figure gallery" })).toBeVisible();
  const links = page.getByRole("main").getByRole("listitem").getByRole("link");
  await expect(links).toHaveCount(galleryEntries.length);
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/gallery/${galleryEntries[0]?.slug ?? ""}$`));
  await expect(
    page
      .getByRole("navigation", { name: "Documentation" })
      .getByRole("link", { name: "Figure gallery" }),
  ).toHaveAttribute("aria-current", "true");
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const path of ["/gallery", ...galleryEntries.map((e) => `/gallery/${e.slug}`)]) {
      test(`${path} renders without console errors and has no serious or critical axe-core violations`, async ({
        page,
      }) => {
        const errors: string[] = [];
        page.on("console", (message) => {
          if (message.type() === "error") errors.push(message.text());
        });
        page.on("pageerror", (error) => errors.push(error.message));
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Every figure describes itself in words for screen readers.
        if (path !== "/gallery") {
          await expect(page.locator("figure").first()).toBeAttached();
        }
        await expectNoSeriousA11yViolations(page);
        expect(errors, `console errors on ${path}`).toEqual([]);
      });
    }
  });
}
