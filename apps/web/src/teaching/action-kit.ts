import "server-only";
import { revalidatePath } from "next/cache";
import { hasLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorText, HttpError } from "@/http/errors";
import { routing } from "@/i18n/routing";
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

export function act(rule: Rule, done: string) {
  return async (_previous: ActionState, form: FormData): Promise<ActionState> => {
    const locale = await formLocale(form);
    if (!((form as unknown) instanceof FormData)) {
      return { status: "error", message: await errorText({ key: "malformed_action" }, locale) };
    }
    try {
      await rule(await getSessionUser(), getDb(), fieldsOf(form));
    } catch (error) {
      if (error instanceof HttpError) {
        return { status: "error", message: await errorText(error, locale) };
      }
      throw error;
    }
    // The pages that show cohorts render again with the change.
    revalidatePath("/[locale]/educator", "layout");
    revalidatePath("/[locale]/dashboard", "page");
    return { status: "done", message: done, at: Date.now() };
  };
}
