/**
 * The benchmark in headless Chromium: bundles `browser-entry.ts` with Vite into a temporary
 * directory, serves it on 127.0.0.1, opens it in the system Chromium (with the flags that give
 * WebGPU a SwiftShader adapter) and calls the page's `neuronlabBench.run`.
 *
 * Run alone with `tsx scripts/bench/browser.ts [sections]`, or through `run.ts --browser`.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CHROMIUM_ARGS, findChromium } from "@neuronlab/config/chromium";
import { chromium } from "playwright";
import { build } from "vite";
import type { BrowserBench, BrowserBenchResult } from "./browser-entry.ts";
// Only tfjs-free modules here: this file runs in Node, TensorFlow.js runs in the page.
import { formatTable, SECTIONS, type SectionName } from "./harness.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ENTRY = join(HERE, "browser-entry.ts");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  // The wasm backend compiles with instantiateStreaming, which insists on this type.
  ".wasm": "application/wasm",
};

async function bundle(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: HERE,
    publicDir: false,
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: true,
      target: "esnext",
      // Readable stack traces beat a smaller bundle nobody downloads over a network.
      minify: false,
      reportCompressedSize: false,
      // The tfjs bundles and the MNIST digit chunks are large by nature.
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: {
        input: { bench: ENTRY },
        output: { entryFileNames: "[name].js" },
      },
    },
  });
  // The empty icon link stops Chromium asking for /favicon.ico (a 404 in the log).
  await writeFile(
    join(outDir, "index.html"),
    `<!doctype html>\n<meta charset="utf-8">\n<title>neuronlab bench</title>\n<link rel="icon" href="data:,">\n<script type="module" src="./bench.js"></script>\n`,
  );
}

/** A static file server for the bundle; nothing outside `root` is served. */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = resolve(root, `.${path === "/" ? "/index.html" : path}`);
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        res.writeHead(200, {
          "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
          "content-length": info.size,
        });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      done(server);
    });
  });
}

export async function runInChromium(
  sections: readonly SectionName[],
  log: (line: string) => void,
): Promise<BrowserBenchResult> {
  const outDir = await mkdtemp(join(tmpdir(), "neuronlab-bench-"));
  let server: Server | undefined;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS],
  });
  try {
    let started = performance.now();
    await bundle(outDir);
    log(`browser: bundled with Vite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    server = await serve(outDir);
    const { port } = server.address() as AddressInfo;
    const page = await browser.newPage();
    page.on("console", (message) => {
      log(`  [chromium] ${message.text()}`);
    });
    page.on("pageerror", (error) => {
      log(`  [chromium error] ${error.message}`);
    });
    started = performance.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => "neuronlabBench" in globalThis);
    log(`browser: Chromium ${browser.version()}, page ready`);
    const result = await page.evaluate(
      (names) =>
        (globalThis as unknown as { neuronlabBench: BrowserBench }).neuronlabBench.run(names),
      [...sections],
    );
    log(`browser: run took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return {
      env: [`Chromium ${browser.version()} (headless)`, ...result.env],
      output: result.output,
    };
  } finally {
    await browser.close();
    server?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

// Run directly: print the tables for the sections named on the command line.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const unknown = args.filter((a) => !(SECTIONS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`Unknown section(s): ${unknown.join(", ")}`);
  const sections = args.length > 0 ? (args as SectionName[]) : [...SECTIONS];
  const { env, output } = await runInChromium(sections, (line) => {
    console.error(line);
  });
  console.log(env.map((e) => `- ${e}`).join("\n"));
  console.log(`\n${output.tables.map(formatTable).join("\n\n")}`);
  if (output.goals.length > 0) console.log(`\n${output.goals.map((g) => `- ${g}`).join("\n")}`);
}
