import "server-only";
import type { Db } from "@neuronlab/db/client";

export interface RecentAttempt {
  id: string;
  exerciseId: string;
  lessonSlug: string;
  correct: boolean;
  createdAt: Date;
}

/**
 * A learner's newest attempts, newest first, for the dashboard (the answers themselves are left
 * out). The (userId, createdAt) index serves it.
 */
export function recentAttempts(db: Db, userId: string, take: number): Promise<RecentAttempt[]> {
  return db.exerciseAttempt.findMany({
    where: { userId },
    select: { id: true, exerciseId: true, lessonSlug: true, correct: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
