/**
 * The class dashboard's benchmark data (issue 12), shared by `bench:class` (the queries alone,
 * scripts/bench-class-activity.ts) and the web app's `bench:dashboard` (the whole page over HTTP,
 * apps/web/scripts/bench-dashboard.ts): one cohort of 200 learners × 8 lessons with 20,000
 * attempts, and 2,000 other users in cohorts of their own with 40,000 attempts, in the same
 * tables, so that only index use keeps the cohort's queries fast. Seeded from a fixed PRNG seed:
 * every call writes the same rows.
 */
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../src/client.ts";
import { migrationScripts } from "../src/testing/migrations.ts";

/** The course's lessons, in order (their slugs as in packages/content). */
export const LESSONS = [
  "introduction",
  "a-single-neuron",
  "activation-functions",
  "the-forward-pass",
  "measuring-error",
  "backpropagation-and-gradient-descent",
  "why-deep-works",
  "summary",
] as const;
export const EXERCISES_PER_LESSON = 4;
export const COHORT_LEARNERS = 200;
export const COHORT_ATTEMPTS = 20_000;
export const OTHER_USERS = 2_000;
export const OTHER_ATTEMPTS = 40_000;
export const TEACHER_EMAIL = "bench-teacher@example.com";
const BATCH = 5_000;
const SEED = 20261207;

/** A lesson and the ids of its exercises, which the attempts are spread over. */
export interface FixtureLesson {
  slug: string;
  exercises: readonly string[];
}

/** The default: LESSONS with four made-up exercise ids each (`<lesson>-ex1` … `-ex4`). */
export const SYNTHETIC_COURSE: readonly FixtureLesson[] = LESSONS.map((slug) => ({
  slug,
  exercises: Array.from({ length: EXERCISES_PER_LESSON }, (_, i) => `${slug}-ex${i + 1}`),
}));

/** mulberry32: a small seeded PRNG, so every run seeds the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const EPOCH = Date.UTC(2026, 8, 1);
const TERM_MS = 90 * 24 * 3600 * 1000;

/**
 * Applies the migrations to the new database at `url`, each script whole over one connection (as
 * the tests do). Not `prisma migrate deploy`: through the pg driver adapter it splits scripts at
 * every `;`, which breaks a migration with a function body in it.
 */
export async function applyMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const script of migrationScripts()) await client.query(script);
  } finally {
    await client.end();
  }
}

export interface SeededClass {
  teacherId: string;
  cohortId: string;
  /** The cohort's learners, in the order they joined; `name` is what the dashboard shows. */
  learners: { id: string; name: string }[];
}

/**
 * Writes the cohort, its teacher (TEACHER_EMAIL, role EDUCATOR) and everyone else into an empty,
 * migrated database. `course`: the lessons and exercise ids the attempts name; the default,
 * SYNTHETIC_COURSE, is what `bench:class` has always measured. The web benchmark passes the real
 * course's, so that the page's exercise table and scores are filled as for a real class.
 */
export async function seedClass(
  db: Db,
  { course = SYNTHETIC_COURSE }: { course?: readonly FixtureLesson[] } = {},
): Promise<SeededClass> {
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  /** A version-4-shaped UUID from the PRNG (ExerciseAttempt.id is a uuid column). */
  const uuid = (): string => {
    let hex = "";
    for (let i = 0; i < 32; i++) hex += Math.floor(random() * 16).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  };

  /** `count` attempts by `userIds`: wrong answers cluster on a few values, as real ones do. */
  const attempts = (userIds: string[], count: number): Prisma.ExerciseAttemptCreateManyInput[] => {
    const rows: Prisma.ExerciseAttemptCreateManyInput[] = [];
    for (let i = 0; i < count; i++) {
      const lesson = pick(course);
      const exerciseId = pick(lesson.exercises);
      const correct = random() < 0.6;
      rows.push({
        id: uuid(),
        userId: pick(userIds),
        exerciseId,
        lessonSlug: lesson.slug,
        answer: correct ? { value: 42 } : { value: Math.floor(random() * random() * 12) },
        correct,
        createdAt: new Date(EPOCH + Math.floor(random() * TERM_MS)),
      });
    }
    return rows;
  };

  const progress = (userIds: string[], share: number): Prisma.LessonProgressCreateManyInput[] => {
    const rows: Prisma.LessonProgressCreateManyInput[] = [];
    for (const userId of userIds) {
      for (const { slug: lessonSlug } of course) {
        if (random() >= share) continue;
        const at = new Date(EPOCH + Math.floor(random() * TERM_MS));
        rows.push({
          userId,
          lessonSlug,
          completedAt: random() < 0.7 ? at : null,
          positionAnchor: "section-2",
          positionAt: at,
          updatedAt: at,
        });
      }
    }
    return rows;
  };

  const teacher = await db.user.create({
    data: { email: TEACHER_EMAIL, name: "Teacher", role: "EDUCATOR" },
    select: { id: true },
  });
  const cohort = await db.cohort.create({
    data: {
      name: "Bench class",
      joinCode: "BNCH-2026",
      ownerId: teacher.id,
      teachers: { create: { userId: teacher.id } },
    },
    select: { id: true },
  });
  const users = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${prefix}-${String(i).padStart(5, "0")}`,
      email: `${prefix}-${i}@example.com`,
      name: `${prefix} ${i}`,
    }));
  const learners = users("learner", COHORT_LEARNERS);
  const others = users("other", OTHER_USERS);
  await inBatches([...learners, ...others], (data) => db.user.createMany({ data }));
  await db.cohortMembership.createMany({
    data: learners.map((l, i) => ({
      cohortId: cohort.id,
      userId: l.id,
      joinedAt: new Date(EPOCH - (COHORT_LEARNERS - i) * 60_000),
    })),
  });
  // The other users are in cohorts of their own (of 20 each), taught by someone else.
  const otherTeacher = await db.user.create({
    data: { email: "bench-other-teacher@example.com", role: "EDUCATOR" },
    select: { id: true },
  });
  const otherCohortId = (c: number) => `other-cohort-${String(c).padStart(4, "0")}`;
  const otherCohorts = Array.from({ length: OTHER_USERS / 20 }, (_, c) => ({
    id: otherCohortId(c),
    name: `Other class ${c}`,
    joinCode: `OTHR-${String(c).padStart(4, "0")}`,
    ownerId: otherTeacher.id,
  }));
  await db.cohort.createMany({ data: otherCohorts });
  await db.cohortTeacher.createMany({
    data: otherCohorts.map((c) => ({ cohortId: c.id, userId: otherTeacher.id })),
  });
  await db.cohortMembership.createMany({
    data: others.map((u, i) => ({
      cohortId: otherCohortId(Math.floor(i / 20)),
      userId: u.id,
    })),
  });
  const learnerIds = learners.map((l) => l.id);
  const otherIds = others.map((u) => u.id);
  await inBatches(attempts(learnerIds, COHORT_ATTEMPTS), (data) =>
    db.exerciseAttempt.createMany({ data }),
  );
  await inBatches(attempts(otherIds, OTHER_ATTEMPTS), (data) =>
    db.exerciseAttempt.createMany({ data }),
  );
  await inBatches([...progress(learnerIds, 0.7), ...progress(otherIds, 0.5)], (data) =>
    db.lessonProgress.createMany({ data }),
  );
  return {
    teacherId: teacher.id,
    cohortId: cohort.id,
    learners: learners.map(({ id, name }) => ({ id, name })),
  };
}
