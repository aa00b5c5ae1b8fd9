import { describe, expect, it } from "vitest";
import { dayIn, endOfDayIn, isTimeZone, parseDay } from "./due-dates";

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe("endOfDayIn", () => {
  it.each([
    ["2026-03-14", "UTC", "2026-03-14T23:59:59.999Z"],
    ["2026-12-31", "UTC", "2026-12-31T23:59:59.999Z"],
    // Berlin: CET (UTC+1) in winter, CEST (UTC+2) in summer.
    ["2026-01-15", "Europe/Berlin", "2026-01-15T22:59:59.999Z"],
    ["2026-07-15", "Europe/Berlin", "2026-07-15T21:59:59.999Z"],
    // Clocks go forward on 29 March 2026 at 02:00: the day ends in summer time.
    ["2026-03-28", "Europe/Berlin", "2026-03-28T22:59:59.999Z"],
    ["2026-03-29", "Europe/Berlin", "2026-03-29T21:59:59.999Z"],
    ["2026-03-30", "Europe/Berlin", "2026-03-30T21:59:59.999Z"],
    // Clocks go back on 25 October 2026 at 03:00: the day ends in winter time.
    ["2026-10-24", "Europe/Berlin", "2026-10-24T21:59:59.999Z"],
    ["2026-10-25", "Europe/Berlin", "2026-10-25T22:59:59.999Z"],
    ["2026-10-26", "Europe/Berlin", "2026-10-26T22:59:59.999Z"],
    // New York: EST (UTC−5), EDT (UTC−4); the end of the day is the next day in UTC.
    ["2026-01-15", "America/New_York", "2026-01-16T04:59:59.999Z"],
    ["2026-07-04", "America/New_York", "2026-07-05T03:59:59.999Z"],
    ["2026-03-08", "America/New_York", "2026-03-09T03:59:59.999Z"],
    ["2026-11-01", "America/New_York", "2026-11-02T04:59:59.999Z"],
    // Auckland: NZDT (UTC+13) in January, NZST (UTC+12) in July; the day ends before noon UTC.
    ["2026-01-15", "Pacific/Auckland", "2026-01-15T10:59:59.999Z"],
    ["2026-07-15", "Pacific/Auckland", "2026-07-15T11:59:59.999Z"],
    // Summer time ends on 5 April 2026 and starts on 27 September 2026 there.
    ["2026-04-05", "Pacific/Auckland", "2026-04-05T11:59:59.999Z"],
    ["2026-09-27", "Pacific/Auckland", "2026-09-27T10:59:59.999Z"],
    // Kolkata: UTC+5:30 all year.
    ["2026-03-14", "Asia/Kolkata", "2026-03-14T18:29:59.999Z"],
    ["2026-07-01", "Asia/Kolkata", "2026-07-01T18:29:59.999Z"],
  ])("ends %s in %s at %s", (day, zone, expected) => {
    expect(iso(endOfDayIn(day, zone))).toBe(expected);
  });

  it.each(["2026-02-30", "2026-13-01", "2026-1-1", "", "2026-02-29", "2026-00-10", "2026-01-00"])(
    "is null for %j",
    (day) => {
      expect(endOfDayIn(day, "Europe/Berlin")).toBeNull();
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(iso(endOfDayIn("2028-02-29", "UTC"))).toBe("2028-02-29T23:59:59.999Z");
  });
});

describe("parseDay", () => {
  it("reads a calendar day", () => {
    expect(parseDay("2026-03-14")).toEqual({ year: 2026, month: 3, day: 14 });
    expect(parseDay("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it.each([
    "2026-02-30",
    "2026-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-01",
    "2026-01-00",
    "2026-1-1",
    "26-01-01",
    "2026-01-01T00:00",
    " 2026-01-01",
    "",
  ])("is null for %j", (text) => {
    expect(parseDay(text)).toBeNull();
  });
});

describe("dayIn", () => {
  it("is the day the instant falls on in the zone", () => {
    const instant = new Date("2026-03-14T23:30:00.000Z");
    expect(dayIn(instant, "UTC")).toBe("2026-03-14");
    expect(dayIn(instant, "Europe/Berlin")).toBe("2026-03-15");
    expect(dayIn(instant, "America/New_York")).toBe("2026-03-14");
    expect(dayIn(instant, "Pacific/Auckland")).toBe("2026-03-15");
    expect(dayIn(new Date("2026-03-14T18:29:59.999Z"), "Asia/Kolkata")).toBe("2026-03-14");
    expect(dayIn(new Date("2026-03-14T18:30:00.000Z"), "Asia/Kolkata")).toBe("2026-03-15");
  });

  it.each([
    ["2026-03-14", "UTC"],
    ["2026-01-15", "Europe/Berlin"],
    ["2026-07-15", "Europe/Berlin"],
    ["2026-03-29", "Europe/Berlin"],
    ["2026-10-25", "Europe/Berlin"],
    ["2026-03-08", "America/New_York"],
    ["2026-11-01", "America/New_York"],
    ["2026-04-05", "Pacific/Auckland"],
    ["2026-09-27", "Pacific/Auckland"],
    ["2026-12-31", "Asia/Kolkata"],
  ])("round-trips %s in %s, and the next millisecond is the next day", (day, zone) => {
    const end = endOfDayIn(day, zone);
    if (!end) throw new Error(`no end of ${day}`);
    expect(dayIn(end, zone)).toBe(day);
    expect(dayIn(new Date(end.getTime() + 1), zone)).not.toBe(day);
  });
});

describe("isTimeZone", () => {
  it.each(["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"])(
    "knows %s",
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
    },
  );

  it.each([
    "",
    "Mars/Olympus_Mons",
    "Europe/Atlantis",
    "not a zone",
    "+25:00",
    "Europe/".repeat(10),
  ])("rejects %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });

  it("rejects names longer than 64 characters", () => {
    expect(isTimeZone(`Europe/Berlin${"x".repeat(60)}`)).toBe(false);
  });
});
