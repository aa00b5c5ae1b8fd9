import { z } from "zod";

/**
 * How the platform's HTTP server (server.ts) listens, read from the environment before Next.js
 * starts. Separate from src/env.ts, which is for the app's server code only ("server-only").
 */
const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  NEURONLAB_LOCAL: z.stringbool().default(false),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /**
   * The interface to listen on. A local run (the embedded database, the development outbox)
   * listens on 127.0.0.1 only unless HOST says otherwise; a server listens on every interface.
   */
  HOST: z.string().min(1).optional(),
  /**
   * How many reverse proxies (load balancer, nginx) stand in front of the server and append the
   * client's address to X-Forwarded-For. 0, the default, trusts no forwarding header at all.
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * The job worker (worker.ts: reminders, weekly summaries): "beside", the default, starts one as
   * a process of its own next to this server; "off" leaves it to you (`pnpm worker`, e.g. one
   * dedicated worker for several servers). Either way each mail goes out once.
   */
  JOB_WORKER: z.enum(["beside", "off"]).default("beside"),
});

export interface ServerSettings {
  dev: boolean;
  local: boolean;
  port: number;
  /** undefined: every interface. */
  host: string | undefined;
  trustedProxies: number;
  /** Start the job worker beside the server. */
  jobWorker: boolean;
}

export const LOCAL_HOST = "127.0.0.1";

export function resolveServerSettings(
  environment: Record<string, string | undefined>,
  { dev }: { dev: boolean },
): ServerSettings {
  const parsed = serverEnvSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid server settings:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  const local = dev || env.NEURONLAB_LOCAL;
  return {
    dev,
    local,
    port: env.PORT,
    host: env.HOST ?? (local ? LOCAL_HOST : undefined),
    trustedProxies: env.TRUSTED_PROXY_COUNT,
    jobWorker: env.JOB_WORKER === "beside",
  };
}
