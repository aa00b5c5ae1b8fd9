import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import widgetsDe from "@neuronlab/content/messages/de.json" with { type: "json" };
import widgetsEn from "@neuronlab/content/messages/en.json" with { type: "json" };
import vizDe from "@neuronlab/viz/messages/de.json" with { type: "json" };
import vizEn from "@neuronlab/viz/messages/en.json" with { type: "json" };
import type { Page } from "@playwright/test";
import webDe from "../messages/de.json" with { type: "json" };
import webEn from "../messages/en.json" with { type: "json" };
import { expect, test } from "./fixtures";
import { LESSONS, loadEveryWidget, watchErrors } from "./helpers.ts";

/**
 * Every German page, at both sizes: in German (none of the catalogue's English sentences on it),
 * every figure loaded, and no serious or critical axe-core violation.
 */

interface Tree {
  [key: string]: string | Tree;
}

/** The catalogue's English sentences whose German differs: none may show on a German page. */
function englishOnly(en: Tree, de: Tree, out: string[] = []): string[] {
  for (const [key, value] of Object.entries(en)) {
    const other = de[key];
    if (typeof value === "string") {
      if (
        typeof other === "string" &&
        other !== value &&
        !/[{<]/.test(value) &&
        value.split(" ").length >= 3
      )
        out.push(value);
    } else if (typeof other === "object") englishOnly(value, other, out);
  }
  return out;
}

const ENGLISH = [
  // Not the mails: the local outbox shows each mail in its recipient's language.
  ...englishOnly({ ...webEn, SignInMail: {}, InvitationMail: {} }, webDe),
  ...englishOnly(widgetsEn, widgetsDe),
  ...englishOnly(vizEn, vizDe),
];

async function expectNoEnglish(page: Page) {
  const text = await page.locator("body").innerText();
  expect(ENGLISH.filter((sentence) => text.includes(sentence))).toEqual([]);
}

test.describe("every German page", () => {
  for (const path of [
    "/de",
    "/de/course",
    "/de/sign-in",
    "/de/sign-out",
    "/de/account",
    "/de/dashboard",
    "/de/auth/error?error=Verification",
    "/de/dev/outbox",
    "/de/nichts-hier",
    "/de/about",
    "/de/privacy",
    "/de/imprint",
    "/de/accessibility",
    "/de/status",
  ]) {
    test(`${path}: German, no English, no serious axe-core violations`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expectNoEnglish(page);
      await expectNoSeriousA11yViolations(page);
      expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
    });
  }

  for (const slug of LESSONS) {
    test(`/de/course/${slug}: every figure in German, no English, no serious axe-core violations`, async ({
      page,
      isMobile,
    }) => {
      // The words do not depend on the width, and lessons.spec.ts checks every lesson's layout
      // and accessibility at phone size: once, at desktop size, is enough for the language.
      test.skip(isMobile, "the language is checked at desktop size");
      test.setTimeout(120_000);
      const errors = watchErrors(page);
      await page.goto(`/de/course/${slug}`);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await loadEveryWidget(page);
      await expectNoEnglish(page);
      await expectNoSeriousA11yViolations(page);
      expect(errors).toEqual([]);
    });
  }
});
