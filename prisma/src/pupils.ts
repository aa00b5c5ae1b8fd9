import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Db } from "./client.ts";
import { Prisma } from "../generated/prisma/client.ts";

/**
 * Pupils without e-mail: accounts a cohort's teacher makes from a display name alone (data
 * minimisation for minors: the name is all that is stored about them), each with a printed sign-in
 * card. The card's secret is shown once, in the answer to the request that made it; the database
 * holds only its SHA-256. As in cohorts.ts, every function acting for a teacher takes their id and
 * checks in the query that they teach the cohort and that it is not archived.
 */

/** Letters and digits that cannot be mistaken for one another when typed off a card. */
export const CARD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Symbols on a card: 10 of 32, 50 bits. */
export const CARD_CODE_LENGTH = 10;

/** The reserved .invalid domain (RFC 2606): an address there can never receive mail. */
export const PUPIL_EMAIL_DOMAIN = "pupils.neuronlab.invalid";

/** Most pupils one request adds. */
export const MAX_PUPILS_PER_REQUEST = 60;

/** Longest display name, in characters. */
export const MAX_PUPIL_NAME = 60;

/** A new card secret, as printed: XXXXX-XXXXX. */
export function newCardCode(): string {
  let code = "";
  for (let i = 0; i < CARD_CODE_LENGTH; i++)
    code += CARD_ALPHABET.charAt(randomInt(CARD_ALPHABET.length));
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * A card code as typed or linked, in its printed shape (XXXXX-XXXXX): case, spaces and dashes do
 * not matter. Null when it cannot be a card's code (wrong length, a symbol cards never use).
 */
export function normaliseCardCode(input: string): string | null {
  if (input.length > 100) return null;
  const bare = input.toUpperCase().replace(/[\s-]+/g, "");
  if (bare.length !== CARD_CODE_LENGTH) return null;
  for (const symbol of bare) if (!CARD_ALPHABET.includes(symbol)) return null;
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
}

/**
 * What `PupilCard.codeHash` holds: the SHA-256 (hex) of the printed code. Unsalted is enough: the
 * code is 50 random bits (no dictionary to try) and sign-ins are rate-limited; one lookup by the
 * hash through the unique index.
 */
export function hashCardCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/** A placeholder address that can never receive mail (User.email is required and unique). */
export function pupilEmail(): string {
  return `pupil-${randomBytes(12).toString("hex")}@${PUPIL_EMAIL_DOMAIN}`;
}

/** Whether this account is a pupil's (made from a card): a pupil cannot teach or join by code. */
export async function isPupil(db: Db, userId: string): Promise<boolean> {
  return (await db.pupilCard.count({ where: { userId } })) > 0;
}

/**
 * Whether an address is a pupil's placeholder (`pupilEmail`): no one else can have one, since no
 * sign-in link can reach the .invalid domain. A cheap test before asking the database.
 */
export function isPupilEmail(email: string): boolean {
  return email.endsWith(`@${PUPIL_EMAIL_DOMAIN}`);
}

/**
 * Whether this account is a pupil's whose cohort (the one that made their card) is archived: their
 * card does not sign them in and their sessions do not count until the cohort is restored (nothing
 * is deleted on archiving, so restoring it makes both work again).
 */
export async function isPupilOfArchivedCohort(db: Db, userId: string): Promise<boolean> {
  const count = await db.pupilCard.count({
    where: { userId, cohort: { archivedAt: { not: null } } },
  });
  return count > 0;
}

/**
 * Deletes the account of a pupil whose card this cohort made, inside the caller's transaction (a
 * teacher taking them out of the class: see `removeLearner`). The account exists only because of
 * the cohort, so nothing about the child is kept: the database cascades to their card (which
 * stops working), sessions, progress, attempts, certificates and memberships. False, deleting
 * nothing, when the user is not a pupil of this cohort (an ordinary learner, another cohort's
 * pupil).
 */
export async function deletePupilOfCohort(
  tx: Prisma.TransactionClient,
  cohortId: string,
  userId: string,
): Promise<boolean> {
  const { count } = await tx.user.deleteMany({
    where: { id: userId, pupilCard: { is: { cohortId } } },
  });
  return count === 1;
}

/** A card just made: the only moment its code exists in clear. */
export interface NewPupilCard {
  pupilId: string;
  name: string;
  /** XXXXX-XXXXX */
  code: string;
}

export type AddPupilsResult =
  | { status: "added"; cards: NewPupilCard[] }
  | { status: "not_found" }
  | { status: "taken"; name: string };

const taughtOpen = (userId: string, cohortId: string) => ({
  id: cohortId,
  teachers: { some: { userId } },
  archivedAt: null,
});

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Names compared as a teacher reads them: letter case and spacing do not tell pupils apart. */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("und").replace(/\s+/g, " ").trim();
}

/**
 * Adds pupils (names already checked: trimmed, 1–60 characters, no two alike) to a cohort the
 * teacher teaches and that is not archived: an account, a membership and a card each, all in one
 * transaction (nothing half-written). A name a pupil of this cohort already has is refused, so
 * two cards never read alike.
 */
export async function addPupils(
  db: Db,
  teacherId: string,
  cohortId: string,
  names: readonly string[],
): Promise<AddPupilsResult> {
  for (let tries = 0; ; tries++) {
    try {
      return await db.$transaction(
        async (tx) => {
          // Teachers adding pupils at once take turns on the cohort's row (the name check below
          // then sees the other's pupils), and an archived cohort stays closed.
          const locked = await tx.$queryRaw<{ id: string }[]>`
            SELECT c."id" FROM "Cohort" c
            WHERE c."id" = ${cohortId} AND c."archivedAt" IS NULL
              AND EXISTS (SELECT 1 FROM "CohortTeacher" t
                          WHERE t."cohortId" = c."id" AND t."userId" = ${teacherId})
            FOR UPDATE`;
          if (locked.length !== 1) return { status: "not_found" } as const;
          const existing = await tx.pupilCard.findMany({
            where: { cohortId },
            select: { user: { select: { name: true } } },
          });
          const taken = new Set(existing.map(({ user }) => nameKey(user.name ?? "")));
          const clash = names.find((name) => taken.has(nameKey(name)));
          if (clash !== undefined) return { status: "taken", name: clash } as const;
          const cards: NewPupilCard[] = [];
          for (const name of names) {
            const code = newCardCode();
            const user = await tx.user.create({
              data: {
                name,
                email: pupilEmail(),
                role: "LEARNER",
                memberships: { create: { cohortId } },
                pupilCard: { create: { cohortId, codeHash: hashCardCode(code) } },
              },
              select: { id: true },
            });
            cards.push({ pupilId: user.id, name, code });
          }
          return { status: "added", cards } as const;
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
    } catch (error) {
      // 2^50 codes: a clash is all but impossible; the whole transaction then runs again.
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}

/**
 * A new card for a pupil of a cohort the teacher teaches (not archived): the old code stops
 * working at once (its hash is gone) and the pupil's sessions end, so whoever found a lost card
 * is signed out too. Null when there is no such pupil for this teacher.
 */
export async function replacePupilCard(
  db: Db,
  teacherId: string,
  cohortId: string,
  pupilId: string,
  now: Date = new Date(),
): Promise<NewPupilCard | null> {
  for (let tries = 0; ; tries++) {
    const code = newCardCode();
    try {
      return await db.$transaction(async (tx) => {
        const { count } = await tx.pupilCard.updateMany({
          where: { userId: pupilId, cohortId, cohort: taughtOpen(teacherId, cohortId) },
          data: { codeHash: hashCardCode(code), replacedAt: now },
        });
        if (count !== 1) return null;
        await tx.session.deleteMany({ where: { userId: pupilId } });
        const pupil = await tx.user.findUniqueOrThrow({
          where: { id: pupilId },
          select: { name: true },
        });
        return { pupilId, name: pupil.name ?? "", code };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}

export interface PupilListItem {
  id: string;
  name: string;
  cardMadeAt: Date;
  /** When the card was last replaced; null for the first card. */
  replacedAt: Date | null;
  /**
   * False once the pupil left the class themselves (their card still signs them in). A pupil their
   * teacher takes out of the class is deleted (`removeLearner`) and no longer listed.
   */
  member: boolean;
}

/**
 * The pupils with a card in a cohort the teacher teaches (archived or not), by name; null when
 * they do not teach it.
 */
export async function pupilsOfCohort(
  db: Db,
  teacherId: string,
  cohortId: string,
): Promise<PupilListItem[] | null> {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, teachers: { some: { userId: teacherId } } },
    select: {
      pupilCards: {
        select: {
          createdAt: true,
          replacedAt: true,
          user: {
            select: {
              id: true,
              name: true,
              memberships: { where: { cohortId }, select: { cohortId: true } },
            },
          },
        },
      },
    },
  });
  if (!cohort) return null;
  return cohort.pupilCards
    .map(({ createdAt, replacedAt, user }) => ({
      id: user.id,
      name: user.name ?? "",
      cardMadeAt: createdAt,
      replacedAt,
      member: user.memberships.length > 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** What a card's code finds: its pupil, and whether the cohort that made the card is archived. */
export interface CardLookup {
  userId: string;
  /** The card does not sign in while this is true (`pupilByCardCode`). */
  cohortArchived: boolean;
}

/**
 * The card a code belongs to, archived cohort or not (so a refusal can say why); null for an
 * unknown, malformed or replaced code.
 */
export async function cardByCode(db: Db, code: string): Promise<CardLookup | null> {
  const printed = normaliseCardCode(code);
  if (!printed) return null;
  const card = await db.pupilCard.findUnique({
    where: { codeHash: hashCardCode(printed) },
    select: { userId: true, cohort: { select: { archivedAt: true } } },
  });
  return card && { userId: card.userId, cohortArchived: card.cohort.archivedAt !== null };
}

/**
 * The pupil a card's code signs in, or null: an unknown, malformed or replaced code, or a card of
 * an archived cohort (it works again once the cohort is restored).
 */
export async function pupilByCardCode(db: Db, code: string): Promise<{ userId: string } | null> {
  const card = await cardByCode(db, code);
  return card && !card.cohortArchived ? { userId: card.userId } : null;
}
