import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

/**
 * The platform in German: the language a browser asks for on its first visit, hreflang, the
 * language switcher on a lesson, grading of a German answer, a German sign-in mail. The German
 * pages themselves: i18n-pages.spec.ts.
 */

test.describe("a German browser", () => {
  test.use({ locale: "de-DE" });

  test("lands in German on its first visit, with the language in the address and the page", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/de$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Wie neuronale Netze wirklich funktionieren",
    );
    // An old English link to a lesson leads to the German lesson.
    await page.goto("/course/a-single-neuron");
    await expect(page).toHaveURL(/\/de\/course\/a-single-neuron$/);
  });
});

test("every page names its other languages (hreflang), and the English address stays English", async ({
  request,
}) => {
  const response = await request.get("/course/summary", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const links = response.headers().link ?? "";
  expect(links).toContain('/course/summary>; rel="alternate"; hreflang="en"');
  expect(links).toContain('/de/course/summary>; rel="alternate"; hreflang="de"');
  expect(links).toContain('hreflang="x-default"');
});

test("the language switcher goes back and forth on a lesson and keeps the reader's place", async ({
  page,
}) => {
  await page.goto("/course/a-single-neuron");
  const section = "the-whole-neuron-in-two-lines";
  // Reading that section: its heading just below the header, near the top of the window.
  await page.evaluate((id) => {
    const heading = document.getElementById(id);
    if (heading) window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 120);
  }, section);

  // The switcher knows the section once the header has hydrated (before that a click is a plain
  // link, without it); the account controls showing up says the header has.
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(new RegExp(`/de/course/a-single-neuron#${section}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator(`#${section}`)).toBeInViewport();
  await expect(page.getByRole("link", { name: "English" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden" })).toBeVisible();

  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/course/a-single-neuron#${section}$`));
  await expect(page).not.toHaveURL(/\/de\//);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator(`#${section}`)).toBeInViewport();
  // The choice is kept: the English address no longer leads to German.
  await page.goto("/course");
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a German learner answers with a decimal comma and is graded right, in German", async ({
  page,
}) => {
  await page.goto("/de/course/summary#exercise-summary-neuron-recap");
  const card = page.locator("#exercise-summary-neuron-recap");
  const box = card.getByLabel("Deine Antwort");
  await box.fill("0,25");
  await card.getByRole("button", { name: "Antwort prüfen" }).click();
  await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "wrong");
  await expect(card).toContainText("0,2500 stimmt nicht");
  await expect(card.getByText("Warum", { exact: true })).toBeVisible();
  await expect(card).toContainText("ReLU lässt eine positive Zahl unverändert");

  await box.fill("0,5");
  await card.getByRole("button", { name: "Antwort prüfen" }).click();
  await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "right");
  await expect(card.getByText(/✓ Gelöst · 2 Versuche/)).toBeVisible();
});

test("a German sign-in mail arrives in German and leads to the German confirm page", async ({
  page,
}) => {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${byte()}.${byte()}.${byte()}` });
  const email = `lerner-${randomUUID().slice(0, 8)}@example.com`;
  await page.goto("/de/sign-in");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink per E-Mail schicken" }).click();
  await expect(page.getByRole("status")).toContainText(email);

  await page.goto("/de/dev/outbox");
  const mail = page.getByRole("article", { name: `E-Mail an ${email}` });
  await expect(mail).toContainText("Dein Anmeldelink für Neuronlab");
  await expect(mail).toContainText("innerhalb von 10 Minuten");
  const href = (await mail.getByRole("link").first().getAttribute("href")) ?? "";
  expect(href).toMatch(/\/de\/auth\/confirm\?token=/);
  await page.goto(href);
  await expect(
    page.getByRole("heading", { level: 1, name: "Bei Neuronlab anmelden" }),
  ).toBeVisible();
  await page.getByRole("button", { name: `Als ${email} anmelden` }).click();
  await expect(page).toHaveURL(/\/de\/course$/);
});
