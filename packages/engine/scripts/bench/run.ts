/**
 * The engine's benchmark: `pnpm --filter @neuronlab/engine bench -- [sections] [targets]`.
 *
 *   sections  tiny | medium | matmul       (default: all three)
 *   targets   node | browser | --browser   (default: node; `--browser` adds headless Chromium,
 *                                          `browser` alone runs Chromium only)
 *
 * Prints Markdown tables (paste-ready for BENCHMARKS.md) and a summary of the issue's goals. The
 * figures are measured on whatever machine runs this; ratios are taken within one run.
 */
import { createRequire, register } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname } from "node:path";
import type { TensorBackend } from "../../src/backends.ts";
import { formatTable, SECTIONS, type SectionName, type SectionOutput } from "./harness.ts";

/*
 * The engine imports "@tensorflow/tfjs-core/dist/register_all_gradients", an ESM file written for
 * bundlers: its relative imports have no extension, and one of them ("./gradients") names both a
 * file and a directory. Vite and Vitest resolve that; plain Node and tsx do not. The hook makes
 * them pick the ".js" file, as a bundler would. It must be registered before TensorFlow.js loads,
 * hence the dynamic import of everything that uses it. Node then holds two copies of tfjs-core
 * (its CommonJS build and those ESM files); they keep the engine and the kernel and gradient
 * registries on globalThis, so the gradients one copy registers serve the other.
 */
register("./node-resolve-hook.mjs", import.meta.url);
const { runSections, wasmFlavour } = await import("./sections.ts");

const USAGE = `usage: pnpm --filter @neuronlab/engine bench -- [tiny] [medium] [matmul] [node] [browser] [--browser]`;

interface Plan {
  sections: SectionName[];
  node: boolean;
  browser: boolean;
}

function parseArgs(args: readonly string[]): Plan {
  const sections: SectionName[] = [];
  let node = false;
  let browser = false;
  let browserFlag = false;
  for (const arg of args) {
    // pnpm passes a literal "--" through to the script.
    if (arg === "--") continue;
    if (arg === "--browser") browserFlag = true;
    else if (arg === "browser") browser = true;
    else if (arg === "node") node = true;
    else if ((SECTIONS as readonly string[]).includes(arg)) sections.push(arg as SectionName);
    else throw new Error(`Unknown argument "${arg}".\n${USAGE}`);
  }
  return {
    sections: sections.length > 0 ? sections : [...SECTIONS],
    node: node || !browser,
    browser: browser || browserFlag,
  };
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const plan = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string): void => {
    console.error(line);
  };
  const cores = cpus();
  const header = [
    `date: ${new Date().toISOString()}`,
    `node ${process.version}, ${cores.length} cores (${cores[0]?.model ?? "unknown CPU"})`,
    `load average at start (1, 5, 15 min): ${load()}`,
  ];
  const outputs: { title: string; env: string[]; output: SectionOutput }[] = [];

  if (plan.node) {
    const require = createRequire(import.meta.url);
    // In Node the wasm backend reads its .wasm files from a directory path.
    const wasmPaths = `${dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"))}/`;
    const backends: TensorBackend[] = ["cpu", "wasm"];
    const output = await runSections(
      { runtime: "Node", backends, backendOptions: { wasmPaths }, log },
      plan.sections,
    );
    outputs.push({ title: "Node", env: [await wasmFlavour({ wasmPaths })], output });
  }
  if (plan.browser) {
    // Vite and Playwright load only when the browser run is asked for.
    const { runInChromium } = await import("./browser.ts");
    const { env, output } = await runInChromium(plan.sections, log);
    outputs.push({ title: "Chromium (headless)", env, output });
  }

  console.log(`## Benchmark run\n\n${header.map((h) => `- ${h}`).join("\n")}`);
  for (const { title, env, output } of outputs) {
    console.log(`\n## ${title}\n`);
    if (env.length > 0) console.log(`${env.map((e) => `- ${e}`).join("\n")}\n`);
    console.log(output.tables.map(formatTable).join("\n\n"));
  }
  const goals = outputs.flatMap((o) => o.output.goals);
  if (goals.length > 0) console.log(`\n## Goals\n\n${goals.map((g) => `- ${g}`).join("\n")}`);
  console.log(
    `\n- load average at end (1, 5, 15 min): ${load()}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

await main();
