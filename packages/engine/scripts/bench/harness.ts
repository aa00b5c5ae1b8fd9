/**
 * Timing and table helpers shared by the Node and the browser benchmark runs. Nothing here may
 * import a Node module: the same file is bundled into the page that Chromium runs.
 */

/** The benchmark's sections, in the order they run. */
export const SECTIONS = ["tiny", "medium", "matmul"] as const;
export type SectionName = (typeof SECTIONS)[number];

/** A result table, plain data so that it can cross from the page to Node as JSON. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table: goals, skipped cases, what a figure includes. */
  notes: string[];
}

export interface SectionOutput {
  tables: Table[];
  /** One line per goal the issue sets, each ending in "met" or "MISSED". */
  goals: string[];
}

/** How long each contender runs; the defaults keep a full run within a few minutes. */
export interface Timing {
  /** Untimed running before each window, long enough for V8 to optimise and shaders to compile. */
  warmupMs: number;
  /** Length of one timed window. */
  windowMs: number;
  /** Windows per contender, taken in alternation with the other contenders; the median is kept. */
  rounds: number;
}

export const now = (): number => performance.now();

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Runs `step` until `ms` have passed (and at least `minSteps` steps ran), then awaits `flush`
 * inside the window, so work that a device has queued but not finished is counted. Returns the
 * steps and the elapsed milliseconds.
 *
 * Synchronous steps are not awaited: a microtask per step would add a cost that the engine's
 * callers do not pay.
 */
export async function runFor(
  step: () => void | Promise<void>,
  ms: number,
  minSteps = 1,
  flush?: () => Promise<void>,
): Promise<{ steps: number; elapsedMs: number }> {
  const start = now();
  let steps = 0;
  for (;;) {
    const pending = step();
    if (pending) await pending;
    steps++;
    if (steps >= minSteps && now() - start >= ms) break;
  }
  if (flush) await flush();
  return { steps, elapsedMs: now() - start };
}

/** A contender: `setup` builds it (untimed) and returns what one step does. */
export interface Contender {
  name: string;
  setup: () => Promise<{
    step: () => void | Promise<void>;
    flush?: () => Promise<void>;
    dispose: () => void;
  }>;
}

export interface RateResult {
  name: string;
  /** Median over rounds of steps per second; NaN if the contender could not run. */
  perSecond: number;
  /** Every round's figure, for the spread. */
  rounds: number[];
  error?: string;
}

/**
 * Measures each contender's steps/s: `rounds` rounds, and in each round every contender in turn
 * is set up, warmed up and timed for one window. Alternating spreads a burst of load from other
 * processes over all contenders instead of one.
 */
export async function compareRates(
  contenders: readonly Contender[],
  timing: Timing,
  log: (line: string) => void,
): Promise<RateResult[]> {
  const results: RateResult[] = contenders.map((c) => ({
    name: c.name,
    perSecond: Number.NaN,
    rounds: [],
  }));
  for (let round = 0; round < timing.rounds; round++) {
    for (const [i, contender] of contenders.entries()) {
      const result = results[i] as RateResult;
      if (result.error !== undefined) continue;
      try {
        const run = await contender.setup();
        try {
          await runFor(run.step, timing.warmupMs, 3, run.flush);
          const { steps, elapsedMs } = await runFor(run.step, timing.windowMs, 1, run.flush);
          result.rounds.push((steps * 1000) / elapsedMs);
        } finally {
          run.dispose();
        }
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
        log(`  ${contender.name}: failed (${result.error})`);
      }
    }
    log(`  round ${round + 1}/${timing.rounds} done`);
  }
  for (const r of results) r.perSecond = r.error === undefined ? median(r.rounds) : Number.NaN;
  return results;
}

/** A number with three significant figures, thousands grouped; "–" for NaN. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString("en-US");
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function ratio(a: number, b: number): string {
  const r = a / b;
  if (!Number.isFinite(r)) return "–";
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

export function goalLine(label: string, value: number, goal: number): string {
  const shown = Number.isFinite(value) ? `${value.toFixed(1)}×` : "not measured";
  return `${label}: ${shown} (goal ≥ ${goal}×) — ${value >= goal ? "met" : "MISSED"}`;
}

/** A GitHub-flavoured Markdown table, so the printout can be pasted into BENCHMARKS.md as is. */
export function formatTable(table: Table): string {
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...table.rows.map((r) => (r[i] ?? "").length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        // Figures are right-aligned so their digits line up; names stay left.
        return i === 0 ? cell.padEnd(w) : cell.padStart(w);
      })
      .join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  const parts = [`### ${table.title}`, "", line(table.columns), rule, ...table.rows.map(line)];
  if (table.notes.length > 0) parts.push("", ...table.notes.map((n) => `- ${n}`));
  return parts.join("\n");
}
