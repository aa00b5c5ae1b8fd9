import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, hashInvitationSecret, invitationByLink } from "./invitations.ts";
import { createTestDb, migrations, type TestDb } from "./testing/test-db.ts";

/**
 * The migration that stores invitation secrets as their SHA-256 (hex) instead of in clear: a
 * link made before it (`/invitations/<code>`) still opens the same invitation after it, and the
 * code itself is gone from the table.
 */
const HASH_MIGRATION = "_invitations_pupils_certificates";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ migrate: false });
});
afterAll(() => t.close());

/** Runs migration scripts as `prisma migrate deploy` does: each one whole, in one session. */
async function apply(scripts: string[]) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    for (const script of scripts) await client.query(script);
  } finally {
    await client.end();
  }
}

/** SQL against the database as it is, whatever the schema Prisma's client knows. */
async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("the invitation-secret hashing migration", () => {
  it("replaces each plain code by its SHA-256 in hex, so old links keep working", async () => {
    const all = migrations();
    const index = all.findIndex((migration) => migration.name.endsWith(HASH_MIGRATION));
    expect(index).toBeGreaterThan(0);
    await apply(all.slice(0, index).map((migration) => migration.sql));

    const columns = await sql<{ column_name: string }>(
      `SELECT column_name::text FROM information_schema.columns
       WHERE table_name = 'CohortInvitation' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toContain("code");
    expect(columns.map((c) => c.column_name)).not.toContain("codeHash");

    await sql(
      `INSERT INTO "User" ("id", "email", "name", "role", "createdAt", "updatedAt")
       VALUES ('teacher', 'teacher@example.com', 'Ada', 'EDUCATOR', now(), now()),
              ('learner', 'learner@example.com', 'Lea', 'LEARNER', now(), now())`,
    );
    await sql(
      `INSERT INTO "Cohort" ("id", "name", "ownerId", "joinCode", "createdAt", "updatedAt")
       VALUES ('cohort', 'Before', 'teacher', 'BEFO-RE26', now(), now())`,
    );
    await sql(`INSERT INTO "CohortTeacher" ("cohortId", "userId") VALUES ('cohort', 'teacher')`);
    const created = new Date(Date.UTC(2026, 1, 1, 9));
    const codes = {
      link: "Zq3x_-kP9aB2cD4eF6gH8iJ0kL1mN3oP5qR7sT9uV1w", // a base64url secret, as links carry
      hex: "f".repeat(64), // the shape of a hash, too: it must be hashed all the same
      unicode: "einladung-ключ-🔑", // SQL and Node must agree byte for byte
    };
    const future = new Date(Date.UTC(2099, 0, 1));
    for (const [id, code] of Object.entries(codes)) {
      await sql(
        `INSERT INTO "CohortInvitation" ("id", "cohortId", "email", "code", "expiresAt", "createdAt")
         VALUES ($1, 'cohort', $2, $3, $4, $5)`,
        [id, `${id}@example.com`, code, future, created],
      );
    }

    await apply(all.slice(index).map((migration) => migration.sql));

    const rows = await t.db.cohortInvitation.findMany({
      select: { id: true, codeHash: true, sentAt: true, revokedAt: true },
      orderBy: { id: "asc" },
    });
    expect(rows).toEqual(
      Object.entries(codes)
        .map(([id, code]) => ({
          id,
          codeHash: sha256(code),
          sentAt: created, // the mail went out when the invitation was made
          revokedAt: null,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const code of Object.values(codes)) {
      expect(hashInvitationSecret(code)).toBe(sha256(code));
    }
    const after = await sql<{ column_name: string }>(
      `SELECT column_name::text FROM information_schema.columns
       WHERE table_name = 'CohortInvitation'`,
    );
    expect(after.map((c) => c.column_name)).not.toContain("code");
    expect(JSON.stringify(await sql(`SELECT * FROM "CohortInvitation"`))).not.toContain(codes.link);

    // The link made before the deploy opens its invitation, and accepting it works.
    expect(await invitationByLink(t.db, codes.link)).toMatchObject({
      status: "pending",
      cohort: { id: "cohort", name: "Before" },
    });
    expect(await acceptInvitation(t.db, "learner", codes.link)).toMatchObject({
      status: "accepted",
      cohortId: "cohort",
    });
  });
});
