import { z } from "zod";

/**
 * zod for every schema of the engine and the lessons that run in the browser. zod 4 decides on
 * first use whether it may compile parsers by trying `new Function("")`; on a page with a strict
 * Content-Security-Policy (no 'unsafe-eval') that probe is blocked and reported as a violation.
 * Here it is told up front to parse without compiling, so it never probes.
 *
 * The configuration is this module's side effect, declared in the package's `sideEffects`:
 * without that, a bundler resolves `z` straight to zod and leaves this module out.
 */
z.config({ jitless: true });

export { z };
