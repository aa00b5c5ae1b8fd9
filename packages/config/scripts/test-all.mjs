#!/usr/bin/env node
// `pnpm test:all`: every check and test of the workspace, in two tracks at once, one per core.
//
// The platform's end-to-end suite is the longest task by far (a third of the run). Left to
// turbo's scheduler in one run, it started only after every lint, type-check and unit task had
// had its turn, and ran alone at the end. So the builds run first, then the platform's
// end-to-end suite runs in one track while lint, type-check, the unit and integration tests and
// then the docs' end-to-end suite run in the other.
// Each track's turbo runs only the tasks it names (--only): the builds are done already.
// Exits non-zero when anything failed, after both tracks have finished.
import { spawn } from "node:child_process";

/** @typedef {[string, string[]]} Step A command and its arguments. */

/** @param {string[]} args @returns {Step} */
const turbo = (args) => ["pnpm", ["exec", "turbo", "run", ...args]];

/** @param {Step} step @returns {Promise<number>} the exit status */
function run([command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

/** Runs the steps one after the other, all of them; 1 when any failed. @param {Step[]} steps */
async function sequence(steps) {
  let failed = 0;
  for (const step of steps) if ((await run(step)) !== 0) failed = 1;
  return failed;
}

const built = await run(turbo(["build", "generate", "transit", "--concurrency=2"]));
if (built !== 0) {
  console.error("test:all: the builds failed; nothing else ran.");
  process.exit(built);
}
const tracks = await Promise.all([
  sequence([turbo(["test:e2e", "--filter=@neuronlab/web", "--only"])]),
  sequence([
    turbo(["lint", "typecheck", "test", "--only", "--continue", "--concurrency=1"]),
    turbo(["test:e2e", "--filter=@neuronlab/docs", "--only"]),
  ]),
]);
const failed = tracks.some((code) => code !== 0);
console.log(`test:all: ${failed ? "something failed (see above)" : "everything passed"}`);
process.exit(failed ? 1 : 0);
