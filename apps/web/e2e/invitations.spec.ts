import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "@neuronlab/config/axe";
import { askForLink, newAddress, randomIp, signIn } from "./accounts";
import { expect, test } from "./fixtures";
import { linkIn, newestMail, waitForMails } from "./mailbox";

/**
 * Inviting learners by e-mail, end to end on the production build in a local run (mail read from
 * the tests' SMTP server, e2e/mailbox.ts): an educator uploads a CSV file (two addresses, one invalid, one
 * duplicate), checks what was read, sends; both invitations are pending. A learner opens the
 * mailed link signed out, signs in from it, accepts, and is in the class table. An invitation
 * sent again gets a new link (the old one stops working); a withdrawn one's link says so.
 */

test.describe.configure({ mode: "serial" });

interface Person {
  context: BrowserContext;
  page: Page;
}

const people: Person[] = [];
test.afterAll(async () => {
  for (const p of people) await p.context.close();
});

async function visitor(browser: Browser): Promise<Person> {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const made = { context, page: await context.newPage() };
  people.push(made);
  return made;
}

/** The link in the `nth` invitation mail (1: the first) that arrived at the tests' SMTP server. */
async function invitationLink(to: string, nth = 1): Promise<string> {
  const mails = await waitForMails(to, /invites you to/, nth);
  const mail = mails[nth - 1];
  if (!mail) throw new Error(`no invitation mail number ${String(nth)} to ${to}`);
  expect(mail.html).toContain(`<strong>${cohortName}</strong>`);
  const href = linkIn(mail, /\/invitations\//);
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:3100\/invitations\/[A-Za-z0-9_-]{43}$/);
  return new URL(href).pathname;
}

const suffix = randomUUID().slice(0, 8);
const lea = `lea-${suffix}@example.com`;
const max = `max-${suffix}@example.com`;
const cohortName = `Invited class ${suffix.slice(0, 4)}`;

let educator: Person;
let cohortUrl = "";
let maxFirstLink = "";

test.describe("inviting learners by e-mail", () => {
  test("an educator uploads a CSV file, checks what was read and sends two invitations", async ({
    browser,
  }) => {
    educator = await visitor(browser);
    const { page } = educator;
    await signIn(page, newAddress().replace("learner", "inviting-teacher"));
    await page.goto("/educator");
    await page.getByRole("button", { name: "I teach: make me an educator" }).click();
    await page.getByLabel("Name").fill(cohortName);
    await page.getByRole("button", { name: "Create cohort" }).click();
    await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
    cohortUrl = new URL(page.url()).pathname;

    const panel = page.getByTestId("invite-panel");
    await expect(panel.getByRole("heading", { name: "Invite by e-mail" })).toBeVisible();
    // A German Excel file: semicolons, a byte order mark, Windows line ends.
    const csv = [
      "Name;E-Mail",
      `Lea;${lea}`,
      `Max;${max.toUpperCase()}`,
      "Broken;not-an-address",
      `Lea again;${lea}`,
    ].join("\r\n");
    await panel.getByLabel("Or choose a CSV file").setInputFiles({
      name: "class-7b.csv",
      mimeType: "text/csv",
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]),
    });
    await expect(panel.getByLabel("E-mail addresses")).toHaveValue(/^Name;E-Mail\nLea;lea-/);
    await panel.getByRole("button", { name: "Check the list" }).click();

    const preview = panel.getByTestId("invitation-preview");
    await expect(preview.getByRole("heading", { name: "What was read" })).toBeFocused();
    await expect(preview.getByRole("status")).toHaveText(
      "2 new addresses will be invited. 2 rows are skipped.",
    );
    const rows = preview.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toHaveAttribute("data-status", "new");
    await expect(rows.nth(1)).toHaveAttribute("data-status", "new");
    await expect(rows.nth(2)).toContainText("4");
    await expect(rows.nth(2)).toContainText("invalid: not an e-mail address");
    await expect(rows.nth(3)).toContainText("duplicate of row 2");
    await expectNoSeriousA11yViolations(page);

    await preview.getByRole("button", { name: "Send 2 invitations" }).click();
    await expect(
      panel.getByRole("status").filter({ hasText: "2 invitations sent." }),
    ).toBeVisible();
    const list = panel.getByTestId("invitation-list");
    for (const address of [lea, max]) {
      const row = list.locator(`tr[data-invitation="${address}"]`);
      await expect(row).toHaveAttribute("data-status", "pending");
      await expect(row).toContainText("pending, expires");
    }
    await expectNoSeriousA11yViolations(page);
  });

  test("a learner opens the mailed link, signs in from it, accepts and is in the class", async ({
    browser,
  }) => {
    const learner = await visitor(browser);
    const { page } = learner;
    const path = await invitationLink(lea);

    // Signed out: which class invites, and a way to sign in that comes back here.
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: `Join ${cohortName}` })).toBeVisible();
    await expect(page.getByText("also with another e-mail address")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finvitations%2F/);

    await askForLink(page, lea, path);
    await expect(page.getByRole("status")).toContainText(`We sent a sign-in link to ${lea}`);
    const signInMail = await newestMail(lea, /Your Neuronlab sign-in link/);
    const confirm = linkIn(signInMail, /\/auth\/confirm\?token=/);
    await page.goto(confirm);
    await page.getByRole("button", { name: `Sign in as ${lea}` }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Accept and join the class" }).click();
    await expect(page).toHaveURL(/\/dashboard\?joined=1$/);
    await expect(page.locator(`[data-cohort="${cohortName}"]`)).toBeVisible();

    // Used once: the link now says so, to them and to anyone else.
    await page.goto(path);
    await expect(
      page.getByText(`You have already accepted this invitation to ${cohortName}.`),
    ).toBeVisible();
    const stranger = await visitor(browser);
    await stranger.page.goto(path);
    await expect(stranger.page.locator("main").getByRole("alert")).toContainText(
      "has already been used",
    );

    await educator.page.goto(cohortUrl);
    await expect(
      educator.page.getByTestId("class-table").locator("tr", { hasText: lea }),
    ).toBeVisible();
    await expect(
      educator.page.getByTestId("invitation-list").locator(`tr[data-invitation="${lea}"]`),
    ).toHaveAttribute("data-status", "accepted");
  });

  test("sending again replaces the link; a withdrawn invitation's link says it was withdrawn", async ({
    browser,
  }) => {
    const learner = await visitor(browser);
    maxFirstLink = await invitationLink(max);
    const { page } = educator;
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(cohortUrl);
    const row = page.getByTestId("invitation-list").locator(`tr[data-invitation="${max}"]`);

    await row.getByRole("button", { name: `Send again: the invitation to ${max}` }).click();
    await expect(row.getByRole("status")).toHaveText(
      "Sent again with a new link. The old link no longer works.",
    );
    const secondLink = await invitationLink(max, 2);
    expect(secondLink).not.toBe(maxFirstLink);
    await learner.page.goto(maxFirstLink);
    await expect(learner.page.locator("main").getByRole("alert")).toContainText(
      "This invitation link is not valid",
    );

    await row.getByRole("button", { name: `Withdraw the invitation to ${max}` }).click();
    await expect(row).toHaveAttribute("data-status", "revoked");
    await expect(row).toContainText("withdrawn");
    await learner.page.goto(secondLink);
    await expect(learner.page.locator("main").getByRole("alert")).toHaveText(
      "This invitation was withdrawn by the teacher. Its link no longer works.",
    );
    await expectNoSeriousA11yViolations(learner.page);
  });
});
