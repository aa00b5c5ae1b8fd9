/** What a cohort form's server action answers: nothing yet, done, or refused with a message. */
export type ActionState =
  | { status: "idle" }
  /** `message` names the catalogue's message (ActionForm says it); `at` tells two successes apart. */
  | { status: "done"; message: string; at: number }
  | { status: "error"; message: string };

export const idle: ActionState = { status: "idle" };
