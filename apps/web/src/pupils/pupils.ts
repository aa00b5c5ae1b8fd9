import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { createSession, type SessionRecord } from "@neuronlab/db/accounts";
import type { Db } from "@neuronlab/db/client";
import {
  addPupils,
  cardByCode,
  isPupil,
  MAX_PUPIL_NAME,
  MAX_PUPILS_PER_REQUEST,
  nameKey,
  pupilsOfCohort,
  replacePupilCard,
  type NewPupilCard,
  type PupilListItem,
} from "@neuronlab/db/pupils";
import { consumeRateLimit } from "@neuronlab/db/rate-limit";
import { HttpError, issueValues } from "@/http/errors";
import { requireEducator, type Actor } from "@/teaching/teaching";

/**
 * Pupils without e-mail: what a cohort's teacher does with them (add by name, replace a lost
 * card, list them) and how a pupil signs in with a card. One function per server action and
 * page, taking who is asking (from the session, never from the request), the database and the
 * request's fields as they arrived; each validates the fields, checks the record in the query and
 * refuses with an HttpError the caller says in the person's language.
 */

export { isPupil, type NewPupilCard, type PupilListItem };

const id = z.string().min(1).max(64);

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, "invalid_pupil_form", issueValues(result.error));
  return result.data;
}

/** Longest textarea accepted: 60 names of 60 characters with room for blank lines and spaces. */
const MAX_LIST_CHARS = 20_000;

/** Half of a character (not text): a form's fields never have one, a crafted call might. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const segmenter = new Intl.Segmenter("und", { granularity: "grapheme" });

/** A name's characters as a reader counts them (an accented letter or an emoji is one). */
const characters = (name: string) => Array.from(segmenter.segment(name), (s) => s.segment);

/** A name shown back in a message: at most 60 characters, so a message stays readable. */
const shown = (name: string) => characters(name).slice(0, MAX_PUPIL_NAME).join("");

/**
 * The names of a textarea, one per line: in Unicode's composed form (NFC), trimmed (runs of
 * spaces made one), empty lines left out, each 1–60 characters with no control characters, at
 * most 60, no two alike (letter case does not tell pupils apart). A problem refuses the whole
 * list with a message naming it.
 */
export function parsePupilNames(text: string): string[] {
  if (text.length > MAX_LIST_CHARS) {
    throw new HttpError(400, "pupil_names.too_many", { max: MAX_PUPILS_PER_REQUEST });
  }
  const names = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.normalize("NFC").replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0);
  if (names.length === 0) throw new HttpError(400, "pupil_names.empty");
  if (names.length > MAX_PUPILS_PER_REQUEST) {
    throw new HttpError(400, "pupil_names.too_many", { max: MAX_PUPILS_PER_REQUEST });
  }
  const seen = new Set<string>();
  for (const name of names) {
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    if (/[\u0000-\u001f\u007f-\u009f]/.test(name) || LONE_SURROGATE.test(name)) {
      throw new HttpError(400, "pupil_name.control", { name: shown(name) });
    }
    // Four code units a character at most: no name of 60 characters stacked with accents.
    if (characters(name).length > MAX_PUPIL_NAME || name.length > 4 * MAX_PUPIL_NAME) {
      throw new HttpError(400, "pupil_name.too_long", {
        name: `${shown(name)}…`,
        max: MAX_PUPIL_NAME,
      });
    }
    const key = nameKey(name);
    if (seen.has(key)) throw new HttpError(400, "pupil_name.duplicate", { name });
    seen.add(key);
  }
  return names;
}

const notFound = () => new HttpError(404, "cohort_not_found");

/** Adds pupils by name to a cohort the educator teaches; answers their new cards (printed now). */
export async function addPupilsFor(actor: Actor, db: Db, input: unknown): Promise<NewPupilCard[]> {
  const user = requireEducator(actor);
  const { cohortId, names } = parse(
    z.object({ cohortId: id, names: z.string().max(MAX_LIST_CHARS * 2) }),
    input,
  );
  const result = await addPupils(db, user.id, cohortId, parsePupilNames(names));
  if (result.status === "not_found") throw notFound();
  if (result.status === "taken")
    throw new HttpError(409, "pupil_name.taken", { name: result.name });
  return result.cards;
}

/** A new card for one pupil (the old one stops working at once); answers it, to be printed. */
export async function replacePupilCardFor(
  actor: Actor,
  db: Db,
  input: unknown,
): Promise<NewPupilCard> {
  const user = requireEducator(actor);
  const { cohortId, pupilId } = parse(z.object({ cohortId: id, pupilId: id }), input);
  const card = await replacePupilCard(db, user.id, cohortId, pupilId);
  if (!card) throw new HttpError(404, "pupil_not_found");
  return card;
}

/** The pupils of a cohort, for one of its teachers: 404 for anyone else, whatever their role. */
export async function loadPupilsFor(
  actor: Actor,
  db: Db,
  cohortId: string,
): Promise<PupilListItem[]> {
  const user = requireEducator(actor);
  const pupils = await pupilsOfCohort(db, user.id, cohortId);
  if (!pupils) throw notFound();
  return pupils;
}

export { pupilsOfCohort };

const MINUTE = 60_000;

/**
 * Card sign-ins one network may try: a class signs in from one address at once (30 pupils, some
 * typing twice), far too few to guess a 50-bit code.
 */
export const CARD_SIGN_IN_LIMIT = { bucket: "card:ip", limit: 100, windowMs: 15 * MINUTE } as const;

/** Like next-auth's database sessions (src/auth/options.ts, SESSION_MAX_AGE_S): 30 days. */
export const CARD_SESSION_MS = 30 * 24 * 60 * MINUTE;

/**
 * A pupil signs in with their card's code: counted against the network's limit first (a refused
 * try counts too), then the code's hash looked up; a wrong or replaced code, or a card of an
 * archived class, makes no session.
 * Answers the new session with its clear token, for the cookie.
 */
export async function signInWithCard(
  db: Db,
  input: unknown,
  ip: string,
  now: Date = new Date(),
): Promise<SessionRecord> {
  const limited = await consumeRateLimit(db, { ...CARD_SIGN_IN_LIMIT, key: ip }, now);
  if (!limited.allowed) {
    throw new HttpError(429, "card_rate_limited", {
      minutes: Math.max(1, Math.ceil(limited.retryAfterMs / MINUTE)),
    });
  }
  const parsed = z.object({ code: z.string().max(100) }).safeParse(input);
  const card = parsed.success ? await cardByCode(db, parsed.data.code) : null;
  if (!card) throw new HttpError(400, "card_code_unknown");
  // Archiving the class stops its cards (and, in session.ts, its pupils' sessions) until it is
  // restored; saying so spares the pupil retyping a code that is right.
  if (card.cohortArchived) throw new HttpError(403, "card_cohort_archived");
  return createSession(db, {
    sessionToken: randomUUID(),
    userId: card.userId,
    expires: new Date(now.getTime() + CARD_SESSION_MS),
  });
}
