/** What a cohort form's server action answers: nothing yet, done, or refused with a message. */
export type ActionState =
  | { status: "idle" }
  /** `message` names the catalogue's message (ActionForm says it); `at` tells two successes apart. */
  | {
      status: "done";
      message: string;
      at: number;
      /** Where to go next with a full page load (a sign-in: every part of the page must know). */
      go?: string;
    }
  | { status: "error"; message: string };

export const idle: ActionState = { status: "idle" };
