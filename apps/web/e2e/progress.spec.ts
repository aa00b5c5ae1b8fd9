import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { linkIn, newestMail } from "./mailbox";

// Accounts: sign-up by emailed link (read from the tests' SMTP server, e2e/mailbox.ts),
// progress kept in the account across browsers, anonymous progress merged once, and the
// learner's own data downloaded and deleted. One browser size is enough for these flows.
test.describe.configure({ timeout: 90_000 });

const uniqueEmail = (what: string) =>
  `${what}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/**
 * Asks for a sign-in link, opens it from the mail that arrived and confirms. The link may name another
 * host (NEXTAUTH_URL); only its path and query are followed, on the server under test.
 */
async function signIn(page: Page, email: string, callbackUrl: string): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email");

  const mail = await newestMail(email, /Your Neuronlab sign-in link/);
  const link = new URL(linkIn(mail, /\/auth\/confirm\?token=/));
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[?#].*$/, "")}(?:[?#].*)?$`));
}

async function signOut(page: Page): Promise<void> {
  await page.goto("/sign-out");
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-out");
  await expect(page.getByText("You are signed out.")).toBeVisible();
}

/** Answers the "compute z" exercise of lesson 1 right. */
async function solveComputeZ(page: Page): Promise<void> {
  await page.goto("/course/a-single-neuron#exercise-neuron-compute-z");
  const card = page.locator("#exercise-neuron-compute-z");
  await card.getByLabel("Your answer").fill("-0.7");
  await card.getByRole("button", { name: "Check my answer" }).click();
  await expect(card.locator("[data-result]")).toHaveAttribute("data-result", "right");
  await expect(card.getByText(/✓ Solved · 1 attempt\b/)).toBeVisible();
}

const browserRecord = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem("neuronlab.progress.v1");
    return raw ? (JSON.parse(raw) as { attempts: { merged?: boolean }[] }) : null;
  });

test("sign up by emailed link, do an exercise, reload, sign out and in on a new browser context, see the same progress", async ({
  browser,
}) => {
  const email = uniqueEmail("learner");
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, email, "/course/a-single-neuron");

  await solveComputeZ(page);
  await page.getByRole("button", { name: "Mark this lesson as done" }).click();
  await expect(page.getByText(/Lesson marked as done/)).toBeVisible();

  await page.reload();
  const card = page.locator("#exercise-neuron-compute-z");
  await expect(card.getByText(/✓ Solved · 1 attempt\b/)).toBeVisible();
  await expect(page.getByText(/Lesson marked as done/)).toBeVisible();
  // It is in the account, not in this browser's own record.
  expect((await browserRecord(page))?.attempts ?? []).toEqual([]);

  await signOut(page);
  await first.close();

  const second = await browser.newContext();
  const other = await second.newPage();
  await signIn(other, email, "/dashboard");
  await expect(other.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  await expect(other.locator("[data-stat='Lessons done']")).toContainText("1");
  await expect(other.locator("[data-stat='Exercises solved']")).toContainText("1");
  const recent = other.getByRole("table");
  await expect(recent.getByRole("row")).toHaveCount(2);
  await expect(recent).toContainText("Inside a single neuron");
  await expect(recent).toContainText("✓ Right");
  await expectNoSeriousA11yViolations(other);

  await other.goto("/course");
  await expect(other.getByText("Your progress is kept in your account")).toBeVisible();
  const badge = other.locator("[data-lesson-progress='a-single-neuron']");
  await expect(badge).toContainText("Done");
  await expect(badge).toContainText(/1 of \d+ exercises solved/);
  await second.close();
});

test("progress made before signing in moves into the account once", async ({ page }) => {
  await solveComputeZ(page);
  await page.getByRole("button", { name: "Mark this lesson as done" }).click();
  expect((await browserRecord(page))?.attempts).toHaveLength(1);

  await signIn(page, uniqueEmail("merge"), "/dashboard");
  // Merged by the dashboard on arrival, which then shows it.
  await expect(page.locator("[data-stat='Exercises solved']")).toContainText("1", {
    timeout: 20_000,
  });
  await expect(page.locator("[data-stat='Lessons done']")).toContainText("1");
  await expect
    .poll(async () => (await browserRecord(page))?.attempts.every((a) => a.merged))
    .toBe(true);

  // Another visit merges nothing again: still one answer.
  await page.reload();
  await expect(page.locator("[data-stat='Answers given']")).toHaveText("1");
  await page.goto("/course/a-single-neuron#exercise-neuron-compute-z");
  await expect(
    page.locator("#exercise-neuron-compute-z").getByText(/✓ Solved · 1 attempt\b/),
  ).toBeVisible();
});

test("a learner downloads their data and deletes their account", async ({ page }) => {
  const email = uniqueEmail("leaver");
  await signIn(page, email, "/course/a-single-neuron");
  await solveComputeZ(page);

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Your account and data" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Your account and data" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^neuronlab-data-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const data = JSON.parse(await readFile(path, "utf8")) as {
    email: string;
    attempts: { exerciseId: string }[];
  };
  expect(data.email).toBe(email);
  expect(data.attempts.map((a) => a.exerciseId)).toEqual(["neuron-compute-z"]);

  const remove = page.getByRole("button", { name: "Delete my account and all my data" });
  await expect(remove).toBeDisabled();
  await page.getByLabel("Type your e-mail address to confirm").fill(email);
  await remove.click();
  await expect(page.getByRole("status")).toContainText("have been deleted");

  await page.goto("/dashboard");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const api = await page.request.get("/api/progress");
  expect(await api.json()).toEqual({ signedIn: false });
});

test("the progress API answers malformed and foreign requests with a 4xx, never a 500", async ({
  request,
}) => {
  const attempts = "/api/exercises/neuron-compute-z/attempts";
  for (const [method, url, data] of [
    ["PUT", "/api/progress/lessons/introduction", { completedAt: "2026-03-01T09:00:00.000Z" }],
    ["POST", "/api/progress/merge", { attempts: [], lessons: {} }],
    ["GET", "/api/me/export", undefined],
    ["POST", "/api/me/delete", { confirmEmail: "someone@example.com" }],
  ] as const) {
    const response = await request.fetch(url, { method, ...(data ? { data } : {}) });
    expect(response.status(), `${method} ${url} signed out`).toBe(401);
  }
  const garbage = await request.post(attempts, {
    headers: { "content-type": "application/json" },
    data: "{",
  });
  expect(garbage.status()).toBe(400);
  expect(await (await request.get("/api/progress")).json()).toEqual({ signedIn: false });
});
