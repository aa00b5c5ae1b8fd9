import { askForLink, mailedSignInLink, newAddress, randomIp, signIn } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * Accounts, end to end, on the production build in a local run: mail goes over SMTP to the tests'
 * mail server (e2e/mailbox.ts), with a copy in the local outbox (/dev/outbox). Each test signs in as a new address from its own network address, so the
 * per-address and per-network limits of one test never touch another, nor a rerun.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });

test.describe("accounts", () => {
  test("signs up by emailed link and shows the account in the header", async ({ page }) => {
    const email = newAddress();
    const link = await mailedSignInLink(page, email);

    await page.goto(link);
    await expect(
      page.getByRole("heading", { level: 1, name: "Sign in to Neuronlab" }),
    ).toBeVisible();
    await page.getByRole("button", { name: `Sign in as ${email}` }).click();

    await expect(page).toHaveURL(/\/course$/);
    const header = page.getByRole("banner");
    // The address is in the header (shown from tablet width up; a phone keeps the room for the controls).
    await expect(header.getByTestId("account")).toContainText(email);
    await expect(header.getByRole("link", { name: "Dashboard" })).toHaveAttribute(
      "href",
      "/dashboard",
    );
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    // The account controls fit a phone's header without sideways scrolling.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);

    const session = (await (await page.request.get("/api/auth/session")).json()) as {
      user?: { email: string; role: string; id: string };
    };
    expect(session.user).toMatchObject({ email, role: "LEARNER" });
  });

  test("opening the link spends nothing; a used link fails with a clear page", async ({
    page,
    context,
  }) => {
    const email = newAddress();
    const link = await mailedSignInLink(page, email);

    // A mail scanner, then the learner, open the link: each GET shows the button and spends nothing.
    expect((await page.request.get(link)).status()).toBe(200);
    await page.goto(link);
    const second = await context.newPage();
    await second.goto(link);
    await expect(second.getByRole("button", { name: `Sign in as ${email}` })).toBeVisible();

    await page.getByRole("button", { name: `Sign in as ${email}` }).click();
    await expect(page).toHaveURL(/\/course$/);

    // The other tab's form posts a spent token.
    await second.getByRole("button", { name: `Sign in as ${email}` }).click();
    await expect(second).toHaveURL(/\/auth\/error\?error=Verification/);
    await expect(
      second.getByRole("heading", { level: 1, name: "This sign-in link no longer works" }),
    ).toBeVisible();

    // Opening the used link again says so at once.
    await page.goto(link);
    await expect(
      page.getByRole("heading", { level: 1, name: "This sign-in link no longer works" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /Sign in as/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Get a new link" })).toBeVisible();
  });

  test("a link opened on next-auth's own callback address is sent to the confirm page, unspent", async ({
    page,
  }) => {
    const email = newAddress();
    const link = new URL(await mailedSignInLink(page, email));
    await page.goto(`/api/auth/callback/email${link.search}`);
    await expect(page).toHaveURL(/\/auth\/confirm\?/);
    await page.getByRole("button", { name: `Sign in as ${email}` }).click();
    await expect(page).toHaveURL(/\/course$/);
  });

  test("signs out at once: the header, the pages and the old cookie all see it", async ({
    page,
    context,
  }) => {
    const email = newAddress();
    await signIn(page, email);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name.endsWith("next-auth.session-token"))).toBeDefined();

    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/sign-out");
    await expect(page.getByText("You are signed out.")).toBeVisible();

    // The session is gone from the database: the old cookie signs nobody in.
    await context.addCookies(cookies);
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  });

  test("the sign-out page asks, then signs out", async ({ page }) => {
    const email = newAddress();
    await signIn(page, email);
    await page.goto("/sign-out");
    await expect(page.getByRole("main")).toContainText(`You are signed in as ${email}`);
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("lands only on this site's own pages after signing in", async ({ page, context }) => {
    const email = newAddress();
    const link = await mailedSignInLink(page, email, "https://evil.example/steal");
    expect(new URL(link).searchParams.get("callbackUrl")).toBe("/course");
    await page.goto(link);
    await page.getByRole("button", { name: `Sign in as ${email}` }).click();
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/course$/);

    await page.goto("/sign-in?callbackUrl=%2Fcourse%2Fintroduction");
    await expect(page.getByText(/You are signed in as/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Continue" })).toHaveAttribute(
      "href",
      "/course/introduction",
    );

    // A hand-made link with an unsafe callbackUrl lands on the course too.
    await context.clearCookies();
    const other = newAddress();
    const made = new URL(await mailedSignInLink(page, other));
    made.searchParams.set("callbackUrl", "//evil.example");
    await page.goto(`${made.pathname}${made.search}`);
    await page.getByRole("button", { name: `Sign in as ${other}` }).click();
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/course$/);
  });

  test("a bad address gets a message on the form and sends nothing", async ({ page }) => {
    await askForLink(page, "not-an-address");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Enter an email address like name@example.com.",
    );
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await page.goto("/dev/outbox");
    await expect(page.getByRole("article", { name: "Email to not-an-address" })).toHaveCount(0);
  });

  test("too many links for one address: a clear message, and 429 for API callers", async ({
    page,
  }) => {
    const email = newAddress();
    for (let i = 0; i < 5; i++) {
      await askForLink(page, email);
      await expect(page.getByRole("status")).toContainText("We sent a sign-in link");
    }
    await askForLink(page, email);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "Too many sign-in links were sent to this address",
    );

    const api = await page.request.post("/api/auth/signin/email", { data: { email } });
    expect(api.status()).toBe(429);
    expect(Number(api.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await api.json()).toMatchObject({ error: { code: "rate_limited" } });
  });

  test("the API answers bad input with 400 and other sites' requests with 403", async ({
    page,
  }) => {
    const bad = await page.request.post("/api/auth/signin/email", { data: { email: "nope" } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_email" } });

    const crossSite = await page.request.post("/api/auth/signin/email", {
      data: { email: newAddress() },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status()).toBe(403);

    const ok = await page.request.post("/api/auth/signin/email", { data: { email: newAddress() } });
    expect(ok.status()).toBe(200);
  });
});
