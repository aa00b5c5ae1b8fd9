import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../generated/prisma/client.ts";
import {
  ADMIN_PAGE_SIZE,
  auditLog,
  changeRole,
  educatorRoleRevoked,
  peopleByIds,
  revokeCertificateAsAdmin,
  searchUsers,
  userForAdmin,
} from "./admin.ts";
import { certificateByCode, newCertificateCode } from "./certificates.ts";
import { createCohort } from "./cohorts.ts";
import { pupilEmail } from "./pupils.ts";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

let serial = 0;
/** A person with a unique address; `tag` goes into both the address and the name. */
async function person(tag: string, role: Role = "LEARNER", name: string | null = `Name ${tag}`) {
  const n = ++serial;
  return t.db.user.create({
    data: { email: `${tag}-${String(n)}@example.com`, name, role },
    select: { id: true, email: true, name: true },
  });
}

async function pupil(name: string) {
  const user = await t.db.user.create({
    data: { email: pupilEmail(), name },
    select: { id: true, email: true },
  });
  return user;
}

async function certificate(userId: string, revokedAt: Date | null = null) {
  return t.db.certificate.create({
    data: { userId, name: "Printed Name", code: newCertificateCode(), revokedAt },
    select: { id: true, code: true },
  });
}

const roleOf = async (id: string) =>
  (await t.db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;

const entriesAbout = (subjectId: string) =>
  t.db.auditEntry.findMany({ where: { subjectId }, orderBy: { createdAt: "asc" } });

const settings = { name: "Class", description: null, locale: "en", timeZone: "UTC" };

describe("searchUsers", () => {
  it("finds by address or name in any letter case, newest first, with the total", async () => {
    const tag = `srch${randomUUID().slice(0, 6)}`;
    const byMail = await person(`${tag}-mail`, "LEARNER", "Someone");
    const byName = await person("other", "EDUCATOR", `Dr ${tag.toUpperCase()} Smith`);
    await person("unrelated", "LEARNER", "Nobody");
    const found = await searchUsers(t.db, { query: `  ${tag.toUpperCase()} ` });
    expect(found.total).toBe(2);
    expect(found.items.map((u) => u.id)).toEqual([byName.id, byMail.id]);
    expect(found.items[0]).toMatchObject({
      email: byName.email,
      role: "EDUCATOR",
      pupil: false,
      name: `Dr ${tag.toUpperCase()} Smith`,
    });
    expect(found.items[0]?.createdAt).toBeInstanceOf(Date);
    expect(found).toMatchObject({ page: 1, pageSize: ADMIN_PAGE_SIZE, pages: 1 });
  });

  it("shows a pupil by name only, and never finds one by their placeholder address", async () => {
    const tag = `pup${randomUUID().slice(0, 6)}`;
    const kid = await pupil(`Kid ${tag}`);
    const byName = await searchUsers(t.db, { query: tag });
    expect(byName.items).toEqual([
      expect.objectContaining({ id: kid.id, email: null, pupil: true, name: `Kid ${tag}` }),
    ]);
    const local = kid.email.split("@")[0] ?? "";
    expect((await searchUsers(t.db, { query: local })).total).toBe(0);
    expect((await searchUsers(t.db, { query: "pupils.neuronlab.invalid" })).total).toBe(0);
  });

  it("takes %, _ and \\ as the characters they are, not as wildcards", async () => {
    const tag = `lit${randomUUID().slice(0, 6)}`;
    await person(`${tag}a`);
    expect((await searchUsers(t.db, { query: `${tag}_` })).total).toBe(0);
    expect((await searchUsers(t.db, { query: `${tag}%` })).total).toBe(0);
    expect((await searchUsers(t.db, { query: "\\" })).total).toBe(0);
    const odd = await person(`${tag}_x`);
    expect((await searchUsers(t.db, { query: `${tag}_` })).items.map((u) => u.id)).toEqual([
      odd.id,
    ]);
  });

  it("pages by 25; an empty query lists everyone", async () => {
    const tag = `page${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < ADMIN_PAGE_SIZE + 3; i++) await person(`${tag}-${String(i)}`);
    const first = await searchUsers(t.db, { query: tag, page: 1 });
    const second = await searchUsers(t.db, { query: tag, page: 2 });
    const third = await searchUsers(t.db, { query: tag, page: 3 });
    expect(first.items).toHaveLength(ADMIN_PAGE_SIZE);
    expect(second.items).toHaveLength(3);
    expect(third.items).toHaveLength(0);
    expect([first.total, first.pages, second.page]).toEqual([ADMIN_PAGE_SIZE + 3, 2, 2]);
    const ids = new Set([...first.items, ...second.items].map((u) => u.id));
    expect(ids.size).toBe(ADMIN_PAGE_SIZE + 3);
    // A page number that is not one is the first page.
    expect((await searchUsers(t.db, { query: tag, page: -4 })).page).toBe(1);
    expect((await searchUsers(t.db, { query: "" })).total).toBe(await t.db.user.count());
  });
});

describe("userForAdmin", () => {
  it("says a person's role, cohorts and certificates, and null for nobody", async () => {
    const teacher = await person("teacher", "EDUCATOR");
    const cohort = await createCohort(t.db, teacher.id, settings);
    const other = await person("other-teacher", "EDUCATOR");
    const otherCohort = await createCohort(t.db, other.id, settings);
    await t.db.cohortMembership.create({ data: { cohortId: otherCohort.id, userId: teacher.id } });
    const old = await certificate(teacher.id, new Date("2026-01-01T00:00:00Z"));
    const valid = await certificate(teacher.id);
    const seen = await userForAdmin(t.db, teacher.id);
    expect(seen).toMatchObject({
      id: teacher.id,
      email: teacher.email,
      name: teacher.name,
      role: "EDUCATOR",
      pupil: false,
      cohortsTaught: 1,
      cohortsJoined: 1,
    });
    expect(seen?.certificates.map((c) => [c.code, c.revokedAt !== null])).toEqual([
      [valid.code, false],
      [old.code, true],
    ]);
    expect(cohort.id).toBeTruthy();
    expect(await userForAdmin(t.db, "no-such-user")).toBeNull();
    const kid = await pupil("Kid");
    expect(await userForAdmin(t.db, kid.id)).toMatchObject({ email: null, pupil: true });
  });
});

describe("peopleByIds", () => {
  it("names people for the log, a pupil by name only, and leaves out ids of no one", async () => {
    const someone = await person("someone");
    const kid = await pupil("Kid");
    const named = await peopleByIds(t.db, [someone.id, kid.id, someone.id, "gone"]);
    expect([...named.keys()].sort()).toEqual([someone.id, kid.id].sort());
    expect(named.get(someone.id)).toEqual({
      name: someone.name,
      email: someone.email,
      pupil: false,
    });
    expect(named.get(kid.id)).toEqual({ name: "Kid", email: null, pupil: true });
  });
});

describe("changeRole", () => {
  it("takes the educator role away with exactly one audit entry, cohorts kept", async () => {
    const admin = await person("admin", "ADMIN");
    const educator = await person("edu", "EDUCATOR");
    const cohort = await createCohort(t.db, educator.id, settings);
    const before = await countRows(t.db);
    const result = await changeRole(t.db, admin, {
      userId: educator.id,
      role: "LEARNER",
      reason: "Asked to stop teaching",
    });
    expect(result).toEqual({ status: "changed", before: "EDUCATOR", after: "LEARNER" });
    expect(await roleOf(educator.id)).toBe("LEARNER");
    expect(await countRows(t.db)).toEqual({ ...before, AuditEntry: (before.AuditEntry ?? 0) + 1 });
    const entries = await entriesAbout(educator.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      action: "user.role",
      subjectType: "User",
      subjectId: educator.id,
      before: { role: "EDUCATOR" },
      after: { role: "LEARNER" },
      reason: "Asked to stop teaching",
    });
    expect(entries[0]?.createdAt).toBeInstanceOf(Date);
    expect(await t.db.cohort.count({ where: { id: cohort.id } })).toBe(1);
    expect(await educatorRoleRevoked(t.db, educator.id)).toBe(true);

    // And back: a learner made an educator, a second entry.
    expect(
      await changeRole(t.db, admin, { userId: educator.id, role: "EDUCATOR", reason: "Mistake" }),
    ).toEqual({ status: "changed", before: "LEARNER", after: "EDUCATOR" });
    expect(await entriesAbout(educator.id)).toHaveLength(2);
    expect(await educatorRoleRevoked(t.db, educator.id)).toBe(false);
  });

  it("refuses what it must, and a refused or idle change writes nothing", async () => {
    const admin = await person("admin", "ADMIN");
    const otherAdmin = await person("admin2", "ADMIN");
    const educator = await person("edu", "EDUCATOR");
    const learner = await person("learner");
    const kid = await pupil("Kid");
    const cases: [Parameters<typeof changeRole>[1], string, Role, string][] = [
      [admin, admin.id, "LEARNER", "own_role"],
      [admin, admin.id, "ADMIN", "own_role"],
      [admin, learner.id, "ADMIN", "admin_role"],
      [admin, otherAdmin.id, "LEARNER", "admin_role"],
      [admin, otherAdmin.id, "EDUCATOR", "admin_role"],
      [admin, educator.id, "EDUCATOR", "unchanged"],
      [admin, learner.id, "LEARNER", "unchanged"],
      [admin, kid.id, "EDUCATOR", "pupil"],
      [admin, "no-such-user", "LEARNER", "not_found"],
      [educator, learner.id, "EDUCATOR", "not_admin"],
      [learner, educator.id, "LEARNER", "not_admin"],
      [{ id: "no-such-admin" }, educator.id, "LEARNER", "not_admin"],
    ];
    const before = await countRows(t.db);
    const roles = await t.db.user.findMany({ select: { id: true, role: true } });
    for (const [actor, userId, role, status] of cases) {
      const result = await changeRole(t.db, actor, { userId, role, reason: "Because" });
      expect(result, `${userId} → ${role}`).toEqual({ status });
    }
    expect(await countRows(t.db)).toEqual(before);
    expect(await t.db.user.findMany({ select: { id: true, role: true } })).toEqual(roles);
    expect(await educatorRoleRevoked(t.db, learner.id)).toBe(false);
  });

  /* PGlite serves one transaction at a time: this shows its worth on PostgreSQL. */
  it("two admins at once: one change, one entry", async () => {
    const [a, b] = [await person("admin", "ADMIN"), await person("admin", "ADMIN")];
    const educator = await person("edu", "EDUCATOR");
    const results = await Promise.all(
      [a, b, a, b].map((admin) =>
        changeRole(t.db, admin, { userId: educator.id, role: "LEARNER", reason: "Race" }),
      ),
    );
    expect(results.filter((r) => r.status === "changed")).toHaveLength(1);
    expect(results.filter((r) => r.status === "unchanged")).toHaveLength(3);
    expect(await entriesAbout(educator.id)).toHaveLength(1);
  });
});

describe("revokeCertificateAsAdmin", () => {
  it("revokes once with one audit entry; the public page says revoked", async () => {
    const admin = await person("admin", "ADMIN");
    const holder = await person("holder");
    const cert = await certificate(holder.id);
    const now = new Date("2026-12-07T10:00:00.000Z");
    const before = await countRows(t.db);
    const typed = cert.code.toLowerCase().replaceAll("-", " ");
    const result = await revokeCertificateAsAdmin(
      t.db,
      admin,
      { code: typed, reason: "Fraud" },
      now,
    );
    expect(result).toEqual({
      status: "revoked",
      certificateId: cert.id,
      userId: holder.id,
      code: cert.code,
      revokedAt: now,
    });
    expect(await countRows(t.db)).toEqual({ ...before, AuditEntry: (before.AuditEntry ?? 0) + 1 });
    expect(await certificateByCode(t.db, cert.code)).toEqual({
      status: "revoked",
      code: cert.code,
    });
    const entries = await entriesAbout(cert.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      actorEmail: admin.email,
      action: "certificate.revoke",
      subjectType: "Certificate",
      before: { code: cert.code, holderId: holder.id, revokedAt: null },
      after: { code: cert.code, holderId: holder.id, revokedAt: now.toISOString() },
      reason: "Fraud",
    });

    // Again, a code that is none, and someone who is not an admin: nothing more is written.
    const after = await countRows(t.db);
    expect(
      await revokeCertificateAsAdmin(t.db, admin, { code: cert.code, reason: "Again" }),
    ).toEqual({ status: "already_revoked", revokedAt: now });
    expect(
      await revokeCertificateAsAdmin(t.db, admin, { code: "NOT-A-CODE", reason: "x" }),
    ).toEqual({ status: "not_found" });
    expect(
      await revokeCertificateAsAdmin(t.db, admin, { code: newCertificateCode(), reason: "x" }),
    ).toEqual({ status: "not_found" });
    const other = await certificate((await person("holder2")).id);
    const snapshot = await countRows(t.db);
    expect(
      await revokeCertificateAsAdmin(t.db, holder, { code: other.code, reason: "Mine now" }),
    ).toEqual({ status: "not_admin" });
    expect(await countRows(t.db)).toEqual(snapshot);
    expect(after.AuditEntry).toBe(snapshot.AuditEntry);
    expect(await certificateByCode(t.db, other.code)).toMatchObject({ status: "valid" });
  });
});

describe("auditLog", () => {
  it("reads newest first, 25 a page, all of it or about some records", async () => {
    const admin = await person("admin", "ADMIN");
    const people = [];
    for (let i = 0; i < ADMIN_PAGE_SIZE + 2; i++) {
      const educator = await person(`log-${String(i)}`, "EDUCATOR");
      await changeRole(t.db, admin, { userId: educator.id, role: "LEARNER", reason: `r${i}` });
      people.push(educator);
    }
    const total = await t.db.auditEntry.count();
    const first = await auditLog(t.db, { page: 1 });
    expect(first.items).toHaveLength(ADMIN_PAGE_SIZE);
    expect(first.total).toBe(total);
    expect(first.items[0]?.subjectId).toBe(people.at(-1)?.id);
    const times = first.items.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const last = await auditLog(t.db, { page: first.pages });
    expect(last.items.length).toBeGreaterThan(0);

    const one = people[3]?.id ?? "";
    expect((await auditLog(t.db, { page: 1, subjectId: one })).items).toEqual([
      expect.objectContaining({ subjectId: one, reason: "r3" }),
    ]);
    const two = [one, people[4]?.id ?? ""];
    const both = await auditLog(t.db, { subjectId: two });
    expect(both.total).toBe(2);
    expect(both.items.map((e) => e.subjectId)).toEqual([two[1], two[0]]);
  });

  it("cannot be edited or deleted: UPDATE and DELETE change nothing", async () => {
    const admin = await person("admin", "ADMIN");
    const educator = await person("edu", "EDUCATOR");
    await changeRole(t.db, admin, { userId: educator.id, role: "LEARNER", reason: "Kept" });
    const [entry] = await entriesAbout(educator.id);
    if (!entry) throw new Error("no entry");
    const all = await t.db.auditEntry.findMany({ orderBy: { id: "asc" } });

    expect(
      await t.db.$executeRaw`UPDATE "AuditEntry" SET "reason" = 'edited', "after" = '{}'`,
    ).toBe(0);
    expect(await t.db.$executeRaw`DELETE FROM "AuditEntry" WHERE "id" = ${entry.id}`).toBe(0);
    expect(await t.db.$executeRaw`DELETE FROM "AuditEntry"`).toBe(0);
    expect(
      (await t.db.auditEntry.updateMany({ data: { actorEmail: "someone@else.example" } })).count,
    ).toBe(0);
    expect((await t.db.auditEntry.deleteMany({})).count).toBe(0);
    await expect(
      t.db.auditEntry.update({ where: { id: entry.id }, data: { reason: "edited" } }),
    ).rejects.toThrow();
    await expect(t.db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow();
    // The person's account going does not take the log with it.
    await t.db.user.delete({ where: { id: admin.id } });
    await t.db.user.delete({ where: { id: educator.id } });
    expect(await t.db.auditEntry.findMany({ orderBy: { id: "asc" } })).toEqual(all);
  });
});
