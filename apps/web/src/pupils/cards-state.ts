import type { ReactNode } from "react";

/**
 * What the add-pupils and replace-card actions answer: nothing yet, refused (with the message in
 * the form's language, and the list as sent so nothing typed is lost), or the new cards, drawn on
 * the server, to print now: their codes exist nowhere else. `at` tells two answers apart.
 */
export type CardsState =
  | { status: "idle" }
  | { status: "error"; message: string; names: string; at: number }
  | { status: "done"; count: number; cards: ReactNode; at: number };

export const idleCards: CardsState = { status: "idle" };
