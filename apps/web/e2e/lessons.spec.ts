import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { expect, test } from "./fixtures";
import { FIRST_LOAD_BUDGET_GZIP, measureFirstLoad } from "../scripts/first-load.ts";
import { LESSONS, loadEveryWidget, watchErrors } from "./helpers.ts";

for (const slug of LESSONS) {
  test(`${slug}: opens, loads every figure without console errors and passes axe-core`, async ({
    page,
  }, info) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(`/course/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const exercises = page.locator("section[id^='exercise-']");
    expect(await exercises.count()).toBeGreaterThanOrEqual(3);
    await loadEveryWidget(page);
    await expectNoSeriousA11yViolations(page);
    // The dark theme, figures included, on the same page: it follows the system's change. Colours
    // do not depend on the size, so the phone project checks the light theme only.
    if (info.project.name !== "phone") {
      await page.emulateMedia({ colorScheme: "dark" });
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await expectNoSeriousA11yViolations(page);
    }
    expect(errors).toEqual([]);
  });
}

test("the course page links every lesson, and a lesson links to the next", async ({ page }) => {
  await page.goto("/course");
  await page.getByRole("link", { name: "Inside a single neuron" }).click();
  await expect(page).toHaveURL(/\/course\/a-single-neuron$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Inside a single neuron" }),
  ).toBeVisible();
  await page
    .getByRole("navigation", { name: "Lessons" })
    .getByRole("link", { name: /Next/ })
    .click();
  await expect(page).toHaveURL(/\/course\/activation-functions$/);
});

test("an unknown lesson is a 404", async ({ page }) => {
  const response = await page.goto("/course/no-such-lesson");
  expect(response?.status()).toBe(404);
});

test.describe("exercises", () => {
  test("a numeric answer: a wrong one is refused with the explanation, the right one accepted", async ({
    page,
  }) => {
    await page.goto("/course/a-single-neuron#exercise-neuron-compute-z");
    const card = page.locator("#exercise-neuron-compute-z");
    const box = card.getByLabel("Your answer");
    await box.fill("abc");
    await card.getByRole("button", { name: "Check my answer" }).click();
    await expect(card.getByRole("alert")).toHaveText("Type a number, such as 0.75 or -2.");

    await box.fill("0.7");
    await card.getByRole("button", { name: "Check my answer" }).click();
    await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "wrong");
    await expect(card.getByText("Why", { exact: true })).toBeVisible();

    await box.fill("-0,7");
    await card.getByRole("button", { name: "Check my answer" }).click();
    await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "right");
    await expect(card.getByText(/✓ Solved · 2 attempts/)).toBeVisible();
  });

  test("hints come one at a time", async ({ page }) => {
    await page.goto("/course/a-single-neuron#exercise-neuron-compute-z");
    const card = page.locator("#exercise-neuron-compute-z");
    await expect(card.getByRole("list", { name: "Hints" })).toHaveCount(0);
    await card.getByRole("button", { name: /Show a hint/ }).click();
    await expect(card.getByRole("list", { name: "Hints" }).getByRole("listitem")).toHaveCount(1);
  });

  test("multiple choice, single and several answers", async ({ page }) => {
    await page.goto("/course/a-single-neuron#exercise-neuron-relu-output");
    const single = page.locator("#exercise-neuron-relu-output");
    await single.getByRole("radio", { name: "0.7", exact: true }).check();
    await single.getByRole("button", { name: "Check my answer" }).click();
    await expect(single.locator("[data-result]")).toHaveAttribute("data-result", "wrong");
    await single.getByRole("radio", { name: "0", exact: true }).check();
    await single.getByRole("button", { name: "Check my answer" }).click();
    await expect(single.locator("[data-result]")).toHaveAttribute("data-result", "right");

    const several = page.locator("#exercise-neuron-weights-matter");
    await several.scrollIntoViewIfNeeded();
    await several.getByRole("checkbox", { name: /Increase x1/ }).check();
    await several.getByRole("button", { name: "Check my answer" }).click();
    await expect(several.locator("[data-result]")).toContainText("1 of the 3 right options");
    await several.getByRole("checkbox", { name: /Increase the bias/ }).check();
    await several.getByRole("checkbox", { name: /Set w2 to 0/ }).check();
    await several.getByRole("button", { name: "Check my answer" }).click();
    await expect(several.locator("[data-result]")).toHaveAttribute("data-result", "right");
  });

  test("ordering, by keyboard: the training loop's four steps", async ({ page }) => {
    await page.goto("/course/backpropagation-and-gradient-descent#exercise-backprop-loop-order");
    const card = page.locator("#exercise-backprop-loop-order");
    const want = ["forward pass", "loss", "backprop", "update"];
    // Bubble each step into its place with the arrow buttons, pressing them with the keyboard.
    for (let target = 0; target < want.length; target++) {
      const items = card.getByRole("list", { name: "Your order" }).getByRole("listitem");
      const texts = (await items.allTextContents()).map((t) => t.toLowerCase());
      let at = texts.findIndex((t) => t.includes(want[target] ?? ""));
      expect(at, `step "${want[target]}" in ${texts.join(" | ")}`).toBeGreaterThanOrEqual(target);
      while (at > target) {
        await items.nth(at).getByRole("button", { name: /up$/ }).focus();
        await page.keyboard.press("Enter");
        at--;
      }
    }
    await card.getByRole("button", { name: "Check my answer" }).press("Enter");
    await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "right");
  });

  test("results stay in the browser: the course page shows them after a reload", async ({
    page,
  }) => {
    await page.goto("/course/a-single-neuron#exercise-neuron-compute-z");
    const card = page.locator("#exercise-neuron-compute-z");
    await card.getByLabel("Your answer").fill("-0.7");
    await card.getByRole("button", { name: "Check my answer" }).click();
    await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "right");
    await page.getByRole("button", { name: "Mark this lesson as done" }).click();
    await page.goto("/course");
    const progress = page.locator("[data-lesson-progress='a-single-neuron']");
    await expect(progress).toContainText("Done");
    await expect(progress).toContainText(/1 of \d+ exercises solved/);
    await page.reload();
    await expect(progress).toContainText(/1 of \d+ exercises solved/);
  });
});

test("the server refuses malformed answers with a 4xx, never a 500", async ({ request }, info) => {
  test.skip(info.project.name === "phone", "one browser size is enough for the API");
  const url = "/api/exercises/neuron-compute-z/attempts";
  const bodies: [string, string][] = [
    ["application/json", "{"],
    ["application/json", "null"],
    ["application/json", JSON.stringify({ attemptId: "x", answer: { kind: "numeric", value: 1 } })],
    ["text/plain", "hello"],
    ["application/json", JSON.stringify({ pad: "x".repeat(20_000) })],
  ];
  for (const [type, data] of bodies) {
    const response = await request.post(url, { headers: { "content-type": type }, data });
    expect(response.status(), `${type} ${data.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message.length).toBeGreaterThan(0);
  }
  const unknown = await request.post("/api/exercises/nope/attempts", { data: {} });
  expect(unknown.status()).toBe(404);
});

test("answer keys and explanations never reach the browser before an answer", async ({
  page,
  request,
}) => {
  // A distinctive phrase from an explanation, and the key's field names, must be absent from the
  // page and from every script it loads.
  const keyResponse = await request.post("/api/exercises/neuron-compute-z/attempts", {
    data: { attemptId: crypto.randomUUID(), answer: { kind: "numeric", value: 123 } },
  });
  const { explanation } = (await keyResponse.json()) as { explanation: string };
  const phrase = explanation.slice(0, 60);
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.push(await response.text());
  });
  await page.goto("/course/a-single-neuron");
  await loadEveryWidget(page);
  const html = await page.content();
  const raw = await (await request.get("/course/a-single-neuron")).text();
  for (const text of [html, raw, ...scripts]) {
    expect(text).not.toContain(phrase);
    expect(text).not.toMatch(/"?correct"?:\s*\[/);
    expect(text).not.toMatch(/"tolerance":/);
  }
});

test("lesson pages stay within the first-load JavaScript budget, in every language", async ({
  baseURL,
}, info) => {
  test.skip(info.project.name === "phone", "the same bytes on every screen");
  for (const path of LESSONS.flatMap((slug) => [`/course/${slug}`, `/de/course/${slug}`])) {
    const measured = await measureFirstLoad(baseURL ?? "", path);
    expect(measured.gzip, path).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZIP);
    // The engine and TensorFlow.js arrive only with a widget.
    expect(measured.scripts.length).toBeGreaterThan(0);
  }
  // The page carries its own messages, not the catalogue: none of the account pages' words.
  const html = await (await fetch(new URL("/de/course/summary", baseURL))).text();
  expect(html).toContain("Antwort prüfen");
  expect(html).not.toContain("Konto löschen");
  expect(html).not.toContain("Lokaler Postausgang");
});

test("the reading position is kept: coming back offers to continue where the learner was", async ({
  page,
}) => {
  await page.goto("/course/a-single-neuron");
  const heading = page.getByRole("heading", { level: 2, name: "The whole neuron in two lines" });
  // Read from just below the heading's top, as a learner scrolling down would.
  await heading.evaluate((element) => {
    element.scrollIntoView({ block: "start" });
    window.scrollBy(0, 20);
  });
  await expect
    .poll(() =>
      page.evaluate(() => {
        const raw = localStorage.getItem("neuronlab.progress.v1");
        const record = raw
          ? (JSON.parse(raw) as { lessons: Record<string, { position?: { anchor: string } }> })
          : undefined;
        return record?.lessons["a-single-neuron"]?.position?.anchor;
      }),
    )
    .toBe("the-whole-neuron-in-two-lines");

  await page.goto("/course/a-single-neuron");
  const offer = page.getByRole("region", { name: "Resume reading" });
  await expect(offer).toContainText("The whole neuron in two lines");
  await offer.getByRole("link", { name: "Continue there" }).click();
  await expect(page).toHaveURL(/#the-whole-neuron-in-two-lines$/);
  await expect(heading).toBeInViewport();
  await expect(offer).toHaveCount(0);
});
