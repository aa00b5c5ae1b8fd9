import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { mailedSignInLink, newAddress, randomIp, signIn } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * The admins' area, end to end on the production build: a new user makes themself an educator
 * ("I teach"); the demo admin finds them on /admin, takes the educator role away with a reason,
 * and sees the change on the person's page and in the audit log; the user can no longer create
 * cohorts. A learner gets the not-found page on every admin address. The three admin pages are
 * axe-clean in light and dark. Desktop only (the phone project in playwright.config.ts does not
 * match this file): the pages' tables scroll sideways on a phone
 * (ScrollRegion), as the teaching pages' do.
 */

test.describe.configure({ mode: "serial" });

/** The demo seed's admin (prisma/scripts/demo-seed.ts); their name, not the address, is shown. */
const ADMIN_EMAIL = "admin@example.com";

interface Person {
  email: string;
  context: BrowserContext;
  page: Page;
}

const people: Person[] = [];
test.afterAll(async () => {
  for (const p of people) await p.context.close();
});

async function newContext(browser: Browser) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  return { context, page: await context.newPage() };
}

/** A new user, signed in. */
async function newUser(browser: Browser, prefix: string): Promise<Person> {
  const { context, page } = await newContext(browser);
  const email = newAddress().replace("learner", prefix);
  await signIn(page, email);
  const made = { email, context, page };
  people.push(made);
  return made;
}

/** The demo admin, signed in: the header shows their name, so only the address is checked. */
async function signedInAdmin(browser: Browser): Promise<Person> {
  const { context, page } = await newContext(browser);
  const link = await mailedSignInLink(page, ADMIN_EMAIL);
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${ADMIN_EMAIL}` }).click();
  await expect(page).toHaveURL(/\/course$/);
  const made = { email: ADMIN_EMAIL, context, page };
  people.push(made);
  return made;
}

let teacher: Person | undefined;
let admin: Person | undefined;

/** A person an earlier test of this serial file made. */
function the(person: Person | undefined): Person {
  if (!person) throw new Error("an earlier test did not run");
  return person;
}
let userPath = "";
const reason = `Left the school (${randomUUID().slice(0, 8)})`;

test.describe("an admin takes the educator role away", () => {
  test("a new user makes themself an educator", async ({ browser }) => {
    teacher = await newUser(browser, "admin-journey");
    const { page } = teacher;
    await page.goto("/educator");
    await page.getByRole("button", { name: "I teach: make me an educator" }).click();
    await expect(page.getByRole("heading", { name: "New cohort" })).toBeVisible();
  });

  test("the admin finds them, takes the role away with a reason, and sees it logged", async ({
    browser,
  }) => {
    const { email } = the(teacher);
    admin = await signedInAdmin(browser);
    const { page } = admin;
    // The header's Admin link, shown to admins only.
    await page.getByRole("banner").getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();

    await page.getByLabel("Address or name").fill(email.toUpperCase());
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\?q=/);
    await expect(page.getByRole("heading", { name: "1 person found." })).toBeVisible();
    const results = page.getByTestId("user-table");
    await expect(results.getByRole("row").filter({ hasText: email })).toContainText("Educator");
    await results.getByRole("link", { name: email }).click();

    await expect(page.getByRole("heading", { level: 1, name: email })).toBeVisible();
    userPath = new URL(page.url()).pathname;
    expect(userPath).toMatch(/^\/admin\/users\/\w+$/);
    await expect(page.getByTestId("user-role")).toHaveText("Educator");
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("No admin has changed anything about this account yet.");

    const form = page.getByRole("region", { name: "Change the role" });
    await form.getByLabel("New role").selectOption({ label: "Learner" });
    // A reason is required: too short is refused, and nothing changes.
    await form.getByLabel("Reason (kept in the audit log)").fill("no");
    await form.getByRole("button", { name: "Change role" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "Give a reason of at least 3 characters: it is kept in the audit log.",
    );
    await expect(page.getByTestId("user-role")).toHaveText("Educator");

    await form.getByLabel("Reason (kept in the audit log)").fill(reason);
    await form.getByRole("button", { name: "Change role" }).click();
    await expect(form.getByRole("status")).toHaveText(
      "Role changed. The change is in the audit log.",
    );
    await expect(page.getByTestId("user-role")).toHaveText("Learner");
    const entry = history.getByRole("row").filter({ hasText: reason });
    await expect(entry).toContainText("Role changed");
    await expect(entry).toContainText("Role: Educator → Learner");
    await expect(entry.getByRole("link", { name: "Ada Admin" }).first()).toBeVisible();

    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const logged = page.getByTestId("audit-table").getByRole("row").filter({ hasText: reason });
    await expect(logged).toHaveCount(1);
    await expect(logged).toContainText("Role: Educator → Learner");
    await expect(logged.getByRole("link", { name: email })).toHaveAttribute("href", userPath);
    // Read-only: no form, no button in the log.
    await expect(page.getByTestId("audit-table").getByRole("button")).toHaveCount(0);
  });

  test("the former educator can no longer create cohorts", async () => {
    const { page } = the(teacher);
    await page.goto("/educator");
    await expect(page.getByRole("heading", { level: 1, name: "Teach" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "New cohort" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create cohort" })).toHaveCount(0);
  });

  test("a learner gets the not-found page on every admin address, and no Admin link", async () => {
    const { page } = the(teacher);
    await page.goto("/course");
    await expect(page.getByRole("banner").getByTestId("account")).toBeVisible();
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Admin", exact: true }),
    ).toHaveCount(0);
    for (const path of ["/admin", "/admin/audit", userPath]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expect(page.getByLabel("Address or name")).toHaveCount(0);
      await expect(page.getByText(reason)).toHaveCount(0);
    }
  });
});

test.describe("the admin pages", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`are axe-clean (${colorScheme})`, async ({ browser }) => {
      admin ??= await signedInAdmin(browser);
      const { page } = admin;
      await page.emulateMedia({ colorScheme });
      const query = teacher?.email ?? "@example.com";
      await page.goto(`/admin?q=${encodeURIComponent(query)}`);
      await expect(page.getByTestId("user-table")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.getByTestId("user-table").getByRole("link").first().click();
      await expect(page.getByRole("heading", { name: "Change the role" })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.goto("/admin/audit");
      await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  }
});
