import { deleteExpiredSessions, deleteExpiredVerificationTokens } from "@neuronlab/db/accounts";
import { pruneRateLimits } from "@neuronlab/db/rate-limit";
import type { RunResult, ScheduledMailDeps } from "./scheduled-mail";

const DAY_MS = 86_400_000;

/**
 * The daily clean-up the privacy notice promises: sign-in links past their end, sessions past
 * their end, and request counts older than a day. (Sign-ins also prune the first and the last as
 * they go; this run catches quiet days.) Returns how many rows went, as `sent`.
 */
export async function runMaintenance(
  { db }: Pick<ScheduledMailDeps, "db">,
  now: Date,
): Promise<RunResult> {
  const counts = await Promise.all([
    deleteExpiredVerificationTokens(db, now),
    deleteExpiredSessions(db, now),
    pruneRateLimits(db, DAY_MS, now),
  ]);
  return { sent: counts.reduce((sum, n) => sum + n, 0), failed: 0 };
}
