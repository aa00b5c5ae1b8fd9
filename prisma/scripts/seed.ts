/**
 * `pnpm db:seed`: loads the demo data (scripts/demo-seed.ts) into the local PGlite server. It
 * ignores DATABASE_URL, so it cannot write demo data into a real database.
 */
import { createDb } from "../src/client.ts";
import { DEMO_SEED_SUMMARY, seedDemo } from "./demo-seed.ts";
import { localDbSettings } from "./local-db.ts";

const db = createDb({ url: localDbSettings().url, poolSize: 2 });
try {
  await seedDemo(db);
  console.info(`demo seed in place: ${DEMO_SEED_SUMMARY}`);
} finally {
  await db.$disconnect();
}
