import type { Db } from "./client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { Prisma } from "../generated/prisma/client.ts";

/** E-mail addresses are stored trimmed and lower-case: one account per address. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface UserSummary {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** The language the user chose, if they did (a code from locales.json). */
  locale: string | null;
  emailVerified: Date | null;
  createdAt: Date;
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  emailVerified: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export function findUserByEmail(db: Db, email: string): Promise<UserSummary | null> {
  return db.user.findUnique({ where: { email: normaliseEmail(email) }, select: userSelect });
}

export function findUserById(db: Db, id: string): Promise<UserSummary | null> {
  return db.user.findUnique({ where: { id }, select: userSelect });
}

/** Stores the language a user chose; false when there is no such user. */
export async function setUserLocale(db: Db, userId: string, locale: string): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { locale } });
  return count === 1;
}

/**
 * Everything the platform holds about one user, as JSON-ready data (dates as ISO strings), for
 * "download my data". Secrets are left out (session tokens, OAuth tokens), and so is anything
 * about other people: for a cohort they own, its members are a count, not a list.
 */
export async function exportUserData(db: Db, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...userSelect,
      image: true,
      updatedAt: true,
      organisation: { select: { id: true, name: true } },
      accounts: { select: { provider: true, providerAccountId: true, type: true } },
      sessions: { select: { expires: true }, orderBy: { expires: "asc" } },
      lessonProgress: {
        select: {
          lessonSlug: true,
          completedAt: true,
          positionAnchor: true,
          positionAt: true,
          createdAt: true,
          updatedAt: true,
        },
        orderBy: { lessonSlug: "asc" },
      },
      attempts: {
        select: {
          id: true,
          exerciseId: true,
          lessonSlug: true,
          answer: true,
          correct: true,
          createdAt: true,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      memberships: {
        select: {
          joinedAt: true,
          cohort: { select: { id: true, name: true, dueDate: true } },
        },
        orderBy: { joinedAt: "asc" },
      },
      teaching: {
        select: { addedAt: true, cohort: { select: { id: true, name: true } } },
        orderBy: { addedAt: "asc" },
      },
      certificates: {
        select: { code: true, name: true, issuedAt: true, revokedAt: true },
        orderBy: { issuedAt: "asc" },
      },
      ownedCohorts: {
        select: {
          id: true,
          name: true,
          joinCode: true,
          dueDate: true,
          createdAt: true,
          _count: { select: { memberships: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      requestedBookings: {
        select: {
          id: true,
          format: { select: { slug: true, title: true } },
          requestedDates: true,
          seats: true,
          language: true,
          mode: true,
          questions: true,
          status: true,
          createdAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
      bookingChanges: {
        select: {
          bookingId: true,
          fromStatus: true,
          toStatus: true,
          changedAt: true,
          note: true,
        },
        orderBy: { changedAt: "asc" },
      },
    },
  });
  if (!user) return null;

  const invitations = await db.cohortInvitation.findMany({
    where: { OR: [{ email: user.email }, { acceptedById: userId }] },
    select: {
      email: true,
      expiresAt: true,
      acceptedAt: true,
      createdAt: true,
      cohort: { select: { name: true } },
    },
    orderBy: { createdAt: "asc" },
  });

  const { ownedCohorts, ...rest } = user;
  const data = {
    exportedAt: new Date(),
    ...rest,
    ownedCohorts: ownedCohorts.map(({ _count, ...cohort }) => ({
      ...cohort,
      memberCount: _count.memberships,
    })),
    invitations: invitations.map(({ cohort, ...invitation }) => ({
      ...invitation,
      cohortName: cohort.name,
    })),
  };
  // A JSON round trip turns dates into ISO strings: the value is exactly what the download holds.
  return JSON.parse(JSON.stringify(data)) as JsonOf<typeof data>;
}

export type UserExport = NonNullable<Awaited<ReturnType<typeof exportUserData>>>;

/** The type a value has after JSON.stringify and JSON.parse. */
type JsonOf<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? JsonOf<U>[]
    : T extends object
      ? { [K in keyof T]: JsonOf<T[K]> }
      : T;

/**
 * Deletes a user and everything of theirs: the database cascades to their accounts, sessions,
 * progress, attempts, memberships and the cohorts they own (with those cohorts' memberships and
 * invitations); invitations sent to their address go too. What belongs to someone else keeps its
 * row and loses the link (a booking they requested, a status change they made).
 * Returns false when there was no such user.
 */
export async function deleteUser(db: Db, userId: string): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
      if (!user) return false;
      await tx.cohortInvitation.deleteMany({ where: { email: user.email } });
      // The cohorts they own go with them: so do the pupils those cohorts made (children's
      // accounts that exist only because of a cohort).
      await tx.user.deleteMany({ where: { pupilCard: { cohort: { ownerId: userId } } } });
      await tx.user.delete({ where: { id: userId }, select: { id: true } });
      return true;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
