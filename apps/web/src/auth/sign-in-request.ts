import { z } from "zod";
import { sourceText, type ErrorMessage } from "../http/errors";
import { isDeliverable } from "./addresses";
import { safeRedirectPath } from "./redirect";

/** The longest address SMTP can carry (RFC 5321's path limit less the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

/** What can be wrong with an address: the cases of the "invalid_email" message. */
const PROBLEMS = ["missing", "too_long", "format"] as const;
type EmailProblem = (typeof PROBLEMS)[number];

// Each check's zod message is the case of "invalid_email" it fails with.
const emailSchema = z
  .string({ error: "missing" satisfies EmailProblem })
  .trim()
  .min(1, { error: "missing" satisfies EmailProblem })
  .max(MAX_EMAIL_LENGTH, { error: "too_long" satisfies EmailProblem })
  .toLowerCase()
  .pipe(z.email({ error: "format" satisfies EmailProblem }))
  .refine(isDeliverable, { error: "format" satisfies EmailProblem });

/**
 * A request for a sign-in link, as a form or an API caller sends it: the address (trimmed and
 * lower-case: one account per address) and where to land afterwards (a path on this site only).
 */
export const signInRequestSchema = z.object({
  email: emailSchema,
  callbackUrl: z
    .unknown()
    .optional()
    .transform((value) => safeRedirectPath(value)),
});

export type SignInRequest = z.infer<typeof signInRequestSchema>;

/**
 * A refusal says what is wrong as `error` (a message of the catalogue's "Errors", to be said in
 * the person's language: `errorText`) and as `message`, its text in the source language.
 */
export type ParsedSignInRequest =
  | { ok: true; request: SignInRequest }
  | { ok: false; field: "email"; error: ErrorMessage; message: string };

export function parseSignInRequest(input: unknown): ParsedSignInRequest {
  const parsed = signInRequestSchema.safeParse(input && typeof input === "object" ? input : {});
  if (parsed.success) return { ok: true, request: parsed.data };
  const problem = PROBLEMS.find((p) => p === parsed.error.issues[0]?.message) ?? "missing";
  const error: ErrorMessage =
    problem === "too_long"
      ? { key: "invalid_email.too_long", values: { max: MAX_EMAIL_LENGTH } }
      : { key: `invalid_email.${problem}` };
  return { ok: false, field: "email", error, message: sourceText(error) };
}
