import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { newAddress, randomIp, signIn } from "./accounts";
import { expect, test } from "./fixtures";
import { linkIn, mailsTo, waitForMails } from "./mailbox";

/**
 * An educator's main path, end to end on the production build: they become an educator, create
 * a cohort by keyboard alone, set a lesson with a due date; two learners join (by the link and by
 * the code typed), answer exercises; the dashboard, the per-exercise table and the CSV export show
 * exactly that; a learner leaves and disappears from it. Then who may open what, over HTTP.
 */

test.describe.configure({ mode: "serial" });

interface Person {
  email: string;
  context: BrowserContext;
  page: Page;
}

async function person(browser: Browser, prefix: string): Promise<Person> {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const page = await context.newPage();
  const email = newAddress().replace("learner", prefix);
  await signIn(page, email);
  const made = { email, context, page };
  people.push(made);
  return made;
}

/**
 * The educator's guide in the docs app shows these pages: with GUIDE_SCREENSHOTS=1 the journey
 * saves them there (`pnpm --filter @neuronlab/web guide:screenshots`), so the pictures are made
 * by this script from the real pages, never by hand.
 */
async function guideShot(page: Page, name: string, target?: string) {
  if (!process.env.GUIDE_SCREENSHOTS) return;
  const path = new URL(`../../docs/public/guide/${name}.png`, import.meta.url).pathname;
  if (target) {
    await page.locator(target).screenshot({ path });
  } else {
    await page.screenshot({ path });
  }
}

/**
 * Runs a job as the platform's worker would, for a chosen moment (`pnpm job … --at … --wait`:
 * queued on the platform's database, run by the worker beside the server under test).
 */
function runJob(name: string, at: string): void {
  execFileSync("pnpm", ["job", name, "--at", at, "--wait"], {
    cwd: new URL("..", import.meta.url).pathname,
    stdio: "pipe",
    timeout: 90_000,
  });
}

const reminders = async (email: string) =>
  (await mailsTo(email)).filter((mail) => mail.subject.startsWith("Reminder:"));

async function answer(page: Page, exerciseId: string, value: number) {
  const response = await page.request.post(`/api/exercises/${exerciseId}/attempts`, {
    data: { attemptId: randomUUID(), answer: { kind: "numeric", value } },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { correct: boolean; saved: boolean };
}

let educator: Person;
let lea: Person;
let max: Person;
let cohortUrl = "";
let joinCode = "";
let joinLink = "";
const cohortName = `Klasse 7b ${randomUUID().slice(0, 4)}`;

const people: Person[] = [];
test.afterAll(async () => {
  for (const p of people) await p.context.close();
});

test.describe("an educator's journey", () => {
  test.skip(
    ({ isMobile }) => isMobile,
    "one run of the journey; the pages are checked at both sizes",
  );

  test("an educator creates a cohort by keyboard and sets a lesson with a due date", async ({
    browser,
  }) => {
    educator = await person(browser, "teacher");
    const { page } = educator;
    await page.goto("/educator");
    await expect(page.getByRole("heading", { level: 1, name: "Teach" })).toBeVisible();
    await page.getByRole("button", { name: "I teach: make me an educator" }).click();
    await expect(page.getByRole("heading", { name: "New cohort" })).toBeVisible();
    await guideShot(page, "new-cohort", "#new-cohort + form");

    // Keyboard only: focus the name field from the heading's section, type, Tab through, Enter.
    await page.getByLabel("Name").focus();
    await page.keyboard.type(cohortName);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Thursdays, room 12");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Create cohort" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
    cohortUrl = new URL(page.url()).pathname;
    expect(cohortUrl).toMatch(/^\/educator\/cohorts\/\w+$/);
    joinCode = (await page.getByTestId("join-code").textContent()) ?? "";
    expect(joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    joinLink = (await page.getByTestId("join-link").textContent()) ?? "";
    expect(joinLink).toBe(`http://127.0.0.1:3100/join/${joinCode}`);
    await expect(page.getByRole("img", { name: /QR code of the join link/ })).toBeVisible();
    await guideShot(page, "joining", "section:has(#join)");

    const setForm = page.locator("form", { has: page.getByLabel("Lesson or goal exercise") });
    await setForm.getByLabel("Lesson or goal exercise").selectOption("a-single-neuron");
    await setForm.getByLabel(/Due date/).fill("2030-03-14");
    await setForm.getByRole("button", { name: "Set assignment" }).click();
    await expect(setForm.getByText("Assignment saved.")).toBeVisible();
    await expect(page.locator('[data-assignment="a-single-neuron"]')).toContainText(
      "due Mar 14, 2030",
    );
    // One goal exercise on its own, and a prepared playground setup, pasted as its link.
    await setForm
      .getByLabel("Lesson or goal exercise")
      .selectOption("a-single-neuron#neuron-separate");
    await setForm.getByLabel(/Due date/).fill("");
    await setForm.getByRole("button", { name: "Set assignment" }).click();
    await expect(page.locator('[data-assignment="neuron-separate"]')).toContainText(
      "Goal exercise 5 of 5 in “Inside a single neuron” no due date",
    );
    const playground = page.locator("form", { has: page.getByLabel("Playground link") });
    await playground.getByLabel("Playground link").fill("https://example.com/?pg=hello");
    await playground.getByRole("button", { name: "Set playground setup" }).click();
    await expect(playground.getByRole("alert")).toContainText(
      "Paste a link copied from the playground",
    );
    await playground
      .getByLabel("Playground link")
      .fill("http://127.0.0.1:3100/course/why-deep-works?pg=v1_data-xor_layers-4.2");
    await playground.getByLabel("What to try (optional)").fill("Two hidden layers on XOR");
    await playground.getByRole("button", { name: "Set playground setup" }).click();
    await expect(page.locator('[data-kind="playground"]')).toContainText(
      "Playground setup: Two hidden layers on XOR",
    );
  });

  test("learners join by the link and by the typed code, see what teachers see, and answer", async ({
    browser,
  }) => {
    lea = await person(browser, "lea");
    await lea.page.goto(new URL(joinLink).pathname);
    await expect(lea.page.getByRole("heading", { name: `Join ${cohortName}` })).toBeVisible();
    await expect(lea.page.getByText("What your teachers will see")).toBeVisible();
    await guideShot(lea.page, "join-page", "main");
    await lea.page.getByRole("button", { name: "Join the class" }).click();
    await expect(lea.page).toHaveURL(/\/dashboard\?joined=1$/);
    await expect(lea.page.getByRole("status").filter({ hasText: "You have joined" })).toBeVisible();
    const leasClass = lea.page.locator(`[data-cohort="${cohortName}"]`);
    await expect(leasClass).toContainText("due Mar 14, 2030");
    await expect(
      leasClass
        .locator('[data-kind="playground"]')
        .getByRole("link", { name: /Two hidden layers/ }),
    ).toHaveAttribute("href", /^\/course\/why-deep-works\?pg=v1_data-xor_.*layers-4\.2/);
    await expect(
      leasClass.locator('[data-assignment="neuron-separate"]').getByRole("link"),
    ).toHaveAttribute("href", "/course/a-single-neuron#exercise-neuron-separate");

    max = await person(browser, "max");
    await max.page.goto("/join");
    await max.page.getByLabel("Join code").fill(` ${joinCode.toLowerCase().replace("-", " ")} `);
    await max.page.getByRole("button", { name: "Join the class" }).click();
    await expect(max.page.locator(`[data-cohort="${cohortName}"]`)).toBeVisible();

    // A code that does not exist: a clear message, nothing joined.
    await max.page.goto("/join");
    await max.page.getByLabel("Join code").fill("ZZZZ-ZZZZ");
    await max.page.getByRole("button", { name: "Join the class" }).click();
    await expect(max.page.locator("form").getByRole("alert")).toHaveText(
      "There is no class with this code. Check it with your teacher.",
    );

    // Lea: wrong, then right. Max: right at once.
    expect(await answer(lea.page, "neuron-compute-z", 0.7)).toMatchObject({
      correct: false,
      saved: true,
    });
    expect(await answer(lea.page, "neuron-compute-z", -0.7)).toMatchObject({ correct: true });
    expect(await answer(max.page, "neuron-compute-z", -0.7)).toMatchObject({ correct: true });
  });

  test("the dashboard, the exercise table and the CSV export show exactly that", async () => {
    const { page } = educator;
    await page.goto(cohortUrl);
    const table = page.getByTestId("class-table");
    const leaRow = table.locator("tr", { hasText: lea.email });
    await expect(leaRow.locator('[data-lesson="a-single-neuron"]')).toHaveAttribute(
      "data-state",
      "in_progress",
    );
    await expect(leaRow.locator('[data-lesson="a-single-neuron"]')).toContainText(
      "in progress, 1/",
    );
    await expect(leaRow.locator('[data-column="solved"]')).toHaveText("1");
    await expect(leaRow.locator('[data-lesson="introduction"]')).toHaveAttribute(
      "data-state",
      "not_started",
    );
    await expect(table.locator("tbody tr")).toHaveCount(2);

    const exercise = page
      .getByTestId("exercise-table")
      .locator('[data-exercise="neuron-compute-z"]');
    await expect(exercise.locator('[data-column="tried"]')).toHaveText("2");
    await expect(exercise.locator('[data-column="solved"]')).toHaveText("2");
    await expect(exercise.locator('[data-column="first-try"]')).toHaveText("50%");
    await expect(exercise.locator('[data-column="attempts"]')).toHaveText("3");
    await expect(exercise).toContainText("0.7 (once)");

    const csv = await page.request.get(
      `/api/educator/cohorts/${cohortUrl.split("/").pop() ?? ""}/export?kind=attempts`,
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Learner,Lesson,Exercise,Answer,Right,Time (UTC)");
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith(lea.email))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith(max.email))).toHaveLength(1);
    expect(lines[1]).toBe(
      `${lea.email},Inside a single neuron,neuron-compute-z,0.7,no,${lines[1]?.split(",").pop() ?? ""}`,
    );
    expect(lines[2]).toMatch(/,neuron-compute-z,-0\.7,yes,\d{4}-\d\d-\d\dT/);

    await expectNoSeriousA11yViolations(page);
    await guideShot(page, "class-dashboard", "section:has(#dashboard)");
    await guideShot(page, "exercises", "section:has(#exercises)");
    // For a person to look at: the cohort page as its teacher sees it.
    await page.screenshot({ path: test.info().outputPath("cohort-desktop.png"), fullPage: true });
  });

  test("the course page shows the assignment; its reminder goes out once, two days before the due date", async () => {
    // Three runs of the job, each a process of its own (pnpm job … --wait): slow on a busy machine.
    test.slow();
    // On the course page, under the lesson: which class set it and when it is due.
    await lea.page.goto("/course");
    await expect(lea.page.locator('[data-course-assignments="a-single-neuron"]')).toContainText(
      `Set by ${cohortName} · due Mar 14, 2030`,
    );

    // Max turns reminders off on his account page.
    await max.page.goto("/account");
    const choices = max.page.locator("#mail");
    await choices.getByLabel(/Reminders of assignments/).uncheck();
    await choices.getByRole("button", { name: "Save email choices" }).click();
    await expect(choices.getByRole("status")).toHaveText("Your email choices are saved.");
    await max.page.reload();
    await expect(
      max.page.locator("#mail").getByLabel(/Reminders of assignments/),
    ).not.toBeChecked();
    await expectNoSeriousA11yViolations(max.page);

    // The job, run by the test with the clock moved (the worker beside the platform runs it):
    // four days before the due date, nothing; one day before, one mail to Lea; again, no more.
    runJob("assignment-reminders", "2030-03-10T12:00:00Z");
    expect(await reminders(lea.email)).toHaveLength(0);
    runJob("assignment-reminders", "2030-03-13T12:00:00Z");
    const [mail] = await waitForMails(lea.email, /^Reminder:/);
    if (!mail) throw new Error("no reminder");
    expect(mail.subject).toBe(
      "Reminder: “Inside a single neuron” is due Thursday, March 14, 2030 at 11:59 PM",
    );
    expect(mail.text).toContain(`Your class ${cohortName} has the lesson Inside a single neuron`);
    expect(linkIn(mail, /\/course\//)).toBe("http://127.0.0.1:3100/course/a-single-neuron");
    runJob("assignment-reminders", "2030-03-13T18:00:00Z");
    expect(await reminders(lea.email)).toHaveLength(1);
    expect(await reminders(max.email)).toHaveLength(0);
  });

  test("a learner who leaves disappears from the dashboard", async () => {
    max.page.on("dialog", (dialog) => void dialog.accept());
    await max.page.goto("/dashboard");
    await max.page.getByRole("button", { name: `Leave ${cohortName}` }).click();
    await expect(max.page).toHaveURL(/\/dashboard\?left=1$/);
    await expect(
      max.page.getByRole("status").filter({ hasText: "You have left the class." }),
    ).toBeVisible();
    await expect(max.page.locator(`[data-cohort="${cohortName}"]`)).toHaveCount(0);
    await educator.page.goto(cohortUrl);
    await expect(educator.page.getByTestId("class-table").locator("tbody tr")).toHaveCount(1);
  });

  test("who may open what: another educator, a learner and a visitor get nothing of the cohort", async ({
    browser,
    request,
  }) => {
    const cohortId = cohortUrl.split("/").pop() ?? "";
    const other = await person(browser, "other-teacher");
    await other.page.goto("/educator");
    await other.page.getByRole("button", { name: "I teach: make me an educator" }).click();
    await expect(other.page.getByRole("heading", { name: "New cohort" })).toBeVisible();
    const learnerId = await educator.page
      .getByTestId("class-table")
      .getByRole("link", { name: lea.email })
      .getAttribute("href");
    const paths = [cohortUrl, learnerId ?? ""];
    for (const viewer of [other, lea]) {
      for (const path of paths) {
        const response = await viewer.page.goto(path);
        expect(response?.status(), `${viewer.email} ${path}`).toBe(404);
        await expect(viewer.page.getByText(cohortName)).toHaveCount(0);
      }
      const csv = await viewer.page.request.get(
        `/api/educator/cohorts/${cohortId}/export?kind=dashboard`,
      );
      expect(csv.status()).toBe(viewer === lea ? 403 : 404);
    }
    // A visitor is asked to sign in, and sees nothing of the cohort.
    const anonymous = await request.get(`/api/educator/cohorts/${cohortId}/export?kind=dashboard`);
    expect(anonymous.status()).toBe(401);
    await other.context.close();
  });
});

test.describe("the teaching pages at this size", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`are axe-clean and fit the screen (${colorScheme})`, async ({ browser }) => {
      // Five pages, each checked by axe: on a busy two-core machine this takes over a minute.
      test.slow();
      const teacher = await person(browser, "axe-teacher");
      const { page } = teacher;
      await page.emulateMedia({ colorScheme });
      await page.goto("/educator");
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: "I teach: make me an educator" }).click();
      await page.getByLabel("Name").fill("Axe class");
      await page.getByRole("button", { name: "Create cohort" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Axe class" })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({
        path: test.info().outputPath(`cohort-${colorScheme}.png`),
        fullPage: true,
      });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      const code = (await page.getByTestId("join-code").textContent()) ?? "";
      await page.goto(`/join/${code}`);
      await expectNoSeriousA11yViolations(page);
      await page.goto("/dashboard");
      await expectNoSeriousA11yViolations(page);
    });
  }
});
