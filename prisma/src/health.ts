import type { Db } from "./client.ts";

export type DatabaseState = "ok" | "unreachable";

/** `SELECT 1`, answered within `timeoutMs`, or the database counts as unreachable. */
export async function pingDatabase(db: Db, timeoutMs = 2_000): Promise<DatabaseState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"unreachable">((resolve) => {
    timer = setTimeout(() => {
      resolve("unreachable");
    }, timeoutMs);
  });
  const ping = db.$queryRaw`SELECT 1`.then(
    () => "ok" as const,
    () => "unreachable" as const,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
