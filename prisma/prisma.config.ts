import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

/**
 * The Prisma CLI's configuration. Migrations run on the WebAssembly schema engine through the pg
 * driver adapter (no native engine to download; see ../shared/notes/toolchain.md), against
 * DATABASE_URL: the local PGlite server (`pnpm db:up` sets it) or PostgreSQL in production.
 */
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: () => {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set: point it at PostgreSQL, or run `pnpm db:up` for the local database.",
      );
    }
    return Promise.resolve(new PrismaPg({ connectionString: url }));
  },
});
