/**
 * Prints the first-load JavaScript of the home page, the course page and every lesson page of
 * the production build, and fails when a lesson page goes over the budget.
 *
 *   pnpm --filter @neuronlab/web build && pnpm --filter @neuronlab/web report:first-load
 *
 * It starts `next start` on a spare port (or measures BASE_URL when that is set).
 */
import { spawn } from "node:child_process";
import { lessons } from "@neuronlab/content/course";
import { FIRST_LOAD_BUDGET_GZIP, kb, measureFirstLoad } from "./first-load.ts";

const port = 3290;
let server: ReturnType<typeof spawn> | undefined;
let baseUrl = process.env.BASE_URL;
if (!baseUrl) {
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn("pnpm", ["exec", "next", "start", "--port", String(port)], { stdio: "ignore" });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

try {
  const paths = ["/", "/course", ...lessons.map((l) => `/course/${l.slug}`)];
  let over = 0;
  console.info(
    `First-load JavaScript (gzip, level 9) — budget for lesson pages ${kb(FIRST_LOAD_BUDGET_GZIP)}`,
  );
  console.info("page".padEnd(50), "scripts".padStart(8), "raw".padStart(10), "gzip".padStart(10));
  for (const path of paths) {
    const measured = await measureFirstLoad(baseUrl, path);
    const lesson = path.startsWith("/course/");
    const fails = lesson && measured.gzip > FIRST_LOAD_BUDGET_GZIP;
    if (fails) over++;
    console.info(
      path.padEnd(50),
      String(measured.scripts.length).padStart(8),
      kb(measured.bytes).padStart(10),
      kb(measured.gzip).padStart(10),
      fails ? "  OVER BUDGET" : "",
    );
  }
  if (over > 0) process.exitCode = 1;
} finally {
  server?.kill();
}
