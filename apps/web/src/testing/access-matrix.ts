import { readdirSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import { HttpError } from "@/http/errors";

/**
 * The access matrices' shared harness (src/<feature>/access-matrix.db.test.ts): every rule behind
 * a page, route handler or server action, run by every kind of user against a fresh world, with
 * the outcome each must get; a refused call must change nothing. Each feature brings its world
 * (the users and records), its rows and what "nothing changed" means for it.
 */

/** What a call must end in: allowed (then the row's `check`), or refused with this status. */
export type Outcome = "ok" | 400 | 401 | 403 | 404 | 409 | 413 | 429;

export interface MatrixRow<World, Actor extends string> {
  /** The rule's name in the feature's rules module. */
  rule: string;
  /** The server actions, pages and route handlers that use it. */
  usedBy: string[];
  run: (w: World, actor: Actor) => Promise<unknown>;
  expect: Record<Actor, Outcome>;
  /** For an allowed call: what it must have done or returned. */
  check?: (w: World, actor: Actor, result: unknown) => Promise<void> | void;
}

/** A row's test title: every actor with the outcome it must get. */
export function rowTitle<Actor extends string>(
  row: Pick<MatrixRow<never, Actor>, "rule" | "expect">,
  actors: readonly Actor[],
): string {
  return `${row.rule}: ${actors.map((a) => `${a} ${String(row.expect[a])}`).join(", ")}`;
}

/** The HttpError a call was refused with; fails the test when it was not refused that way. */
export async function refusalOf(call: () => Promise<unknown>, label: string): Promise<HttpError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, label).toBeInstanceOf(HttpError);
  return error as HttpError;
}

/**
 * Runs one row: the refusals first, each against the same world, which none of them may change
 * (`unchanged` asserts that); then each allowed actor in a world of its own (`fresh`), so one's
 * change does not decide another's. `fresh: false` runs them all in the first world.
 */
export async function runRow<World, Actor extends string>(
  row: MatrixRow<World, Actor>,
  actors: readonly Actor[],
  {
    world,
    snapshot,
    unchanged,
    fresh = true,
  }: {
    world: () => Promise<World>;
    snapshot: (w: World) => Promise<string>;
    /** More to check after each refusal (no mail sent, say). */
    unchanged?: (w: World, label: string) => void;
    fresh?: boolean;
  },
): Promise<void> {
  const refused = actors.filter((a) => row.expect[a] !== "ok");
  const allowed = actors.filter((a) => row.expect[a] === "ok");
  const w = await world();
  const before = await snapshot(w);
  for (const actor of refused) {
    const label = `${row.rule} as ${actor}`;
    const error = await refusalOf(() => row.run(w, actor), label);
    expect(error.status, label).toBe(row.expect[actor]);
    expect(await snapshot(w), `${label} changed nothing`).toBe(before);
    unchanged?.(w, label);
  }
  for (const actor of allowed) {
    const own = !fresh || allowed.length === 1 ? w : await world();
    const result = await row.run(own, actor);
    await row.check?.(own, actor, result);
  }
}

/** The server actions a "use server" file exports (`export const …Action`, `export async function …`). */
export function actionsIn(file: URL): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/export (?:const|async function) (\w+)\b/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
}

/** The pages and route handlers under app/ whose route matches `pattern` ("/[locale]/join"). */
export function routesUnder(pattern: RegExp): string[] {
  const app = new URL("../../app/", import.meta.url);
  return readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => `/${file.replace(/\/?(page\.tsx|route\.ts)$/, "")}`)
    .filter((route) => pattern.test(route));
}
