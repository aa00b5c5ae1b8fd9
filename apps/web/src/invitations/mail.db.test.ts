import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import { createMailer } from "@/auth/mail";
import type { Actor } from "@/teaching/teaching";
import { startInbox, type Inbox, type ReceivedMail } from "@/testing/smtp-inbox";
import { invitationMail, invitationUrl } from "./mail";

vi.mock("server-only", () => ({}));

const { acceptInvitationFor, loadInvitationPage, resendInvitationFor, sendInvitationsFor } =
  await import("./invitations");

/**
 * Invitation mail end to end through a real SMTP server started here: a list is sent, the mail
 * arrives in the cohort's language (English, German) naming the class and the teacher, and the
 * link in it opens the invitation and joins. The test reads what arrived, as a mail program would.
 */

const SITE = "https://neuronlab.example";
const NOW = new Date(Date.UTC(2026, 2, 10, 9));

/** Addresses the server refuses, like a mailbox that does not exist. */
const REFUSED = "no-such-mailbox@example.com";
let inbox: Inbox;
let received: ReceivedMail[];
let t: TestDb;

beforeAll(async () => {
  inbox = await startInbox({ refuse: [REFUSED] });
  received = inbox.received;
  t = await createTestDb();
}, 120_000);

afterAll(async () => {
  await t.close();
  await inbox.close();
});

beforeEach(() => {
  received.length = 0;
});

const deps = () => ({
  sendMail: createMailer({
    kind: "smtp",
    url: inbox.url,
    from: "Neuronlab <no-reply@neuronlab.example>",
  }),
  siteUrl: SITE,
  now: () => NOW,
  perDay: 1000,
});

let serial = 0;
async function world(locale: "en" | "de", name: string) {
  const n = ++serial;
  const teacher = await t.db.user.create({
    data: { email: `teacher-${String(n)}@example.com`, name: "Ada Teacher", role: "EDUCATOR" },
    select: { id: true, role: true },
  });
  const learner = await t.db.user.create({
    data: { email: `other-address-${String(n)}@example.com`, name: "Lea" },
    select: { id: true, role: true },
  });
  const cohort = await t.db.cohort.create({
    data: {
      name,
      locale,
      timeZone: "Europe/Berlin",
      ownerId: teacher.id,
      joinCode: `MAIL-${String(1000 + n)}`,
      teachers: { create: { userId: teacher.id } },
    },
    select: { id: true },
  });
  return { teacher: teacher as Actor, learner: learner as Actor, cohortId: cohort.id };
}

const LINK = /https:\/\/neuronlab\.example\/(?:de\/)?invitations\/([A-Za-z0-9_-]{43})/;

function linkIn(mail: ReceivedMail | undefined): { url: string; secret: string } {
  const match = LINK.exec(mail?.text ?? "");
  if (!match?.[1]) throw new Error(`no invitation link in ${mail?.text ?? "(no mail)"}`);
  return { url: match[0], secret: match[1] };
}

describe("invitation mail over SMTP", () => {
  it("arrives in English, names the class and the teacher, and its link joins", async () => {
    const w = await world("en", "Physics <1>");
    const result = await sendInvitationsFor(
      w.teacher,
      t.db,
      { cohortId: w.cohortId, addresses: "Lea@Example.com\nmax@example.com\nnot-an-address" },
      deps(),
    );
    expect(result).toEqual({ sent: 2, skipped: 1, failed: [] });
    expect(received.map((m) => m.to).sort()).toEqual([["lea@example.com"], ["max@example.com"]]);

    const mail = received.find((m) => m.to[0] === "lea@example.com");
    expect(mail?.subject).toBe("Ada Teacher invites you to Physics <1> on Neuronlab");
    expect(mail?.text).toContain("Ada Teacher invites you to join the class “Physics <1>”");
    expect(mail?.text).toContain("The link works once, until March 24, 2026.");
    expect(mail?.text).toContain("also one with another email address");
    const { url, secret } = linkIn(mail);
    expect(url).toBe(`${SITE}/invitations/${secret}`);
    expect(mail?.html).toContain('<html lang="en">');
    expect(mail?.html).toContain(`href="${url}"`);
    expect(mail?.html).toContain("<strong>Physics &lt;1&gt;</strong>");
    expect(mail?.html).not.toContain("Physics <1>");
    // Each address has its own secret.
    expect(linkIn(received.find((m) => m.to[0] === "max@example.com")).secret).not.toBe(secret);

    // The link opens the invitation, and accepting with another account joins.
    expect(await loadInvitationPage(null, t.db, secret, NOW)).toEqual({
      state: "open",
      cohort: { name: "Physics <1>", description: null, teachers: ["Ada Teacher"] },
      signedIn: false,
    });
    expect(await acceptInvitationFor(w.learner, t.db, { secret }, NOW)).toEqual({
      cohortId: w.cohortId,
      already: false,
    });
    const membership = await t.db.cohortMembership.findUnique({
      where: { cohortId_userId: { cohortId: w.cohortId, userId: w.learner?.id ?? "" } },
    });
    expect(membership).not.toBeNull();
  });

  it("arrives in German for a German cohort, with the German page's link", async () => {
    const w = await world("de", "Physik 7b");
    await sendInvitationsFor(
      w.teacher,
      t.db,
      { cohortId: w.cohortId, addresses: "jörg.mueller@example.de; jana@example.de" },
      deps(),
    );
    // jörg.… is no address zod takes: only Jana's mail goes out.
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.subject).toBe("Ada Teacher lädt dich zu Physik 7b bei Neuronlab ein");
    expect(mail?.text).toContain("Ada Teacher lädt dich ein, der Klasse „Physik 7b“ bei Neuronlab");
    expect(mail?.text).toContain("Der Link funktioniert einmal, bis 24. März 2026.");
    expect(mail?.text).toContain("Ohne dein Annehmen passiert nichts.");
    const { url, secret } = linkIn(mail);
    expect(url).toBe(`${SITE}/de/invitations/${secret}`);
    expect(mail?.html).toContain('<html lang="de">');
    expect(mail?.html).toContain("Einladung öffnen");
    expect(`${mail?.subject ?? ""}${mail?.text ?? ""}`).not.toMatch(/invites|link works|Hello/);
    expect(await acceptInvitationFor(w.learner, t.db, { secret }, NOW)).toMatchObject({
      cohortId: w.cohortId,
    });
  });

  it("sending again mails a new link; the old one stops working", async () => {
    const w = await world("en", "Resend class");
    await sendInvitationsFor(
      w.teacher,
      t.db,
      { cohortId: w.cohortId, addresses: "late@example.com" },
      deps(),
    );
    const first = linkIn(received[0]);
    const invitation = await t.db.cohortInvitation.findFirstOrThrow({
      where: { cohortId: w.cohortId },
    });
    await resendInvitationFor(
      w.teacher,
      t.db,
      { cohortId: w.cohortId, invitationId: invitation.id },
      deps(),
    );
    expect(received).toHaveLength(2);
    const second = linkIn(received[1]);
    expect(second.secret).not.toBe(first.secret);
    expect(await loadInvitationPage(null, t.db, first.secret, NOW)).toEqual({ state: "unknown" });
    expect((await loadInvitationPage(null, t.db, second.secret, NOW)).state).toBe("open");
  });

  it("keeps an invitation whose mail the server refused, to be sent again", async () => {
    const w = await world("en", "Bounce class");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await sendInvitationsFor(
      w.teacher,
      t.db,
      { cohortId: w.cohortId, addresses: `ok@example.com\n${REFUSED}` },
      deps(),
    );
    expect(result).toEqual({ sent: 1, skipped: 0, failed: [REFUSED] });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(received.map((m) => m.to)).toEqual([["ok@example.com"]]);
    const rows = await t.db.cohortInvitation.findMany({
      where: { cohortId: w.cohortId },
      select: { email: true },
      orderBy: { email: "asc" },
    });
    expect(rows.map((r) => r.email)).toEqual([REFUSED, "ok@example.com"]);
  });
});

describe("invitationMail", () => {
  it("builds its link on the configured site address, in the cohort's language", () => {
    expect(invitationUrl("https://neuronlab.example", "abc_DEF-123", "en")).toBe(
      "https://neuronlab.example/invitations/abc_DEF-123",
    );
    expect(invitationUrl("http://127.0.0.1:3100", "abc", "de")).toBe(
      "http://127.0.0.1:3100/de/invitations/abc",
    );
  });

  it("escapes the names it is given in HTML, and keeps them as they are in text", async () => {
    const mail = await invitationMail({
      to: "a@example.com",
      url: "https://neuronlab.example/invitations/x?a=1&b=2",
      cohort: '"><script>alert(1)</script>',
      teacher: "O'Brien & Co",
      expiresAt: NOW,
      locale: "en",
      timeZone: "Pacific/Auckland",
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&quot;&gt;&lt;script&gt;");
    expect(mail.html).toContain("O&#39;Brien &amp; Co");
    expect(mail.html).toContain("x?a=1&amp;b=2");
    expect(mail.text).toContain('"><script>alert(1)</script>');
    // 09:00 UTC on 10 March is the 10th in Auckland too (22:00).
    expect(mail.text).toContain("until March 10, 2026");
  });
});
