import type { Db } from "./client.ts";

export interface RateLimit {
  /** What is limited, e.g. "sign-in:ip" or "sign-in:email". */
  bucket: string;
  /** Who is limited within the bucket: an IP address, a hash of an e-mail address. */
  key: string;
  /** Requests allowed in the window. */
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one request against a limit shared by every web instance. The request is recorded first
 * and counted after, so two instances racing for the last place may both be refused, never both
 * let through. Refused requests count too: hammering keeps a client refused.
 */
export async function consumeRateLimit(
  db: Db,
  { bucket, key, limit, windowMs }: RateLimit,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const since = new Date(now.getTime() - windowMs);
  const [, recent] = await db.$transaction([
    db.rateLimitHit.create({ data: { bucket, key, at: now }, select: { id: true } }),
    db.rateLimitHit.findMany({
      where: { bucket, key, at: { gt: since } },
      select: { at: true },
      orderBy: { at: "desc" },
      take: limit + 1,
    }),
  ]);
  if (recent.length <= limit) return { allowed: true };
  // Allowed again once the oldest of the last `limit` requests has left the window.
  const oldestCounted = recent[limit - 1]?.at ?? now;
  return {
    allowed: false,
    retryAfterMs: Math.max(1, oldestCounted.getTime() + windowMs - now.getTime()),
  };
}

/** Forgets requests older than `olderThanMs`; run now and then (e.g. with each sign-in). */
export async function pruneRateLimits(
  db: Db,
  olderThanMs: number,
  now: Date = new Date(),
): Promise<number> {
  const { count } = await db.rateLimitHit.deleteMany({
    where: { at: { lt: new Date(now.getTime() - olderThanMs) } },
  });
  return count;
}
