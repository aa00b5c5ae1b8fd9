"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/auth/session";
import { getDb } from "@/db";
import { getPathname } from "@/i18n/navigation";
import type { ActionState } from "./action-state";
import { act, attempt, toDashboard } from "./action-kit";
import {
  addTeacherFor,
  archiveCohortFor,
  becomeEducatorFor,
  createCohortFor,
  joinCohortFor,
  leaveCohortFor,
  removeAssignmentFor,
  removeLearnerFor,
  removeTeacherFor,
  replaceJoinCodeFor,
  saveMailChoicesFor,
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
export const saveMailChoicesAction = act(saveMailChoicesFor, "mailChoicesSaved");
export const removeAssignmentAction = act(removeAssignmentFor, "saved");
export const becomeEducatorAction = act((actor, db) => becomeEducatorFor(actor, db), "saved");

/** Creates a cohort and opens its page. */
export async function createCohortAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const outcome = await attempt(form, async (fields) =>
    createCohortFor(await getSessionUser(), getDb(), fields),
  );
  if (!outcome.ok) return { status: "error", message: outcome.message };
  revalidatePath("/[locale]/educator", "layout");
  redirect(getPathname({ href: `/educator/cohorts/${outcome.value.id}`, locale: outcome.locale }));
}

/** Joins a cohort by its code and opens the dashboard, which says so and lists it. */
export async function joinCohortAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const outcome = await attempt(form, async (fields) =>
    joinCohortFor(await getSessionUser(), getDb(), fields),
  );
  if (!outcome.ok) return { status: "error", message: outcome.message };
  toDashboard("joined", outcome.locale);
}

/**
 * Leaves a cohort and comes back to the dashboard saying so (the class's own entry, where the
 * form was, is gone).
 */
export async function leaveCohortAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const outcome = await attempt(form, async (fields) =>
    leaveCohortFor(await getSessionUser(), getDb(), fields),
  );
  if (!outcome.ok) return { status: "error", message: outcome.message };
  toDashboard("left", outcome.locale);
}
