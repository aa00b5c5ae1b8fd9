import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

export interface Migration {
  /** The folder's name, `<timestamp>_<name>`. */
  name: string;
  sql: string;
}

/** The migrations, oldest first, as `prisma migrate deploy` applies them. */
export function migrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      sql: readFileSync(join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
    }));
}

/** The migrations' SQL, oldest first. */
export function migrationScripts(): string[] {
  return migrations().map((migration) => migration.sql);
}
