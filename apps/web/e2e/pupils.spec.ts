import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { newAddress, randomIp, signIn } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * Pupils without e-mail, end to end on the production build: an educator adds two pupils by name
 * and prints their cards; one pupil signs in with the card's link, the other by typing the short
 * code; a replaced card stops working at once.
 */

test.describe.configure({ mode: "serial" });

const contexts: BrowserContext[] = [];
test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** A fresh browser, from its own network address (the rate limits count per address). */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  contexts.push(context);
  return context.newPage();
}

const suffix = randomUUID().slice(0, 4);
const cohortName = `Klasse 5a ${suffix}`;
const pupilOne = `Mia ${suffix}`;
const pupilTwo = `Jonas ${suffix}`;
const CARD = /^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/;

let educator: Page;
let cohortUrl = "";
const cards = new Map<string, { link: string; code: string }>();

async function readCards(page: Page) {
  const found = new Map<string, { link: string; code: string }>();
  for (const card of await page.locator("#pupil-cards [data-pupil-card]").all()) {
    const name = (await card.locator("p.text-lg").first().textContent()) ?? "";
    const code = (await card.locator("[data-card-code]").textContent()) ?? "";
    const link = (await card.locator("p.font-mono.break-all").textContent()) ?? "";
    found.set(name, { link, code });
  }
  return found;
}

test.describe("pupils without e-mail", () => {
  test("an educator adds two pupils and prints their cards", async ({ browser }) => {
    educator = await freshPage(browser);
    await signIn(educator, newAddress().replace("learner", "teacher"));
    await educator.goto("/educator");
    await educator.getByRole("button", { name: "I teach: make me an educator" }).click();
    await educator.getByLabel("Name").fill(cohortName);
    await educator.getByRole("button", { name: "Create cohort" }).click();
    await expect(educator.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
    cohortUrl = new URL(educator.url()).pathname;

    // Refused as a whole: the same name twice. The list stays in the box.
    const names = educator.getByLabel("Names, one per line");
    await names.fill(`${pupilOne}\n\n${pupilOne.toUpperCase()}\n`);
    await educator.getByRole("button", { name: "Add pupils and make cards" }).click();
    await expect(educator.locator("main").getByRole("alert")).toContainText("is in the list twice");
    await expect(names).toHaveValue(`${pupilOne}\n\n${pupilOne.toUpperCase()}\n`);

    await names.fill(`${pupilOne}\n\n  ${pupilTwo}  \n`);
    await educator.getByRole("button", { name: "Add pupils and make cards" }).click();
    await expect(educator.getByRole("heading", { name: "Cards to print" })).toBeFocused();
    await expect(educator.locator("#pupil-cards [data-pupil-card]")).toHaveCount(2);
    await expect(educator.locator("[data-pupil-list] li")).toHaveCount(2);
    for (const [name, card] of await readCards(educator)) cards.set(name, card);
    expect([...cards.keys()].sort()).toEqual([pupilOne, pupilTwo].sort());
    for (const { code, link } of cards.values()) {
      expect(code).toMatch(CARD);
      expect(link).toBe(`http://127.0.0.1:3100/card/${code}`);
    }
    await expect(
      educator.getByRole("img", { name: `QR code of the sign-in link for ${pupilOne}` }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(educator);

    // Printed: the cards alone, each whole on its page.
    await educator.emulateMedia({ media: "print" });
    await expect(educator.locator("header").first()).toBeHidden();
    await expect(educator.getByRole("button", { name: "Print the cards" })).toBeHidden();
    for (const card of await educator.locator("#pupil-cards [data-pupil-card]").all()) {
      await expect(card).toBeVisible();
      expect(await card.evaluate((el) => getComputedStyle(el).breakInside)).toBe("avoid");
      const box = await card.boundingBox();
      // Well under an A4 page's height (297 mm at 96 dpi is about 1123 px), and its QR code in it.
      expect(box?.height ?? 0).toBeLessThan(500);
      await expect(card.getByRole("img")).toBeVisible();
      await expect(card.locator("[data-card-code]")).toBeVisible();
    }
    await educator.emulateMedia({ media: "screen" });
  });

  test("a pupil signs in with the card's link; a GET alone signs nobody in", async ({
    browser,
  }) => {
    const card = cards.get(pupilOne);
    if (!card) throw new Error("no card");
    const page = await freshPage(browser);
    await page.goto(new URL(card.link).pathname);
    await expect(
      page.getByRole("heading", { level: 1, name: "Sign in with your card" }),
    ).toBeVisible();
    // Nothing about the pupil before signing in.
    await expect(page.getByText(pupilOne)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    expect((await page.context().cookies()).some((c) => c.name.endsWith("session-token"))).toBe(
      false,
    );
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/course$/);
    await expect(page.locator("header")).toContainText(pupilOne);
    const session = (await page.context().cookies()).find((c) => c.name.endsWith("session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    await page.goto("/dashboard");
    await expect(page.locator(`[data-cohort="${cohortName}"]`)).toBeVisible();
  });

  test("another pupil types the short code in lower case with spaces", async ({ browser }) => {
    const card = cards.get(pupilTwo);
    if (!card) throw new Error("no card");
    const page = await freshPage(browser);
    await page.goto("/card");
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Code on your card").fill("ZZZZZ ZZZZZ");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("This card does not work");
    const typed = ` ${card.code.toLowerCase().replace("-", " ").slice(0, 3)} ${card.code
      .toLowerCase()
      .replace("-", " ")
      .slice(3)} `;
    await page.getByLabel("Code on your card").fill(typed);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/course$/);
    await expect(page.locator("header")).toContainText(pupilTwo);
  });

  test("the educator replaces a card and the old link no longer signs in", async ({ browser }) => {
    const old = cards.get(pupilOne);
    if (!old) throw new Error("no card");
    await educator.goto(cohortUrl);
    educator.once("dialog", (dialog) => void dialog.accept());
    await educator.getByRole("button", { name: `Replace card: ${pupilOne}` }).click();
    await expect(educator.locator("#pupil-cards [data-pupil-card]")).toHaveCount(1);
    const fresh = (await readCards(educator)).get(pupilOne);
    expect(fresh?.code).toMatch(CARD);
    expect(fresh?.code).not.toBe(old.code);
    await expect(educator.locator("[data-pupil-list]")).toContainText("Card replaced");

    const page = await freshPage(browser);
    await page.goto(new URL(old.link).pathname);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("This card does not work");
    await expect(page).toHaveURL(/\/card\//);

    if (!fresh) return;
    await page.goto(new URL(fresh.link).pathname);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/course$/);
  });
});
