import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../generated/prisma/client.ts";
import { createCohort } from "./cohorts.ts";
import {
  acceptInvitation,
  addressStatuses,
  createInvitations,
  hashInvitationSecret,
  INVITATION_DAYS,
  INVITATION_MAIL_BUCKET,
  invitationByLink,
  invitationMailsSince,
  invitationsOfCohort,
  invitationStatus,
  isInvitationSecret,
  newInvitationSecret,
  resendInvitation,
  revokeInvitation,
} from "./invitations.ts";
import { consumeRateLimit } from "./rate-limit.ts";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const DAY = 24 * 60 * 60_000;
const NOW = new Date(Date.UTC(2026, 2, 10, 12));
const later = (ms: number) => new Date(NOW.getTime() + ms);
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

let serial = 0;

async function person(name: string, role: Role = "LEARNER") {
  const n = ++serial;
  return t.db.user.create({
    data: { email: `${name}-${String(n)}@example.com`, name, role },
    select: { id: true, email: true, name: true },
  });
}

/**
 * A cohort taught by `teacher` with a member, and people around it: another educator with a
 * cohort of their own, an admin and a learner in no cohort.
 */
async function classroom() {
  const teacher = await person("Ada Teacher", "EDUCATOR");
  const member = await person("member");
  const outsider = await person("outsider");
  const otherEducator = await person("other-educator", "EDUCATOR");
  const admin = await person("admin", "ADMIN");
  const cohort = await createCohort(t.db, teacher.id, {
    name: "Klasse 7b",
    description: null,
    locale: "de",
    timeZone: "Europe/Berlin",
  });
  await t.db.cohortMembership.create({ data: { cohortId: cohort.id, userId: member.id } });
  const otherCohort = await createCohort(t.db, otherEducator.id, {
    name: "Other",
    description: null,
    locale: "en",
    timeZone: "UTC",
  });
  return { teacher, member, outsider, otherEducator, admin, cohort, otherCohort };
}

/** A secret generator that remembers what it made, for the mail a test would read. */
function secrets() {
  const made: string[] = [];
  return {
    made,
    next: () => {
      const secret = newInvitationSecret();
      made.push(secret);
      return secret;
    },
  };
}

async function invite(c: Awaited<ReturnType<typeof classroom>>, emails: string[], now: Date = NOW) {
  const result = await createInvitations(t.db, c.teacher.id, c.cohort.id, emails, now);
  if (!result) throw new Error("not invited");
  return result;
}

const invitations = (cohortId: string) =>
  t.db.cohortInvitation.findMany({ where: { cohortId }, orderBy: { id: "asc" } });

describe("invitation secrets", () => {
  it("are 32 random bytes in base64url, different each time, stored as their SHA-256 in hex", () => {
    const all = Array.from({ length: 200 }, () => newInvitationSecret());
    for (const secret of all) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(isInvitationSecret(secret)).toBe(true);
      expect(hashInvitationSecret(secret)).toBe(sha256(secret));
      expect(hashInvitationSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(all).size).toBe(200);
  });

  it("are recognised by shape before any lookup", () => {
    for (const bad of ["", "short", "a".repeat(31), "a".repeat(129), `${"a".repeat(40)}/x`]) {
      expect(isInvitationSecret(bad), bad).toBe(false);
    }
    expect(isInvitationSecret("a".repeat(32))).toBe(true);
  });

  it("tell an invitation's status: accepted and revoked are final, the rest expire", () => {
    const open = { acceptedAt: null, revokedAt: null, expiresAt: later(DAY) };
    expect(invitationStatus(open, NOW)).toBe("pending");
    expect(invitationStatus(open, later(DAY))).toBe("expired");
    expect(invitationStatus({ ...open, revokedAt: NOW }, later(2 * DAY))).toBe("revoked");
    expect(invitationStatus({ ...open, acceptedAt: NOW, revokedAt: NOW }, NOW)).toBe("accepted");
  });
});

describe("createInvitations", () => {
  it("invites each new address once, in one go, storing only the secrets' hashes", async () => {
    const c = await classroom();
    const made = secrets();
    const result = await createInvitations(
      t.db,
      c.teacher.id,
      c.cohort.id,
      ["new@example.com", "NEW@example.com", "second@example.com"],
      NOW,
      made.next,
    );
    expect(result?.cohort).toEqual({
      id: c.cohort.id,
      name: "Klasse 7b",
      locale: "de",
      timeZone: "Europe/Berlin",
    });
    expect(result?.teacher).toBe("Ada Teacher");
    expect(result?.skipped).toEqual([]);
    expect(result?.invited.map((i) => i.email)).toEqual(["new@example.com", "second@example.com"]);
    expect(result?.invited.map((i) => i.secret)).toEqual(made.made);

    const rows = await invitations(c.cohort.id);
    expect(rows).toHaveLength(2);
    for (const invited of result?.invited ?? []) {
      const row = rows.find((r) => r.id === invited.id);
      expect(row).toMatchObject({
        email: invited.email,
        codeHash: sha256(invited.secret),
        expiresAt: later(INVITATION_DAYS * DAY),
        sentAt: NOW,
        acceptedAt: null,
        revokedAt: null,
      });
      expect(JSON.stringify(row)).not.toContain(invited.secret);
    }
  });

  it("skips members and pending invitations, and invites again after expiry or withdrawal", async () => {
    const c = await classroom();
    const first = await invite(c, [
      "pending@example.com",
      "expired@example.com",
      "gone@example.com",
    ]);
    const [, expired, gone] = first.invited;
    await t.db.cohortInvitation.update({
      where: { id: expired?.id ?? "" },
      data: { expiresAt: later(-1) },
    });
    expect(await revokeInvitation(t.db, c.teacher.id, c.cohort.id, gone?.id ?? "", NOW)).toBe(
      "revoked",
    );

    const emails = [
      c.member.email.toUpperCase(),
      "pending@example.com",
      "expired@example.com",
      "gone@example.com",
      "fresh@example.com",
    ];
    expect(
      Object.fromEntries(
        (await addressStatuses(t.db, c.teacher.id, c.cohort.id, emails, NOW)) ?? [],
      ),
    ).toEqual({
      [c.member.email]: "member",
      "pending@example.com": "pending",
      "expired@example.com": "new",
      "gone@example.com": "new",
      "fresh@example.com": "new",
    });

    const second = await invite(c, emails);
    expect(second.invited.map((i) => i.email)).toEqual([
      "expired@example.com",
      "gone@example.com",
      "fresh@example.com",
    ]);
    expect(second.skipped).toEqual([
      { email: c.member.email, status: "member" },
      { email: "pending@example.com", status: "pending" },
    ]);
    expect(await t.db.cohortInvitation.count({ where: { cohortId: c.cohort.id } })).toBe(6);
  });

  it("writes nothing for someone who does not teach the cohort, or when it is archived", async () => {
    const c = await classroom();
    const before = await countRows(t.db);
    for (const outsider of [c.otherEducator, c.admin, c.member, c.outsider]) {
      expect(
        await createInvitations(t.db, outsider.id, c.cohort.id, ["x@example.com"], NOW),
      ).toBeNull();
      expect(
        await addressStatuses(t.db, outsider.id, c.cohort.id, ["x@example.com"], NOW),
      ).toBeNull();
    }
    expect(
      await createInvitations(t.db, c.teacher.id, c.otherCohort.id, ["x@example.com"], NOW),
    ).toBeNull();
    await t.db.cohort.update({ where: { id: c.cohort.id }, data: { archivedAt: NOW } });
    const archived = await countRows(t.db);
    expect(
      await createInvitations(t.db, c.teacher.id, c.cohort.id, ["x@example.com"], NOW),
    ).toBeNull();
    expect(await addressStatuses(t.db, c.teacher.id, c.cohort.id, ["x@x.com"], NOW)).toBeNull();
    expect(await countRows(t.db)).toEqual(archived);
    expect(archived.CohortInvitation).toBe(before.CohortInvitation);
  });

  it("two sends of the same list at once invite each address once", async () => {
    const c = await classroom();
    const list = ["a@example.com", "b@example.com", "c@example.com"];
    const [one, two] = await Promise.all([invite(c, list), invite(c, list)]);
    expect([...one.invited, ...two.invited].map((i) => i.email).sort()).toEqual(list);
    expect(await t.db.cohortInvitation.count({ where: { cohortId: c.cohort.id } })).toBe(3);
  });

  it("invites a list of 500 in one transaction", async () => {
    const c = await classroom();
    const list = Array.from({ length: 500 }, (_, i) => `pupil-${String(i)}@example.com`);
    const result = await invite(c, list);
    expect(result.invited).toHaveLength(500);
    expect(new Set(result.invited.map((i) => i.id)).size).toBe(500);
    expect(result.invited.every((i) => i.id.length > 0)).toBe(true);
  });
});

describe("invitationsOfCohort", () => {
  it("lists a cohort's invitations with their status, newest first, for its teachers only", async () => {
    const c = await classroom();
    const old = await invite(c, ["old@example.com"], later(-20 * DAY));
    const fresh = await invite(c, ["fresh@example.com", "taken@example.com", "gone@example.com"]);
    const [, taken, gone] = fresh.invited;
    await acceptInvitation(t.db, c.outsider.id, taken?.secret ?? "", NOW);
    await revokeInvitation(t.db, c.teacher.id, c.cohort.id, gone?.id ?? "", NOW);

    const list = await invitationsOfCohort(t.db, c.teacher.id, c.cohort.id, NOW);
    expect(list?.map((i) => [i.email, i.status])).toEqual(
      expect.arrayContaining([
        ["fresh@example.com", "pending"],
        ["taken@example.com", "accepted"],
        ["gone@example.com", "revoked"],
      ]),
    );
    expect(list?.at(-1)).toMatchObject({
      id: old.invited[0]?.id,
      email: "old@example.com",
      status: "expired",
    });
    expect(Object.keys(list?.[0] ?? {}).sort()).toEqual(
      [
        "acceptedAt",
        "createdAt",
        "email",
        "expiresAt",
        "id",
        "revokedAt",
        "sentAt",
        "status",
      ].sort(),
    );
    for (const outsider of [c.otherEducator, c.admin, c.member]) {
      expect(await invitationsOfCohort(t.db, outsider.id, c.cohort.id, NOW)).toBeNull();
    }
    // An archived cohort's list stays readable.
    await t.db.cohort.update({ where: { id: c.cohort.id }, data: { archivedAt: NOW } });
    expect(await invitationsOfCohort(t.db, c.teacher.id, c.cohort.id, NOW)).toHaveLength(4);
  });
});

describe("resendInvitation", () => {
  it("replaces the secret and the expiry: the old link stops working, the new one works", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["late@example.com"], later(-20 * DAY));
    const first = invited[0];
    if (!first) throw new Error("no invitation");
    expect((await invitationByLink(t.db, first.secret, NOW))?.status).toBe("expired");

    const made = secrets();
    const result = await resendInvitation(
      t.db,
      c.teacher.id,
      c.cohort.id,
      first.id,
      NOW,
      made.next,
    );
    expect(result).toMatchObject({
      status: "resent",
      invitation: { id: first.id, email: "late@example.com", secret: made.made[0] },
      teacher: "Ada Teacher",
      cohort: { name: "Klasse 7b", locale: "de" },
    });
    const row = await t.db.cohortInvitation.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.codeHash).toBe(sha256(made.made[0] ?? ""));
    expect(row.expiresAt).toEqual(later(INVITATION_DAYS * DAY));
    expect(row.sentAt).toEqual(NOW);

    expect(await invitationByLink(t.db, first.secret, NOW)).toBeNull();
    expect(await acceptInvitation(t.db, c.outsider.id, first.secret, NOW)).toEqual({
      status: "unknown",
    });
    expect(await acceptInvitation(t.db, c.outsider.id, made.made[0] ?? "", NOW)).toMatchObject({
      status: "accepted",
    });
    expect(await resendInvitation(t.db, c.teacher.id, c.cohort.id, first.id, NOW)).toEqual({
      status: "accepted",
    });
  });

  it("sends nothing again for a withdrawn invitation, another's cohort or an archived one", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["a@example.com", "b@example.com"]);
    const [a, b] = invited;
    await revokeInvitation(t.db, c.teacher.id, c.cohort.id, a?.id ?? "", NOW);
    const before = await invitations(c.cohort.id);
    expect(await resendInvitation(t.db, c.teacher.id, c.cohort.id, a?.id ?? "", NOW)).toEqual({
      status: "revoked",
    });
    for (const outsider of [c.otherEducator, c.admin, c.member]) {
      expect(await resendInvitation(t.db, outsider.id, c.cohort.id, b?.id ?? "", NOW)).toEqual({
        status: "not_found",
      });
    }
    // An invitation of this cohort named under another cohort the actor teaches.
    expect(
      await resendInvitation(t.db, c.otherEducator.id, c.otherCohort.id, b?.id ?? "", NOW),
    ).toEqual({ status: "not_found" });
    await t.db.cohort.update({ where: { id: c.cohort.id }, data: { archivedAt: NOW } });
    expect(await resendInvitation(t.db, c.teacher.id, c.cohort.id, b?.id ?? "", NOW)).toEqual({
      status: "not_found",
    });
    expect(await invitations(c.cohort.id)).toEqual(before);
  });
});

describe("revokeInvitation", () => {
  it("withdraws a pending or expired invitation once; an accepted one stays", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["a@example.com", "b@example.com", "c@example.com"]);
    const [a, b, cc] = invited;
    await t.db.cohortInvitation.update({
      where: { id: b?.id ?? "" },
      data: { expiresAt: later(-1) },
    });
    await acceptInvitation(t.db, c.outsider.id, cc?.secret ?? "", NOW);

    expect(await revokeInvitation(t.db, c.otherEducator.id, c.cohort.id, a?.id ?? "", NOW)).toBe(
      "not_found",
    );
    expect(await revokeInvitation(t.db, c.teacher.id, c.cohort.id, a?.id ?? "", NOW)).toBe(
      "revoked",
    );
    expect(await revokeInvitation(t.db, c.teacher.id, c.cohort.id, a?.id ?? "", later(DAY))).toBe(
      "already",
    );
    expect(await revokeInvitation(t.db, c.teacher.id, c.cohort.id, b?.id ?? "", NOW)).toBe(
      "revoked",
    );
    expect(await revokeInvitation(t.db, c.teacher.id, c.cohort.id, cc?.id ?? "", NOW)).toBe(
      "accepted",
    );
    const rows = await invitations(c.cohort.id);
    expect(rows.find((r) => r.id === a?.id)?.revokedAt).toEqual(NOW);
    expect(rows.find((r) => r.id === cc?.id)?.revokedAt).toBeNull();
    expect(await invitationByLink(t.db, a?.secret ?? "", NOW)).toMatchObject({
      status: "revoked",
    });
  });
});

describe("invitationByLink", () => {
  it("names the cohort and its teachers for a link, and nothing for an unknown one", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["a@example.com"]);
    const link = await invitationByLink(t.db, invited[0]?.secret ?? "", NOW);
    expect(link).toEqual({
      status: "pending",
      acceptedById: null,
      cohort: {
        id: c.cohort.id,
        name: "Klasse 7b",
        description: null,
        archived: false,
        teachers: ["Ada Teacher"],
        teacherIds: [c.teacher.id],
      },
    });
    expect(await invitationByLink(t.db, newInvitationSecret(), NOW)).toBeNull();
    expect(await invitationByLink(t.db, "../../etc/passwd", NOW)).toBeNull();
    // The hash itself is no key.
    expect(await invitationByLink(t.db, sha256(invited[0]?.secret ?? ""), NOW)).toBeNull();
  });
});

describe("acceptInvitation", () => {
  it("lets whoever holds the link join, once, with any account", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["invited@example.com"]);
    const secret = invited[0]?.secret ?? "";
    // The outsider signed in with another address than the one invited.
    expect(await acceptInvitation(t.db, c.outsider.id, secret, NOW)).toEqual({
      status: "accepted",
      cohortId: c.cohort.id,
      already: false,
    });
    const row = await t.db.cohortInvitation.findUniqueOrThrow({
      where: { id: invited[0]?.id ?? "" },
    });
    expect(row).toMatchObject({ acceptedAt: NOW, acceptedById: c.outsider.id, revokedAt: null });
    expect(
      await t.db.cohortMembership.count({
        where: { cohortId: c.cohort.id, userId: c.outsider.id },
      }),
    ).toBe(1);

    const after = await countRows(t.db);
    expect(await acceptInvitation(t.db, c.outsider.id, secret, later(1000))).toEqual({
      status: "yours",
      cohortId: c.cohort.id,
    });
    const stranger = await person("stranger");
    const afterStranger = await countRows(t.db);
    expect(await acceptInvitation(t.db, stranger.id, secret, NOW)).toEqual({ status: "used" });
    expect(await countRows(t.db)).toEqual(afterStranger);
    expect(afterStranger.CohortMembership).toBe(after.CohortMembership);
  });

  it("marks the invitation accepted when the holder is already in the cohort", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["again@example.com"]);
    expect(await acceptInvitation(t.db, c.member.id, invited[0]?.secret ?? "", NOW)).toEqual({
      status: "accepted",
      cohortId: c.cohort.id,
      already: true,
    });
  });

  it("changes nothing for an unknown, expired, revoked or archived link, or for a teacher", async () => {
    const c = await classroom();
    const { invited } = await invite(c, [
      "expired@example.com",
      "revoked@example.com",
      "teacher@example.com",
      "archived@example.com",
    ]);
    const [expired, revoked, teacher, archived] = invited;
    await t.db.cohortInvitation.update({
      where: { id: expired?.id ?? "" },
      data: { expiresAt: NOW },
    });
    await revokeInvitation(t.db, c.teacher.id, c.cohort.id, revoked?.id ?? "", NOW);
    const before = await countRows(t.db);
    const snapshot = await invitations(c.cohort.id);

    const as = (secret: string | undefined, userId = c.outsider.id) =>
      acceptInvitation(t.db, userId, secret ?? "", NOW);
    expect(await as(newInvitationSecret())).toEqual({ status: "unknown" });
    expect(await as("not a secret")).toEqual({ status: "unknown" });
    expect(await as(expired?.secret)).toEqual({ status: "expired" });
    expect(await as(revoked?.secret)).toEqual({ status: "revoked" });
    expect(await as(teacher?.secret, c.teacher.id)).toEqual({ status: "teacher" });
    await t.db.cohort.update({ where: { id: c.cohort.id }, data: { archivedAt: NOW } });
    expect(await as(archived?.secret)).toEqual({ status: "closed" });

    expect(await countRows(t.db)).toEqual(before);
    expect(await invitations(c.cohort.id)).toEqual(snapshot);
  });

  it("two people accepting one link at once: one joins, the other finds it used", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["shared@example.com"]);
    const secret = invited[0]?.secret ?? "";
    const [one, two] = await Promise.all([
      acceptInvitation(t.db, c.outsider.id, secret, NOW),
      acceptInvitation(t.db, c.otherEducator.id, secret, NOW),
    ]);
    expect([one.status, two.status].sort()).toEqual(["accepted", "used"]);
    const joined = await t.db.cohortMembership.findMany({
      where: { cohortId: c.cohort.id, userId: { in: [c.outsider.id, c.otherEducator.id] } },
    });
    expect(joined).toHaveLength(1);
    const row = await t.db.cohortInvitation.findUniqueOrThrow({
      where: { id: invited[0]?.id ?? "" },
    });
    expect(row.acceptedById).toBe(joined[0]?.userId);
  });

  it("a withdrawal and an acceptance at once: one of them wins, never both", async () => {
    const c = await classroom();
    const { invited } = await invite(c, ["race@example.com"]);
    const [accepted, revoked] = await Promise.all([
      acceptInvitation(t.db, c.outsider.id, invited[0]?.secret ?? "", NOW),
      revokeInvitation(t.db, c.teacher.id, c.cohort.id, invited[0]?.id ?? "", NOW),
    ]);
    const row = await t.db.cohortInvitation.findUniqueOrThrow({
      where: { id: invited[0]?.id ?? "" },
    });
    const member = await t.db.cohortMembership.count({
      where: { cohortId: c.cohort.id, userId: c.outsider.id },
    });
    if (accepted.status === "accepted") {
      expect(revoked).toBe("accepted");
      expect(row.revokedAt).toBeNull();
      expect(member).toBe(1);
    } else {
      expect(accepted).toEqual({ status: "revoked" });
      expect(revoked).toBe("revoked");
      expect(row.acceptedAt).toBeNull();
      expect(member).toBe(0);
    }
  });
});

describe("invitationMailsSince", () => {
  it("counts the teacher's invitation mails in the rate limit's record", async () => {
    const c = await classroom();
    const limit = { bucket: INVITATION_MAIL_BUCKET, key: c.teacher.id, limit: 5, windowMs: DAY };
    await consumeRateLimit(t.db, limit, later(-2 * DAY));
    await consumeRateLimit(t.db, limit, later(-1000));
    await consumeRateLimit(t.db, limit, NOW);
    await consumeRateLimit(t.db, { ...limit, key: c.otherEducator.id }, NOW);
    expect(await invitationMailsSince(t.db, c.teacher.id, later(-DAY))).toBe(2);
    expect(await invitationMailsSince(t.db, c.otherEducator.id, later(-DAY))).toBe(1);
  });
});
