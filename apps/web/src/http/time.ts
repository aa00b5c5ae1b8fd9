import { z } from "zod";

/** The earliest time a learner's record can hold: before the platform existed nothing happened. */
export const EARLIEST_RECORDED_TIME = new Date("2020-01-01T00:00:00.000Z");
/**
 * The latest: far enough ahead for any clock that is wrong by hours or days (times after the
 * request are moved back to it), near enough that no date overflows what the database stores.
 */
export const LATEST_RECORDED_TIME = new Date("2100-01-01T00:00:00.000Z");

/**
 * A time a browser reports (an answer, a completion, a reading position): ISO 8601 in UTC, as
 * `Date.prototype.toISOString` writes it, within the range above. Year 0000 or 275760 would pass
 * the format and then fail in the database; here they are a 400 with a message.
 */
export const recordedTime = z.iso.datetime().refine(
  (value) => {
    const time = Date.parse(value);
    return time >= EARLIEST_RECORDED_TIME.getTime() && time <= LATEST_RECORDED_TIME.getTime();
  },
  {
    message: "Send a time between the years 2020 and 2100.",
    // For messages in other languages (issueValues in src/http/errors.ts).
    params: { problem: "time_range" },
  },
);
