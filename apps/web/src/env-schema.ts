import { z } from "zod";

/**
 * The platform's configuration as the environment gives it: the schema, for the web app (src/env.ts,
 * server code only) and for the job worker (worker.ts), which runs outside Next.js.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL (production) or the local PGlite server (`with-db` sets it for local runs). */
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  /**
   * A local run on a developer's machine or in CI (`with-db` sets it when it starts the embedded
   * database): mail goes to the local outbox (/dev/outbox) when no SMTP_URL is set, and a secret
   * is generated under .data/ when NEXTAUTH_SECRET is not. Never set it on a public server.
   */
  NEURONLAB_LOCAL: z.stringbool().default(false),
  /**
   * The site's own address: every link in an e-mail and every absolute URL the app makes starts
   * with it, never with a request's Host or X-Forwarded-Host. Required in production; a local run
   * defaults to http://localhost:PORT.
   */
  NEXTAUTH_URL: z.url().optional(),
  /** The port the server listens on (server.ts); the local default address uses it. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Signs session cookies and tokens. Required in production. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Outgoing mail for magic links; without it, local mail goes to the development outbox. */
  SMTP_URL: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Neuronlab <no-reply@neuronlab.local>"),
  /**
   * The provider's details for the imprint, the privacy notice and the accessibility statement,
   * as the law asks a site to name them. Nothing about the provider is written in the code: until
   * PROVIDER_NAME, PROVIDER_ADDRESS and PROVIDER_EMAIL are set, those pages say they are missing.
   * PROVIDER_ADDRESS may hold several lines separated by "\n" or "|".
   */
  PROVIDER_NAME: z.string().trim().min(1).max(200).optional(),
  PROVIDER_ADDRESS: z.string().trim().min(1).max(500).optional(),
  PROVIDER_EMAIL: z.email().optional(),
  PROVIDER_PHONE: z.string().trim().min(1).max(50).optional(),
  PROVIDER_REPRESENTATIVE: z.string().trim().min(1).max(200).optional(),
  PROVIDER_REGISTER: z.string().trim().min(1).max(200).optional(),
  PROVIDER_VAT_ID: z.string().trim().min(1).max(50).optional(),
  /** Where to send privacy requests (a data protection officer), if not PROVIDER_EMAIL. */
  PRIVACY_EMAIL: z.email().optional(),
  /** The supervisory authority a person may complain to (name, and address or web site). */
  SUPERVISORY_AUTHORITY: z.string().trim().min(1).max(300).optional(),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  GOOGLE_ID: z.string().min(1).optional(),
  GOOGLE_SECRET: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** The checked environment; throws with every problem listed when it is invalid. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}
