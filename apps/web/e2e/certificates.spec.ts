import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { newAddress, randomIp, signIn } from "./accounts";
import { rightAnswers } from "./certificate-answers";
import { expect, test } from "./fixtures";
import { LESSONS } from "./helpers";

/**
 * A certificate of completion, end to end on the production build: a learner finishes the whole
 * course through the API (every lesson completed, every exercise answered right, the playground
 * goal trained on the server), claims the certificate with the name they choose, and anyone
 * (signed out, in another browser) verifies it by its link: valid, the name, the date, the
 * course, nothing else; it prints on one page; an unknown code is a 404.
 */

// The first test answers the whole course (two playground goals trained on the server).
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** An A4 page at 96 dpi, in CSS pixels, and the print margins (15 mm) the page asks for. */
const A4 = { width: 794, height: 1123 };
const LETTER = { width: 816, height: 1056 };
const MARGIN = Math.round((15 / 25.4) * 96);

const chosenName = `Ada Lovelace ${randomUUID().slice(0, 4)}`;
let email = "";
let certificatePath = "";
let code = "";

/** The day of issue as the page says it, in UTC; both days around a midnight in between. */
function daysAround(locale: string, before: Date, after: Date): string[] {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return [...new Set([format.format(before), format.format(after)])];
}
let claimedBetween: [Date, Date] = [new Date(), new Date()];

async function completeLessons(page: Page) {
  for (const slug of LESSONS) {
    const response = await page.request.put(`/api/progress/lessons/${slug}`, {
      data: { completedAt: new Date().toISOString() },
    });
    expect(response.status(), `complete ${slug}`).toBe(200);
  }
}

async function answer(page: Page, exerciseId: string, answer: unknown, correct: boolean) {
  const attemptId = randomUUID();
  const send = () =>
    page.request.post(`/api/exercises/${exerciseId}/attempts`, { data: { attemptId, answer } });
  let response = await send();
  // A playground goal waits its turn when the grader is busy with other tests' trainings.
  for (let retry = 1; response.status() === 429 && retry <= 5; retry++) {
    await page.waitForTimeout(1000 * retry);
    response = await send();
  }
  expect(response.status(), `answer ${exerciseId}`).toBe(200);
  expect(await response.json(), `answer ${exerciseId}`).toMatchObject({ correct, saved: true });
}

test.describe("a certificate of completion", () => {
  test("a learner finishes the course and claims the certificate with the name they choose", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": randomIp() },
    });
    const page = await context.newPage();
    email = newAddress().replace("learner", "certified");
    await signIn(page, email);

    await page.goto("/dashboard");
    const section = page.getByRole("region", { name: "Your certificate" });
    await expect(section).toContainText(`0 of ${String(LESSONS.length)} lessons done`);
    await expect(section.getByRole("button", { name: "Get my certificate" })).toHaveCount(0);

    // Every lesson done, every exercise but one answered right, that one only wrong: not yet.
    const answers = rightAnswers();
    const last = answers.at(-1);
    if (!last) throw new Error("the course has no exercises");
    await completeLessons(page);
    for (const { exerciseId, answer: right } of answers.slice(0, -1)) {
      await answer(page, exerciseId, right, true);
    }
    await answer(page, last.exerciseId, last.wrong, false);
    await page.goto("/dashboard");
    await expect(section).toContainText(
      `${String(LESSONS.length)} of ${String(LESSONS.length)} lessons done`,
    );
    await expect(section).toContainText(
      `${String(answers.length - 1)} of ${String(answers.length)} exercises solved`,
    );
    await expect(section.getByRole("button", { name: "Get my certificate" })).toHaveCount(0);

    // The last one right: the claim form, the account's name (none yet) to begin with.
    await answer(page, last.exerciseId, last.answer, true);
    await page.goto("/dashboard");
    await expect(section.getByText("You have finished the course.")).toBeVisible();
    const name = section.getByLabel("Name on the certificate");
    await name.fill("   ");
    await section.getByRole("button", { name: "Get my certificate" }).click();
    await expect(section.getByRole("alert")).toHaveText(
      "Enter the name to print on your certificate.",
    );
    await expectNoSeriousA11yViolations(page);

    await name.fill(`  ${chosenName}  `);
    const before = new Date();
    await section.getByRole("button", { name: "Get my certificate" }).click();
    const link = section.getByRole("link", { name: "View and print your certificate" });
    await expect(link).toBeVisible();
    claimedBetween = [before, new Date()];
    await expect(section).toContainText(`in the name of ${chosenName}`);
    certificatePath = (await link.getAttribute("href")) ?? "";
    expect(certificatePath).toMatch(/^\/certificates\/[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    code = certificatePath.split("/").pop() ?? "";
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test("anyone verifies it by its link, signed out: valid, the name, the date, the course", async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(certificatePath);
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole("heading", { level: 1, name: "Certificate of completion" }),
    ).toBeVisible();
    await expect(page.getByTestId("certificate-status")).toHaveText("✓ Valid");
    await expect(page.getByTestId("certificate-name")).toHaveText(chosenName);
    await expect(page.getByTestId("certificate-course")).toHaveText(
      "How neural networks actually work",
    );
    const days = daysAround("en", ...claimedBetween);
    await expect(page.getByTestId("certificate-date")).toHaveText(
      new RegExp(`^Issued on (${days.join("|")})$`),
    );
    await expect(page.getByTestId("certificate-code")).toHaveText(code);
    // Nothing personal but the chosen name.
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain(email);
    expect(text).not.toContain(email.split("@")[0] ?? "?");
    await expectNoSeriousA11yViolations(page);

    // In German: the same certificate, the date said the German way.
    await page.goto(`/de${certificatePath}`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Abschlusszertifikat" }),
    ).toBeVisible();
    await expect(page.getByTestId("certificate-status")).toHaveText("✓ Gültig");
    const tage = daysAround("de", ...claimedBetween);
    await expect(page.getByTestId("certificate-date")).toHaveText(
      new RegExp(`^Ausgestellt am (${tage.join("|")})$`),
    );
    // A code typed loosely (lower case, spaces) finds it too.
    await page.goto(`/certificates/${code.toLowerCase().replaceAll("-", "%20")}`);
    await expect(page.getByTestId("certificate-name")).toHaveText(chosenName);
    await context.close();
  });

  test("it prints on one A4 or Letter page, without the site's header and footer", async ({
    browser,
  }) => {
    // The width printing leaves on A4 once the margins are taken off.
    const context = await browser.newContext({
      viewport: { width: A4.width - 2 * MARGIN, height: A4.height - 2 * MARGIN },
    });
    const page = await context.newPage();
    await page.goto(certificatePath);
    await expect(page.getByTestId("certificate-name")).toHaveText(chosenName);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(page.getByTestId("certificate-name")).toBeVisible();
    const height = await page.evaluate(() => document.body.scrollHeight);
    expect(height, "the certificate's height in print").toBeLessThanOrEqual(A4.height);
    expect(height, "within A4's printable height").toBeLessThanOrEqual(A4.height - 2 * MARGIN);
    expect(height, "within Letter's printable height").toBeLessThanOrEqual(
      LETTER.height - 2 * MARGIN,
    );
    // What Chromium's printing makes of it: one page, on A4 and on Letter.
    for (const format of ["A4", "Letter"] as const) {
      const pdf = (await page.pdf({ format, preferCSSPageSize: true })).toString("latin1");
      expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g), `pages on ${format}`).toHaveLength(1);
    }
    await page.screenshot({
      path: test.info().outputPath("certificate-print.png"),
      fullPage: true,
    });
    await context.close();
  });

  test("an unknown or malformed code is a 404 that says so, never a 500", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const unknown = await page.goto("/certificates/ABCD-EFGH-JKLM-NPQR");
    expect(unknown?.status()).toBe(404);
    await expect(
      page.getByRole("heading", { level: 1, name: "No such certificate" }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    for (const path of [
      "/certificates/nope",
      `/certificates/${"A".repeat(300)}`,
      `/certificates/${code.replace(/^./, "0")}`,
      "/de/certificates/ABCD-EFGH-JKLM-NPQR",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await expect(
      page.getByRole("heading", { level: 1, name: "Dieses Zertifikat gibt es nicht" }),
    ).toBeVisible();
    // A broken percent-encoding is refused before any page (src/http/request-guards.ts); odd
    // characters find nothing. Never a 5xx.
    const broken = await page.request.get("/certificates/%E0%A4%A");
    expect(broken.status()).toBe(400);
    for (const odd of ["%00", "a%0Ab", "__proto__", "..%2F..%2Fetc%2Fpasswd", "%E7%A2%81"]) {
      const response = await page.request.get(`/certificates/${odd}`);
      expect(response.status(), odd).toBeGreaterThanOrEqual(400);
      expect(response.status(), odd).toBeLessThan(500);
    }
    await context.close();
  });
});
