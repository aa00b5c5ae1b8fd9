"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { errorText, HttpError } from "@/http/errors";
import { getPathname } from "@/i18n/navigation";
import type { ActionState } from "./action-state";
import { act, formLocale } from "./action-kit";
import {
  addTeacherFor,
  archiveCohortFor,
  becomeEducatorFor,
  createCohortFor,
  fieldsOf,
  joinCohortFor,
  leaveCohortFor,
  removeAssignmentFor,
  removeLearnerFor,
  removeTeacherFor,
  replaceJoinCodeFor,
  setAssignmentFor,
  setJoinEnabledFor,
  updateCohortFor,
} from "./teaching";

/**
 * The educator's and the learner's cohort forms. A server action is a public endpoint: each one
 * reads who is asking from the session and hands the form's fields, as sent, to the rules in
 * teaching.ts, which validate them and check the record. A refusal comes back as the form's
 * error, in the form's language; nothing is changed by a refused request.
 */

export const updateCohortAction = act(updateCohortFor, "saved");
export const archiveCohortAction = act(archiveCohortFor, "saved");
export const setJoinEnabledAction = act(setJoinEnabledFor, "saved");
export const replaceJoinCodeAction = act(replaceJoinCodeFor, "codeReplaced");
export const addTeacherAction = act(addTeacherFor, "teacherAdded");
export const removeTeacherAction = act(removeTeacherFor, "saved");
export const removeLearnerAction = act(removeLearnerFor, "learnerRemoved");
export const setAssignmentAction = act(setAssignmentFor, "assignmentSaved");
export const removeAssignmentAction = act(removeAssignmentFor, "saved");
export const becomeEducatorAction = act((actor, db) => becomeEducatorFor(actor, db), "saved");

/** Creates a cohort and opens its page. */
export async function createCohortAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const locale = await formLocale(form);
  let cohortId: string;
  try {
    if (!((form as unknown) instanceof FormData)) throw new HttpError(400, "malformed_action");
    ({ id: cohortId } = await createCohortFor(await getSessionUser(), getDb(), fieldsOf(form)));
  } catch (error) {
    if (error instanceof HttpError)
      return { status: "error", message: await errorText(error, locale) };
    throw error;
  }
  revalidatePath("/[locale]/educator", "layout");
  redirect(getPathname({ href: `/educator/cohorts/${cohortId}`, locale }));
}

/** Joins a cohort by its code and opens the dashboard, which lists it. */
export async function joinCohortAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const locale = await formLocale(form);
  try {
    if (!((form as unknown) instanceof FormData)) throw new HttpError(400, "malformed_action");
    await joinCohortFor(await getSessionUser(), getDb(), fieldsOf(form));
  } catch (error) {
    if (error instanceof HttpError)
      return { status: "error", message: await errorText(error, locale) };
    throw error;
  }
  revalidatePath("/[locale]/dashboard", "page");
  redirect(getPathname({ href: { pathname: "/dashboard", query: { joined: "1" } }, locale }));
}

/**
 * Leaves a cohort and comes back to the dashboard saying so (the class's own entry, where the
 * form was, is gone).
 */
export async function leaveCohortAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const locale = await formLocale(form);
  try {
    if (!((form as unknown) instanceof FormData)) throw new HttpError(400, "malformed_action");
    await leaveCohortFor(await getSessionUser(), getDb(), fieldsOf(form));
  } catch (error) {
    if (error instanceof HttpError) {
      return { status: "error", message: await errorText(error, locale) };
    }
    throw error;
  }
  revalidatePath("/[locale]/dashboard", "page");
  redirect(getPathname({ href: { pathname: "/dashboard", query: { left: "1" } }, locale }));
}
