/**
 * Due dates are days in a cohort's time zone: "due 14 March" means until the end of 14 March
 * where the class is. Stored as the UTC instant of 23:59:59.999 that day in that zone.
 */

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** `YYYY-MM-DD` as typed into a date field, or null when it is not a real calendar day. */
export function parseDay(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day || year < 2000 || year > 2100) return null;
  return { year, month, day };
}

/** The last millisecond of `day` (YYYY-MM-DD) in `zone`, as a Date; null for a bad day. */
export function endOfDayIn(day: string, zone: string): Date | null {
  const parsed = parseDay(day);
  if (!parsed) return null;
  const wall = Date.UTC(parsed.year, parsed.month - 1, parsed.day, 23, 59, 59, 999);
  // The zone's offset at the answer, found by two steps (offsets change at most once a day).
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  return new Date(instant);
}

/** The day (YYYY-MM-DD) an instant falls on in `zone`: what a date field shows for a due date. */
export function dayIn(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
