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

// The same pages in German, under /de, plus the gallery's German index.
const germanPages = [
  { path: "/de", heading: "Was Neuronlab ist" },
  { path: "/de/repository-layout", heading: "Aufbau des Repositorys" },
  { path: "/de/running-it", heading: "Starten und testen" },
  { path: "/de/writing-lessons", heading: "Lektionen schreiben" },
  { path: "/de/adding-a-language", heading: "Eine Sprache hinzufügen" },
  { path: "/de/educators-guide", heading: "Leitfaden für Lehrende" },
  { path: "/de/gallery", heading: "Abbildungsgalerie" },
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

test("the English pages say they are English and link to their German version", async ({
  page,
}) => {
  await page.goto("/running-it");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator('head link[rel="alternate"][hreflang="de"]')).toHaveAttribute(
    "href",
    /\/de\/running-it$/,
  );
});

test("the language switcher leads to the same page in German and back", async ({ page }) => {
  await page.goto("/running-it");
  await page
    .getByRole("navigation", { name: "Language" })
    .getByRole("link", { name: "Deutsch" })
    .click();
  await expect(page).toHaveURL(/\/de\/running-it$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: "Starten und testen" })).toBeVisible();
  // Commands stay as they are in every language.
  await expect(page.getByRole("main")).toContainText(
    "npx -y pnpm@10.34.9 install && npx -y pnpm@10.34.9 start",
  );
  const nav = page.getByRole("navigation", { name: "Dokumentation" });
  await expect(nav.getByRole("link", { name: "Starten und testen" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeAttached();

  await page
    .getByRole("navigation", { name: "Sprache" })
    .getByRole("link", { name: "English" })
    .click();
  await expect(page).toHaveURL(/\/running-it$/);
  await expect(page).not.toHaveURL(/\/de\//);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Running it" })).toBeVisible();
});

test("the German pages lead on through the German pages", async ({ page }) => {
  await page.goto("/de");
  await page
    .getByRole("navigation", { name: "Vorherige und nächste Seite" })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/de\/repository-layout$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Aufbau des Repositorys" }),
  ).toBeVisible();
});

test("every German page is German and links to its English version", async ({ page }) => {
  for (const { path, heading } of germanPages) {
    await page.goto(path);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const english = path.replace(/^\/de/, "") || "/";
    await expect(page.locator('head link[rel="alternate"][hreflang="en"]'), path).toHaveAttribute(
      "href",
      new RegExp(`${english === "/" ? "" : english}/?$`),
    );
  }
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const { path, heading } of [...pages, ...germanPages]) {
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
