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

/** Room to wait for a connection and for the turn under a burst (Prisma's defaults: 2 s, 5 s). */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one request against a limit shared by every web instance. Requests for one bucket and
 * key take turns (a transaction-scoped advisory lock), so concurrent requests cannot all count
 * before any of them is recorded. Refused requests count too: hammering keeps a client refused.
 */
export async function consumeRateLimit(
  db: Db,
  { bucket, key, limit, windowMs }: RateLimit,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const since = new Date(now.getTime() - windowMs);
  const recent = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`${bucket}:${key}`}, 0))) AS turn`;
    await tx.rateLimitHit.create({ data: { bucket, key, at: now }, select: { id: true } });
    return tx.rateLimitHit.findMany({
      where: { bucket, key, at: { gt: since } },
      select: { at: true },
      orderBy: { at: "desc" },
      take: limit + 1,
    });
  }, TRANSACTION_OPTIONS);
  if (recent.length <= limit) return { allowed: true };
  // Allowed again once the oldest of the last `limit` requests (this one included) has left the
  // window.
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
