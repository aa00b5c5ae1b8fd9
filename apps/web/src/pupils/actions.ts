"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { createElement } from "react";
import { deleteSession } from "@neuronlab/db/accounts";
import { authSettings, sessionCookieName } from "@/auth/config";
import { clientIp } from "@/auth/rate-limits";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorText, HttpError } from "@/http/errors";
import { getPathname } from "@/i18n/navigation";
import type { ActionState } from "@/teaching/action-state";
import { formLocale } from "@/teaching/action-kit";
import { fieldsOf } from "@/teaching/teaching";
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
  const locale = await formLocale(form);
  const at = Date.now();
  if (!((form as unknown) instanceof FormData)) {
    return {
      status: "error",
      message: await errorText({ key: "malformed_action" }, locale),
      names: "",
      at,
    };
  }
  const fields = fieldsOf(form);
  let cards: NewPupilCard[];
  try {
    cards = await rule(await getSessionUser(), getDb(), fields);
  } catch (error) {
    if (error instanceof HttpError) {
      const names = fields.names ?? "";
      return {
        status: "error",
        message: await errorText(error, locale),
        names: names.length <= 40_000 ? names : "",
        at,
      };
    }
    throw error;
  }
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
  const locale = await formLocale(form);
  if (!((form as unknown) instanceof FormData)) {
    return { status: "error", message: await errorText({ key: "malformed_action" }, locale) };
  }
  const db = getDb();
  let session: Awaited<ReturnType<typeof signInWithCard>>;
  try {
    session = await signInWithCard(db, fieldsOf(form), clientIp(await headers()));
  } catch (error) {
    if (error instanceof HttpError) {
      return { status: "error", message: await errorText(error, locale) };
    }
    throw error;
  }
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
