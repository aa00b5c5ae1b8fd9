#!/usr/bin/env node
// @ts-check
/**
 * Sums every test runner's machine-readable report in the workspace into one closing line,
 * `N passed, N failed` (", N skipped" when any were skipped). A workspace whose package.json has a
 * `test` script must have left reports/vitest.json, one with `test:e2e` reports/playwright.json;
 * a missing report counts as a failure, so a runner that crashed before reporting cannot pass.
 *
 * Usage: node packages/config/scripts/test-summary.mjs [workspace root]
 * Exits 1 when anything failed, a report is missing, or no test ran at all.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */
/** @typedef {{ workspace: string, runner: string, counts: Counts, problem?: string }} ReportLine */

/**
 * @param {unknown} json  Vitest's JSON reporter output (Jest-compatible shape).
 * @returns {Counts}
 */
export function countVitest(json) {
  const r = /** @type {Record<string, unknown>} */ (json ?? {});
  const n = (/** @type {string} */ key) =>
    typeof r[key] === "number" ? /** @type {number} */ (r[key]) : 0;
  return {
    passed: n("numPassedTests"),
    // A suite that failed to load has no failing test, but it failed: count it.
    failed: n("numFailedTests") + (r.success === false && n("numFailedTests") === 0 ? 1 : 0),
    skipped: n("numPendingTests") + n("numTodoTests"),
  };
}

/**
 * @param {unknown} json  Playwright's JSON reporter output.
 * @returns {Counts}
 */
export function countPlaywright(json) {
  const stats = /** @type {Record<string, unknown>} */ (
    /** @type {Record<string, unknown>} */ (json ?? {}).stats ?? {}
  );
  const n = (/** @type {string} */ key) =>
    typeof stats[key] === "number" ? /** @type {number} */ (stats[key]) : 0;
  const errors = /** @type {{ errors?: unknown[] }} */ (json ?? {}).errors ?? [];
  return {
    // "flaky" tests passed only on a retry: they count as failures here, not as passes.
    passed: n("expected"),
    failed: n("unexpected") + n("flaky") + (n("unexpected") === 0 && errors.length > 0 ? 1 : 0),
    skipped: n("skipped"),
  };
}

const RUNNERS = [
  { script: "test", file: "reports/vitest.json", runner: "vitest", count: countVitest },
  {
    script: "test:e2e",
    file: "reports/playwright.json",
    runner: "playwright",
    count: countPlaywright,
  },
];

/**
 * The workspace's package folders, relative to the root, as pnpm-workspace.yaml lists them
 * (`apps/*` style globs and plain folders such as `prisma`); apps/* and packages/* without one.
 * @param {string} root
 * @returns {string[]}
 */
export function workspaceDirs(root) {
  const manifest = join(root, "pnpm-workspace.yaml");
  /** @type {string[]} */
  let patterns = ["apps/*", "packages/*"];
  if (existsSync(manifest)) {
    const listed = [];
    let inPackages = false;
    for (const line of readFileSync(manifest, "utf8").split("\n")) {
      if (/^packages:\s*$/.test(line)) inPackages = true;
      else if (inPackages && /^\S/.test(line)) break;
      else if (inPackages) {
        const item = /^\s+-\s+["']?([^"'#\s]+)["']?/.exec(line);
        if (item?.[1]) listed.push(item[1]);
      }
    }
    if (listed.length > 0) patterns = listed;
  }
  /** @type {string[]} */
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith("/*")) {
      const parent = pattern.slice(0, -2);
      if (!existsSync(join(root, parent))) continue;
      for (const name of readdirSync(join(root, parent)).sort()) dirs.push(`${parent}/${name}`);
    } else {
      dirs.push(pattern);
    }
  }
  return dirs;
}

/**
 * @param {string} root  The workspace root.
 * @returns {ReportLine[]}
 */
export function collectReports(root) {
  /** @type {ReportLine[]} */
  const lines = [];
  for (const dir of workspaceDirs(root)) {
    const pkgPath = join(root, dir, "package.json");
    if (!existsSync(pkgPath)) continue;
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
    const scripts = pkg.scripts ?? {};
    for (const { script, file, runner, count } of RUNNERS) {
      if (!scripts[script]) continue;
      const reportPath = join(root, dir, file);
      const workspace = pkg.name ?? dir;
      if (!existsSync(reportPath)) {
        lines.push({
          workspace,
          runner,
          counts: { passed: 0, failed: 1, skipped: 0 },
          problem: `no ${file}`,
        });
        continue;
      }
      try {
        lines.push({
          workspace,
          runner,
          counts: count(JSON.parse(readFileSync(reportPath, "utf8"))),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        lines.push({
          workspace,
          runner,
          counts: { passed: 0, failed: 1, skipped: 0 },
          problem: message,
        });
      }
    }
  }
  return lines;
}

/**
 * @param {ReportLine[]} lines
 * @returns {Counts}
 */
export function total(lines) {
  return lines.reduce(
    (sum, { counts }) => ({
      passed: sum.passed + counts.passed,
      failed: sum.failed + counts.failed,
      skipped: sum.skipped + counts.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** @param {Counts} c */
export function closingLine(c) {
  return `${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ""}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? process.cwd());
  const lines = collectReports(root);
  for (const { workspace, runner, counts, problem } of lines) {
    const detail = problem ? ` (${problem})` : "";
    console.log(`${runner.padEnd(10)} ${workspace.padEnd(22)} ${closingLine(counts)}${detail}`);
  }
  const sum = total(lines);
  console.log(closingLine(sum));
  process.exit(sum.failed > 0 || sum.passed === 0 ? 1 : 0);
}
