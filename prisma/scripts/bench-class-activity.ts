/**
 * `pnpm --filter @neuronlab/db bench:class`: how long the class dashboard's `classActivity` takes
 * for a cohort of 200 learners × 8 lessons (20,000 attempts), with 2,000 other users and 40,000
 * attempts outside the cohort in the same tables, so that only index use keeps it fast. Prints the
 * timings and the plans (EXPLAIN ANALYZE, BUFFERS) of its three queries.
 *
 * The database: a throw-away in-memory PGlite by default. With TEST_DATABASE_URL (or else
 * DATABASE_URL) set, a new database on that PostgreSQL server, created for the run and dropped
 * after it, so no existing database is written to.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { classActivity } from "../src/class-activity.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../src/embedded.ts";
import { migrationScripts } from "../src/testing/migrations.ts";
import {
  COHORT_ATTEMPTS,
  COHORT_LEARNERS,
  LESSONS,
  OTHER_ATTEMPTS,
  OTHER_USERS,
  seedClass,
} from "./class-fixture.ts";

const WARM_UP = 3;
const RUNS = 20;
const POOL_SIZE = 10;

const fmt = (n: number) => n.toLocaleString("en-US");
const ms = (n: number) => `${n.toFixed(1)} ms`;

// ---------------------------------------------------------------------------------------------
// The database.

interface BenchDb {
  db: ReturnType<typeof client>;
  /** What the output says it ran on. */
  label: string;
  close(): Promise<void>;
}

function client(url: string) {
  // As src/client.ts's createDb, with Prisma's query log on, to show the SQL it sends.
  const adapter = new PrismaPg({
    connectionString: url,
    max: POOL_SIZE,
    options: "-c TimeZone=UTC",
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
}

async function embeddedDb(): Promise<BenchDb> {
  const server: EmbeddedServer = await startEmbeddedServer({ maxConnections: POOL_SIZE + 2 });
  for (const script of migrationScripts()) await server.db.exec(script);
  const db = client(server.url);
  return {
    db,
    label: "embedded PGlite (in memory)",
    async close() {
      await db.$disconnect();
      await server.stop();
    },
  };
}

async function postgresDb(adminUrl: string, from: string): Promise<BenchDb> {
  const name = `neuronlab_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const migrate = new pg.Client({ connectionString: url.toString() });
  await migrate.connect();
  try {
    for (const script of migrationScripts()) await migrate.query(script);
  } finally {
    await migrate.end();
  }
  const { rows } = await admin.query<{ server_version: string }>("SHOW server_version");
  const db = client(url.toString());
  return {
    db,
    label: `PostgreSQL ${rows[0]?.server_version ?? "?"} at ${url.host} (from ${from}; database ${name}, dropped after)`,
    async close() {
      await db.$disconnect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

function openDb(): Promise<BenchDb> {
  if (process.env.TEST_DATABASE_URL) {
    return postgresDb(process.env.TEST_DATABASE_URL, "TEST_DATABASE_URL");
  }
  if (process.env.DATABASE_URL) return postgresDb(process.env.DATABASE_URL, "DATABASE_URL");
  return embeddedDb();
}

// The data: scripts/class-fixture.ts (shared with the web app's bench:dashboard).

// ---------------------------------------------------------------------------------------------
// The queries, as SQL, for EXPLAIN.

/*
 * These mirror src/class-activity.ts: the two $queryRaw statements copied as they are there, with
 * the cohort id as $1, and the SQL equivalent of its db.lessonProgress.findMany. Keep them in step
 * with the module when it changes.
 */
const EXERCISES_SQL = `
      SELECT a."userId", a."exerciseId", min(a."lessonSlug") AS "lessonSlug",
        count(*)::int AS attempts,
        (count(*) FILTER (WHERE NOT a.correct))::int AS wrong,
        bool_or(a.correct) AS solved,
        (array_agg(a.correct ORDER BY a."createdAt", a.id))[1] AS "firstCorrect",
        max(a."createdAt") AS "lastAt"
      FROM "CohortMembership" m
      JOIN "ExerciseAttempt" a ON a."userId" = m."userId"
      WHERE m."cohortId" = $1
      GROUP BY a."userId", a."exerciseId"`;

const WRONG_ANSWERS_SQL = `
      SELECT "exerciseId", answer, count FROM (
        SELECT a."exerciseId", a.answer::text AS answer, count(*)::int AS count,
          row_number() OVER (
            PARTITION BY a."exerciseId" ORDER BY count(*) DESC, a.answer::text
          ) AS rank
        FROM "CohortMembership" m
        JOIN "ExerciseAttempt" a ON a."userId" = m."userId"
        WHERE m."cohortId" = $1 AND NOT a.correct
        GROUP BY a."exerciseId", a.answer::text
      ) ranked
      WHERE rank <= 3
      ORDER BY "exerciseId", count DESC, answer`;

/** db.lessonProgress.findMany({ where: { user: { memberships: { some: { cohortId } } } } }). */
const LESSONS_SQL = `
      SELECT p."userId", p."lessonSlug", p."completedAt", p."updatedAt"
      FROM "LessonProgress" p
      WHERE EXISTS (
        SELECT 1 FROM "User" u
        WHERE u.id = p."userId"
          AND EXISTS (
            SELECT 1 FROM "CohortMembership" m WHERE m."userId" = u.id AND m."cohortId" = $1
          )
      )`;

async function explain(db: BenchDb["db"], title: string, sql: string, params: unknown[]) {
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
    ...params,
  );
  console.info(`\n--- ${title}`);
  for (const row of rows) console.info(row["QUERY PLAN"]);
}

// ---------------------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const started = performance.now();
const bench = await openDb();
try {
  const { db } = bench;
  console.info(`database: ${bench.label}`);

  const seedStart = performance.now();
  const { teacherId, cohortId } = await seedClass(db);
  await db.$executeRawUnsafe("ANALYZE");
  const counts = {
    users: await db.user.count(),
    members: await db.cohortMembership.count({ where: { cohortId } }),
    attempts: await db.exerciseAttempt.count(),
    cohortAttempts: await db.exerciseAttempt.count({
      where: { user: { memberships: { some: { cohortId } } } },
    }),
    lessonProgress: await db.lessonProgress.count(),
  };
  console.info(
    `seeded in ${ms(performance.now() - seedStart)}: ${fmt(counts.users)} users, ` +
      `${fmt(counts.members)} in the cohort; ${fmt(counts.attempts)} attempts ` +
      `(${fmt(counts.cohortAttempts)} by the cohort); ${fmt(counts.lessonProgress)} lesson progress rows; ANALYZE done`,
  );

  // Prisma's own SQL for the lessonProgress query, captured from its query log on one call.
  const sent: { query: string; params: string }[] = [];
  db.$on("query", (event) => sent.push({ query: event.query, params: event.params }));
  const sample = await classActivity(db, teacherId, cohortId);
  if (!sample) throw new Error("classActivity returned null for the cohort's teacher");
  console.info(
    `classActivity returns ${fmt(sample.learners.length)} learners, ${fmt(sample.lessons.length)} lesson rows, ` +
      `${fmt(sample.exercises.length)} learner × exercise rows, ${fmt(sample.wrongAnswers.length)} wrong-answer rows`,
  );

  for (let i = 0; i < WARM_UP; i++) await classActivity(db, teacherId, cohortId);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await classActivity(db, teacherId, cohortId);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = (percentile(times, 50) + (times[Math.floor(RUNS / 2)] as number)) / 2;
  console.info(
    `timings of ${RUNS} runs after ${WARM_UP} to warm up: median ${ms(median)}, p95 ${ms(percentile(times, 95))}, ` +
      `min ${ms(times[0] as number)}, max ${ms(times[times.length - 1] as number)}`,
  );

  await explain(
    db,
    "exercises (per learner × exercise), $queryRaw in class-activity.ts",
    EXERCISES_SQL,
    [cohortId],
  );
  await explain(
    db,
    "wrong answers (top 3 per exercise), $queryRaw in class-activity.ts",
    WRONG_ANSWERS_SQL,
    [cohortId],
  );
  await explain(db, "lesson progress (the findMany's equivalent SQL)", LESSONS_SQL, [cohortId]);
  const prismaLessons = sent.find((q) => q.query.includes('"LessonProgress"'));
  if (prismaLessons) {
    const params = JSON.parse(prismaLessons.params) as unknown[];
    await explain(
      db,
      `lesson progress, the SQL Prisma sent: ${prismaLessons.query.replace(/\s+/g, " ")}`,
      prismaLessons.query,
      params,
    );
  }

  console.info(
    `\nclassActivity, ${COHORT_LEARNERS} learners × ${LESSONS.length} lessons, ${fmt(COHORT_ATTEMPTS)} attempts ` +
      `(+ ${fmt(OTHER_ATTEMPTS)} by ${fmt(OTHER_USERS)} others), ${bench.label.split(" (")[0] ?? bench.label}: ` +
      `median ${ms(median)}, p95 ${ms(percentile(times, 95))}, min ${ms(times[0] as number)}`,
  );
} finally {
  await bench.close();
}
console.info(`total ${ms(performance.now() - started)}`);
