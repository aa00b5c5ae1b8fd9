import { z } from "zod";
import { safeRedirectPath } from "./redirect";

/** The longest address SMTP can carry (RFC 5321's path limit less the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, { error: "Enter your email address." })
  .max(MAX_EMAIL_LENGTH, { error: `An email address has at most ${MAX_EMAIL_LENGTH} characters.` })
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

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

export type ParsedSignInRequest =
  { ok: true; request: SignInRequest } | { ok: false; field: "email"; message: string };

export function parseSignInRequest(input: unknown): ParsedSignInRequest {
  const parsed = signInRequestSchema.safeParse(input && typeof input === "object" ? input : {});
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: "email", message: issue?.message ?? "Enter your email address." };
}
