/**
 * The local demo data: a learner, an educator with a cohort the learner is in, an admin and three
 * workshop formats. Only the local database gets it (scripts/seed.ts and with-db, never
 * DATABASE_URL). Every write is an upsert that leaves an existing row alone.
 */
import type { Db } from "../src/client.ts";

const FORMATS = [
  {
    slug: "intro-half-day",
    title: "Neural networks, hands on (half day)",
    description:
      "From one neuron to a network that learns, with every idea tried in the browser. For teams with no maths beyond multiplication.",
    durationHours: 3.5,
    maxSeats: 20,
  },
  {
    slug: "full-day",
    title: "How neural networks actually work (full day)",
    description:
      "The whole course in a day: neurons, activations, loss, gradient descent and backpropagation, ending with a network trained on handwritten digits.",
    durationHours: 7,
    maxSeats: 16,
  },
  {
    slug: "educators-train-the-trainer",
    title: "Teaching the course (for educators)",
    description:
      "For teachers and youth workers who will run the course with their own groups: the lessons, the widgets, cohorts and progress dashboards.",
    durationHours: 4,
    maxSeats: 12,
  },
] as const;

/** Upserts the demo data; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  const [learner, educator] = await Promise.all(
    (
      [
        ["learner@example.com", "Lea Learner", "LEARNER"],
        ["educator@example.com", "Eddie Educator", "EDUCATOR"],
        ["admin@example.com", "Ada Admin", "ADMIN"],
      ] as const
    ).map(([email, name, role]) =>
      db.user.upsert({
        where: { email },
        create: { email, name, role, emailVerified: new Date() },
        update: {},
        select: { id: true },
      }),
    ),
  );
  if (!learner || !educator) throw new Error("seed users missing");

  const cohort = await db.cohort.upsert({
    where: { joinCode: "DEMO-2026" },
    create: { name: "Demo class", joinCode: "DEMO-2026", ownerId: educator.id },
    update: {},
    select: { id: true },
  });
  await db.cohortTeacher.upsert({
    where: { cohortId_userId: { cohortId: cohort.id, userId: educator.id } },
    create: { cohortId: cohort.id, userId: educator.id },
    update: {},
    select: { cohortId: true },
  });
  await db.cohortMembership.upsert({
    where: { cohortId_userId: { cohortId: cohort.id, userId: learner.id } },
    create: { cohortId: cohort.id, userId: learner.id },
    update: {},
    select: { cohortId: true },
  });

  for (const format of FORMATS) {
    await db.workshopFormat.upsert({
      where: { slug: format.slug },
      create: format,
      update: {},
      select: { id: true },
    });
  }
}

export const DEMO_SEED_SUMMARY =
  "learner@example.com, educator@example.com (cohort DEMO-2026, with the learner), admin@example.com, 3 workshop formats";
