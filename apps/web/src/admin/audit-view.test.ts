import { describe, expect, it } from "vitest";
import { actionKey, certificateOf, changedFields, peopleNamedIn } from "./audit-view";

const roleEntry = {
  actorId: "admin",
  action: "user.role",
  subjectType: "User",
  subjectId: "ada",
  before: { role: "EDUCATOR" },
  after: { role: "LEARNER" },
};

const revokeEntry = {
  actorId: "admin2",
  action: "certificate.revoke",
  subjectType: "Certificate",
  subjectId: "cert1",
  before: { code: "AAAA-BBBB-CCCC-DDDD", holderId: "bob", revokedAt: null },
  after: { code: "AAAA-BBBB-CCCC-DDDD", holderId: "bob", revokedAt: "2026-12-07T10:00:00.000Z" },
};

describe("the audit log's view", () => {
  it("shows only the fields an entry changed, in order", () => {
    expect(changedFields(roleEntry.before, roleEntry.after)).toEqual([
      { field: "role", before: "EDUCATOR", after: "LEARNER" },
    ]);
    expect(changedFields(revokeEntry.before, revokeEntry.after)).toEqual([
      { field: "revokedAt", before: null, after: "2026-12-07T10:00:00.000Z" },
    ]);
    expect(changedFields(null, { role: "LEARNER" })).toEqual([
      { field: "role", before: undefined, after: "LEARNER" },
    ]);
    expect(changedFields([1], "x")).toEqual([]);
  });

  it("names actions it knows, and nothing an object inherits", () => {
    expect(actionKey("user.role")).toBe("role");
    expect(actionKey("certificate.revoke")).toBe("revokeCertificate");
    expect(actionKey("constructor")).toBeUndefined();
    expect(actionKey("user.delete")).toBeUndefined();
  });

  it("finds a certificate's code and holder, and every person the entries name", () => {
    expect(certificateOf(revokeEntry)).toEqual({ code: "AAAA-BBBB-CCCC-DDDD", holderId: "bob" });
    expect(certificateOf({ ...revokeEntry, before: null, after: null })).toEqual({
      code: "cert1",
      holderId: null,
    });
    expect(peopleNamedIn([roleEntry, revokeEntry]).sort()).toEqual(
      ["admin", "admin2", "ada", "bob"].sort(),
    );
  });
});
