import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorText, HttpError } from "@/http/errors";
import { getPathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import type { Locale } from "next-intl";
import type { ActionState } from "./action-state";
import { fieldsOf, type Actor } from "./teaching";

/**
 * Server actions made from rules: `act(rule, done)` is an action for `ActionForm` that reads who
 * is asking from the session, hands the form's fields as sent to `rule` (which validates them and
 * checks the record), and answers the rule's refusal as the form's error in the form's language,
 * or `done` (a message of the "Teaching.Form" namespace) once it worked.
 */

export type Rule = (
  actor: Actor,
  db: ReturnType<typeof getDb>,
  fields: Record<string, string>,
) => Promise<unknown>;

/** The language a form was sent in (its hidden `locale` field), else the request's. */
export async function formLocale(form: unknown) {
  const sent = form instanceof FormData ? form.get("locale") : null;
  return hasLocale(routing.locales, sent) ? sent : await getLocale();
}

export type Attempt<T> =
  | { ok: true; value: T; locale: Locale }
  | { ok: false; message: string; locale: Locale; fields: Record<string, string> };

/**
 * Runs `run` on a form's fields as sent (a server action is a public endpoint: anything that is
 * not a form is refused too). A refusal (HttpError) comes back as its message in the form's
 * language; anything else is unexpected and thrown.
 */
export async function attempt<T>(
  form: unknown,
  run: (fields: Record<string, string>, locale: Locale) => Promise<T>,
): Promise<Attempt<T>> {
  const locale = await formLocale(form);
  const fields = form instanceof FormData ? fieldsOf(form) : {};
  try {
    if (!(form instanceof FormData)) throw new HttpError(400, "malformed_action");
    return { ok: true, value: await run(fields, locale), locale };
  } catch (error) {
    if (error instanceof HttpError) {
      return { ok: false, message: await errorText(error, locale), locale, fields };
    }
    throw error;
  }
}

export function act(rule: Rule, done: string) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    const outcome = await attempt(form, async (fields) =>
      rule(await getSessionUser(), getDb(), fields),
    );
    if (!outcome.ok) return { status: "error", message: outcome.message };
    // The pages that show cohorts render again with the change.
    revalidatePath("/[locale]/educator", "layout");
    revalidatePath("/[locale]/dashboard", "page");
    return { status: "done", message: done, at: Date.now() };
  };
}

/** Back to the dashboard after joining or leaving a class; the page says which (`?joined=1`). */
export function toDashboard(notice: "joined" | "left", locale: Locale): never {
  revalidatePath("/[locale]/dashboard", "page");
  redirect(getPathname({ href: { pathname: "/dashboard", query: { [notice]: "1" } }, locale }));
}
