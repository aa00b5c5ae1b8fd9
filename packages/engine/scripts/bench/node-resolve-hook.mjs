/**
 * Node resolve hook for TensorFlow.js's ESM files (see run.ts for why it exists). They import
 * siblings without an extension ("./gradients"), which bundlers resolve to "./gradients.js" but
 * Node's loader (and tsx's) resolve to the directory of the same name, or not at all.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const TFJS_DIST = /\/node_modules\/@tensorflow\/tfjs-[a-z-]+\/dist\//;

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (
    parent &&
    TFJS_DIST.test(parent) &&
    specifier.startsWith(".") &&
    !/\.[cm]?js$/.test(specifier)
  ) {
    const url = new URL(`${specifier}.js`, parent);
    if (existsSync(fileURLToPath(url)))
      return { url: url.href, format: "module", shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
