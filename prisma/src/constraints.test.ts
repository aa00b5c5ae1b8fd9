import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";

/** The database itself refuses invalid data, whatever code writes it. */
let t: TestDb;
let userId: string;
let orgId: string;
let formatId: string;

beforeAll(async () => {
  t = await createTestDb();
  userId = (await t.db.user.create({ data: { email: "c@example.com" }, select: { id: true } })).id;
  orgId = (await t.db.organisation.create({ data: { name: "SME" }, select: { id: true } })).id;
  formatId = (
    await t.db.workshopFormat.create({
      data: { slug: "f", title: "F", description: "…", durationHours: 2, maxSeats: 10 },
      select: { id: true },
    })
  ).id;
});
afterAll(() => t.close());

const booking = (seats: number) => ({
  organisationId: orgId,
  formatId,
  seats,
  language: "en",
  mode: "ONLINE" as const,
  requestedDates: [new Date("2026-12-01")],
});

describe("constraints", () => {
  it("refuses a booking with negative seats, and stores nothing", async () => {
    const before = await countRows(t.db);
    await expect(
      t.db.workshopBooking.create({ data: booking(-1), select: { id: true } }),
    ).rejects.toThrow(/WorkshopBooking_seats_check|check constraint/i);
    expect(await countRows(t.db)).toEqual(before);
    await expect(
      t.db.workshopBooking.create({ data: booking(0), select: { id: true } }),
    ).resolves.toBeDefined();
  });

  it("refuses a workshop format with negative seats or no duration", async () => {
    const format = { title: "T", description: "…", durationHours: 1, maxSeats: 1 };
    await expect(
      t.db.workshopFormat.create({
        data: { ...format, slug: "neg", maxSeats: -5 },
        select: { id: true },
      }),
    ).rejects.toThrow(/maxSeats_check|check constraint/i);
    await expect(
      t.db.workshopFormat.create({
        data: { ...format, slug: "zero", durationHours: 0 },
        select: { id: true },
      }),
    ).rejects.toThrow(/durationHours_check|check constraint/i);
  });

  it("refuses a second membership of the same learner in the same cohort", async () => {
    const cohort = await t.db.cohort.create({
      data: { name: "C", joinCode: "JOIN-1", ownerId: userId },
      select: { id: true },
    });
    await t.db.cohortMembership.create({
      data: { cohortId: cohort.id, userId },
      select: { userId: true },
    });
    await expect(
      t.db.cohortMembership.create({
        data: { cohortId: cohort.id, userId },
        select: { userId: true },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(await t.db.cohortMembership.count({ where: { cohortId: cohort.id } })).toBe(1);
  });

  it("refuses a second cohort with the same join code, and a second account with the same e-mail", async () => {
    await t.db.cohort.create({
      data: { name: "A", joinCode: "SAME", ownerId: userId },
      select: { id: true },
    });
    await expect(
      t.db.cohort.create({
        data: { name: "B", joinCode: "SAME", ownerId: userId },
        select: { id: true },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      t.db.user.create({ data: { email: "c@example.com" }, select: { id: true } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("stores one attempt id once and refuses an id that is not a UUID", async () => {
    const data = {
      id: randomUUID(),
      userId,
      exerciseId: "e",
      lessonSlug: "l",
      answer: 1,
      correct: true,
    };
    await t.db.exerciseAttempt.create({ data, select: { id: true } });
    await expect(t.db.exerciseAttempt.create({ data, select: { id: true } })).rejects.toMatchObject(
      {
        code: "P2002",
      },
    );
    await expect(
      t.db.exerciseAttempt.create({ data: { ...data, id: "not-a-uuid" }, select: { id: true } }),
    ).rejects.toThrow();
  });

  it("keeps a workshop format that has bookings (retire it instead)", async () => {
    await expect(t.db.workshopFormat.delete({ where: { id: formatId } })).rejects.toThrow();
  });
});
