import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, test } from "./fixtures";
import { probe } from "./probe.ts";

// Every route handler, page and server action of the platform, found by looking at the files (as a
// grep would), sent the odd strings, wrong types, huge and malformed bodies, broken encodings and
// prototype names an attacker tries. Whatever the answer, it is never a 5xx.
test.describe.configure({ timeout: 180_000 });

const APP = join(import.meta.dirname, "..", "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** `app/api/progress/lessons/[slug]/route.ts` → ["api", "progress", "lessons", "[slug]"]. */
function segments(file: string): string[] {
  return relative(APP, file).split(sep).slice(0, -1);
}

const routeFiles = files(APP).filter((f) => f.endsWith(`${sep}route.ts`));
const pageFiles = files(APP).filter((f) => f.endsWith(`${sep}page.tsx`));

/** Values for a dynamic segment: a real one first, then what an attacker sends. */
const REAL: Record<string, string> = {
  id: "neuron-compute-z",
  slug: "a-single-neuron",
  nextauth: "signin",
};
const ODD_SEGMENTS = [
  "%FF",
  "%E0%A4%A",
  "%",
  "constructor",
  "__proto__",
  "toString",
  "%E7%A2%81",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(3000),
  "a%0Ab",
  "%00",
];
const NEXTAUTH_PATHS = [
  "signin",
  "signin/email",
  "signin/github",
  "callback/email",
  "callback/github",
  "signout",
  "session",
  "csrf",
  "providers",
  "error",
  "verify-request",
  "_log",
];

/** A dynamic segment's values: a real one first, then odd ones. */
function valuesFor(part: string): string[] {
  const name = part.replace(/^\[(\.\.\.)?|\]$/g, "");
  return name === "nextauth"
    ? [...NEXTAUTH_PATHS, ...ODD_SEGMENTS]
    : [REAL[name] ?? "x", ...ODD_SEGMENTS];
}

/**
 * The addresses to try for a route: every dynamic segment at its real value, then each segment
 * in turn at each of its other values while the rest stay real (one odd value at a time: a route
 * with three dynamic segments would otherwise take every combination, hundreds of requests).
 */
function pathsFor(parts: string[]): string[] {
  const plain = parts.map((part) => (part.startsWith("[") ? (valuesFor(part)[0] ?? "x") : part));
  const paths = new Set([`/${plain.join("/")}`]);
  parts.forEach((part, index) => {
    if (!part.startsWith("[")) return;
    for (const value of valuesFor(part).slice(1)) {
      paths.add(`/${plain.map((p, i) => (i === index ? value : p)).join("/")}`);
    }
  });
  return [...paths];
}

const ODD_QUERIES = [
  "",
  "?error=constructor",
  "?error=__proto__&callbackUrl=%FF",
  "?error=%E7%A2%81",
  "?error=a%0Ab",
  "?callbackUrl=javascript:alert(1)&token=&email=",
  "?token=%00&email=__proto__",
  "?x[__proto__][polluted]=1",
];

const JSON_BODIES = [
  "{bad",
  "",
  "null",
  "[]",
  '"text"',
  "123",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  JSON.stringify({
    attemptId: 5,
    answer: "x",
    completedAt: "0000-01-01T00:00:00.000Z",
    position: { anchor: {}, at: 5 },
    attempts: "x",
    lessons: [],
    email: ["a"],
    confirmEmail: null,
    csrfToken: {},
    token: 1,
  }),
  JSON.stringify({
    attemptId: "5f0b1d2e-1111-4222-8333-944455556666",
    answer: { kind: "goal", config: { hiddenLayers: Array(1000).fill(8) } },
  }),
  JSON.stringify({ completedAt: "275760-09-13T00:00:00.000Z" }),
  '{"attempts":[],"lessons":{"__proto__":{"completedAt":"2026-01-01T00:00:00.000Z"}}}',
  "\uD800",
];
const CONTENT_TYPES = [
  "application/json",
  "application/x-www-form-urlencoded",
  "text/plain",
  "multipart/form-data; boundary=x",
];
const ODD_COOKIES = [
  "next-auth.session-token=%FF",
  `next-auth.session-token=${"a".repeat(4000)}`,
  "next-auth.session-token=constructor; next-auth.csrf-token=__proto__",
];

async function expectNo5xx(
  baseURL: string,
  request: Parameters<typeof probe>[1],
  failures: string[],
): Promise<void> {
  const answer = await probe(baseURL, request);
  if (answer.status >= 500) {
    failures.push(`${request.method ?? "GET"} ${request.path.slice(0, 120)} → ${answer.status}`);
  }
}

test("finds every route handler, page and server action to fuzz", () => {
  expect(routeFiles.length).toBeGreaterThanOrEqual(8);
  expect(pageFiles.length).toBeGreaterThanOrEqual(10);
});

for (const file of routeFiles) {
  const parts = segments(file);
  test(`route /${parts.join("/")}: no request shape gives a 5xx`, async ({ baseURL }) => {
    const base = baseURL ?? "";
    const failures: string[] = [];
    for (const path of pathsFor(parts)) {
      for (const method of METHODS) await expectNo5xx(base, { method, path }, failures);
    }
    const [real] = pathsFor(parts);
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      for (const type of CONTENT_TYPES) {
        for (const body of JSON_BODIES) {
          await expectNo5xx(
            base,
            { method, path: real ?? "/", headers: { "content-type": type }, body },
            failures,
          );
        }
      }
      // Huge: declared, and chunked without a length (2 MB).
      await expectNo5xx(
        base,
        {
          method,
          path: real ?? "/",
          headers: { "content-type": "application/json" },
          body: "x".repeat(2_000_000),
        },
        failures,
      );
      await expectNo5xx(
        base,
        {
          method,
          path: real ?? "/",
          headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
          body: "[".repeat(16_384),
          chunks: 128,
        },
        failures,
      );
    }
    for (const query of ODD_QUERIES) {
      for (const cookie of ODD_COOKIES) {
        await expectNo5xx(base, { path: `${real ?? "/"}${query}`, headers: { cookie } }, failures);
      }
    }
    expect(failures).toEqual([]);
  });
}

for (const file of pageFiles) {
  const parts = segments(file);
  test(`page /${parts.join("/")}: odd addresses, queries and cookies give no 5xx`, async ({
    baseURL,
  }) => {
    const base = baseURL ?? "";
    const failures: string[] = [];
    for (const path of pathsFor(parts)) {
      for (const query of ODD_QUERIES) {
        await expectNo5xx(
          base,
          { path: `${path === "/" ? "" : path}${query || ""}` || "/" },
          failures,
        );
      }
      await expectNo5xx(base, { path, headers: { cookie: ODD_COOKIES[0] ?? "" } }, failures);
      await expectNo5xx(
        base,
        { method: "POST", path, headers: { "content-type": "text/plain" }, body: "x" },
        failures,
      );
    }
    expect(failures).toEqual([]);
  });
}

/** Server actions: every exported function of a "use server" module, by its id in the build. */
const actionModules = files(join(import.meta.dirname, "..", "src"))
  .concat(files(APP))
  .filter((f) => /\.tsx?$/.test(f) && /^["']use server["']/m.test(readFileSync(f, "utf8")));

test("every server action refuses odd bodies and foreign origins without a 5xx", async ({
  baseURL,
}) => {
  const base = baseURL ?? "";
  const manifest = JSON.parse(
    readFileSync(
      join(import.meta.dirname, "..", ".next", "server", "server-reference-manifest.json"),
      "utf8",
    ),
  ) as {
    node: Record<
      string,
      { filename: string; exportedName: string; workers: Record<string, unknown> }
    >;
  };
  const actions = Object.entries(manifest.node);
  const exported = actionModules.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/export async function (\w+)/g)].map((m) => m[1]),
  );
  expect(exported.length, "server actions found by grep").toBeGreaterThan(0);
  // Every action the grep found is in the build, so each is fuzzed below.
  for (const name of exported) {
    expect(
      actions.some(([, a]) => a.exportedName === name),
      `${name ?? ""} is built`,
    ).toBe(true);
  }
  const failures: string[] = [];
  for (const [id, action] of actions) {
    const pages = Object.keys(action.workers).map(
      (w) => `/${w.replace(/^app\//, "").replace(/\/?page$/, "")}`,
    );
    for (const path of pages) {
      const bodies = ["", "[", "[]", '["$K1"]', '[{"__proto__":{"x":1}}]', "x".repeat(2_000_000)];
      for (const body of bodies) {
        for (const type of [
          "text/plain;charset=UTF-8",
          "multipart/form-data; boundary=zz",
          "application/x-www-form-urlencoded",
        ]) {
          await expectNo5xx(
            base,
            { method: "POST", path, headers: { "next-action": id, "content-type": type }, body },
            failures,
          );
        }
      }
      const foreign = await probe(base, {
        method: "POST",
        path,
        headers: {
          "next-action": id,
          origin: "https://evil.example",
          "content-type": "text/plain",
        },
        body: "[]",
      });
      expect(foreign.status, `${path}: a foreign Origin is refused`).toBe(403);
      await expectNo5xx(
        base,
        {
          method: "POST",
          path,
          headers: { "next-action": "0".repeat(42), "content-type": "text/plain" },
          body: "[]",
        },
        failures,
      );
    }
  }
  expect(failures).toEqual([]);
});
