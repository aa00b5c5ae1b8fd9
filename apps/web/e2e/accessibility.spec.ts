import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { test } from "./fixtures";

const pages = [
  "/",
  "/course",
  "/sign-in",
  "/no-such-page",
  "/about",
  "/privacy",
  "/imprint",
  "/accessibility",
  "/status",
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const path of pages) {
      test(`${path} has no serious or critical axe-core violations`, async ({ page }) => {
        await page.goto(path);
        await expectNoSeriousA11yViolations(page);
      });
    }
  });
}
