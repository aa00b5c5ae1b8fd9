"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { createElement } from "react";
import { deleteSession } from "@neuronlab/db/accounts";
import { authSettings, sessionCookieName } from "@/auth/config";
import { clientIp } from "@/auth/rate-limits";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { getPathname } from "@/i18n/navigation";
import type { ActionState } from "@/teaching/action-state";
import { attempt } from "@/teaching/action-kit";
import type { CardsState } from "./cards-state";
import { PupilCards } from "./pupil-cards";
import { addPupilsFor, replacePupilCardFor, signInWithCard, type NewPupilCard } from "./pupils";

/**
 * The pupil forms. A server action is a public endpoint: each reads who is asking from the
 * session and hands the form's fields, as sent, to the rules in pupils.ts, which validate them and
 * check the record. A refusal comes back as the form's error in the form's language; a refused
 * request changes nothing.
 */

type CardsRule = (
  actor: Awaited<ReturnType<typeof getSessionUser>>,
  db: ReturnType<typeof getDb>,
  fields: Record<string, string>,
) => Promise<NewPupilCard[]>;

/** Runs a rule that makes cards and answers them drawn, to be printed now (or its refusal). */
async function cardsAnswer(rule: CardsRule, form: FormData): Promise<CardsState> {
  const at = Date.now();
  const outcome = await attempt(form, async (fields) =>
    rule(await getSessionUser(), getDb(), fields),
  );
  if (!outcome.ok) {
    // The names come back into the form, so a refused list need not be typed again.
    const names = outcome.fields.names ?? "";
    return {
      status: "error",
      message: outcome.message,
      names: names.length <= 40_000 ? names : "",
      at,
    };
  }
  const { value: cards, locale } = outcome;
  // The cohort's pages render again with the new pupils in their lists.
  revalidatePath("/[locale]/educator", "layout");
  return {
    status: "done",
    count: cards.length,
    cards: createElement(PupilCards, { cards, locale }),
    at,
  };
}

/** Adds pupils by name (a textarea, one per line) and answers their cards. */
export async function addPupilsAction(_previous: CardsState, form: FormData): Promise<CardsState> {
  return cardsAnswer(addPupilsFor, form);
}

/** Replaces one pupil's card (the old one stops working) and answers the new one. */
export async function replacePupilCardAction(
  _previous: CardsState,
  form: FormData,
): Promise<CardsState> {
  return cardsAnswer(
    async (actor, db, fields) => [await replacePupilCardFor(actor, db, fields)],
    form,
  );
}

/**
 * Signs a pupil in with their card's code (the link's, or typed): a database session like a
 * magic link's, its token in next-auth's session cookie with next-auth's flags, then the course.
 * A session already in this browser (a shared classroom computer) ends first.
 */
export async function signInWithCardAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const db = getDb();
  const outcome = await attempt(form, async (fields) =>
    signInWithCard(db, fields, clientIp(await headers())),
  );
  if (!outcome.ok) return { status: "error", message: outcome.message };
  const { value: session, locale } = outcome;
  const jar = await cookies();
  const name = sessionCookieName();
  const previous = jar.get(name)?.value;
  if (previous) await deleteSession(db, previous);
  jar.set(name, session.sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: authSettings().secureCookies,
    expires: session.expires,
  });
  // A full page load, not a client-side redirect: the header asks for the session once per load.
  return {
    status: "done",
    message: "signedIn",
    at: Date.now(),
    go: getPathname({ href: "/course", locale }),
  };
}
