import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  closingLine,
  collectReports,
  countPlaywright,
  countVitest,
  total,
  workspaceDirs,
} from "./test-summary.mjs";

function workspace(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), "summary-"));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, JSON.stringify(content));
  }
  return root;
}

describe("countVitest", () => {
  it("reads passed, failed and skipped tests", () => {
    expect(
      countVitest({
        numPassedTests: 7,
        numFailedTests: 2,
        numPendingTests: 1,
        numTodoTests: 1,
        success: false,
      }),
    ).toEqual({ passed: 7, failed: 2, skipped: 2 });
  });

  it("counts a run that failed without a failing test (a suite that did not load)", () => {
    expect(countVitest({ numPassedTests: 3, numFailedTests: 0, success: false })).toEqual({
      passed: 3,
      failed: 1,
      skipped: 0,
    });
  });
});

describe("countPlaywright", () => {
  it("counts flaky tests as failures and errors outside tests as one failure", () => {
    expect(
      countPlaywright({ stats: { expected: 10, unexpected: 1, flaky: 1, skipped: 2 } }),
    ).toEqual({
      passed: 10,
      failed: 2,
      skipped: 2,
    });
    expect(
      countPlaywright({ stats: { expected: 0, unexpected: 0 }, errors: [{ message: "boom" }] }),
    ).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });
});

describe("collectReports", () => {
  it("sums every runner's report and flags a missing one as a failure", () => {
    const root = workspace({
      "apps/web/package.json": {
        name: "web",
        scripts: { test: "vitest", "test:e2e": "playwright test" },
      },
      "apps/web/reports/vitest.json": { numPassedTests: 2, numFailedTests: 0, success: true },
      "apps/web/reports/playwright.json": {
        stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 0 },
      },
      "packages/engine/package.json": { name: "engine", scripts: { test: "vitest" } },
      "packages/docs-only/package.json": { name: "no-tests", scripts: {} },
      "packages/viz/package.json": { name: "viz", scripts: { test: "vitest" } },
    });
    const lines = collectReports(root);
    expect(lines.map((l) => [l.workspace, l.runner, l.problem])).toEqual([
      ["web", "vitest", undefined],
      ["web", "playwright", undefined],
      ["engine", "vitest", "no reports/vitest.json"],
      ["viz", "vitest", "no reports/vitest.json"],
    ]);
    expect(closingLine(total(lines))).toBe("7 passed, 2 failed");
  });
});

describe("collectReports with pnpm-workspace.yaml", () => {
  it("finds the packages it lists, globs and plain folders alike", () => {
    const root = workspace({
      "apps/web/package.json": { name: "web", scripts: { test: "vitest" } },
      "apps/web/reports/vitest.json": { numPassedTests: 1, numFailedTests: 0, success: true },
      "prisma/package.json": { name: "db", scripts: { test: "vitest" } },
      "prisma/reports/vitest.json": { numPassedTests: 4, numFailedTests: 0, success: true },
      "unlisted/package.json": { name: "unlisted", scripts: { test: "vitest" } },
    });
    writeFileSync(
      join(root, "pnpm-workspace.yaml"),
      'packages:\n  - apps/*\n  - "prisma"\n\ncatalog:\n  zod: 4.0.0\n',
    );
    expect(workspaceDirs(root)).toEqual(["apps/web", "prisma"]);
    const lines = collectReports(root);
    expect(lines.map((l) => [l.workspace, l.counts.passed])).toEqual([
      ["web", 1],
      ["db", 4],
    ]);
  });
});

describe("closingLine", () => {
  it("adds skipped only when some were", () => {
    expect(closingLine({ passed: 3, failed: 0, skipped: 0 })).toBe("3 passed, 0 failed");
    expect(closingLine({ passed: 3, failed: 0, skipped: 1 })).toBe("3 passed, 0 failed, 1 skipped");
  });
});
