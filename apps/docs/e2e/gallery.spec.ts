import { readFileSync } from "node:fs";
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

    test("/gallery has no serious or critical axe-core violations", async ({ page }) => {
      await page.goto("/gallery");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}

// Each figure's page is checked with axe-core by its own spec (gallery-<slug>.spec.ts), in both
// themes; here, that it loads without an error.
for (const { slug } of galleryEntries) {
  test(
    `/gallery/${slug} renders its figure without console errors`,
    { tag: "@phone" },
    async ({ page }) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`/gallery/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("figure").first()).toBeAttached();
      expect(errors, `console errors on /gallery/${slug}`).toEqual([]);
    },
  );
}

test("every figure in the gallery has its own spec with an accessibility check", () => {
  for (const { slug } of galleryEntries) {
    const spec = readFileSync(new URL(`./gallery-${slug}.spec.ts`, import.meta.url), "utf8");
    expect(spec, `gallery-${slug}.spec.ts`).toContain("expectNoSeriousA11yViolations(page)");
  }
});
