import { gzipSync } from "node:zlib";

/** What a page costs before any widget loads: the JavaScript its HTML asks for, gzipped. */
export interface FirstLoad {
  path: string;
  scripts: { url: string; bytes: number; gzip: number }[];
  /** Sum of the gzipped sizes. */
  gzip: number;
  bytes: number;
}

export const FIRST_LOAD_BUDGET_GZIP = 200 * 1024;

/**
 * Fetches a page from a running server and every script its HTML references (`<script src>` and
 * `<link rel="modulepreload">`), and gzips each as a server would send it. Widgets' chunks are
 * not in the HTML: they load when a widget comes into view. `<script nomodule>` (Next.js's
 * polyfills for browsers without ES modules) is left out: every browser the platform supports
 * has modules, and skips it without downloading it.
 */
export async function measureFirstLoad(baseUrl: string, path: string): Promise<FirstLoad> {
  const html = await (await fetch(new URL(path, baseUrl))).text();
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src && !/\snomodule\b/i.test(tag)) urls.add(src);
  }
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    urls.add(match[1] ?? "");
  urls.delete("");
  const scripts = await Promise.all(
    [...urls].map(async (url) => {
      const body = Buffer.from(await (await fetch(new URL(url, baseUrl))).arrayBuffer());
      return { url, bytes: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
    }),
  );
  return {
    path,
    scripts,
    gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    bytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
