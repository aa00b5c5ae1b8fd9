import { request as httpRequest } from "node:http";

/** What a raw HTTP exchange gave: status (0: the server closed the connection mid-body), headers, body. */
export interface Probe {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request as an attacker would send it, with nothing a browser or fetch would correct:
 * any Host, any header, any path bytes, a body streamed in chunks without a length.
 */
export function probe(
  baseURL: string,
  {
    method = "GET",
    path,
    headers = {},
    body,
    chunks,
  }: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Sent as a chunked body: this many chunks of `body`. */
    chunks?: number;
  },
): Promise<Probe> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, method, path, headers, timeout: 60_000 },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString("utf8"),
          });
        });
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server answered and closed the connection while the body was still being sent (a
      // body refused for its size): no status reached the client, and none was a 5xx.
      if ((error.code === "ECONNRESET" || error.code === "EPIPE") && body !== undefined) {
        resolve({ status: 0, headers: {}, body: "" });
      } else reject(error);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    if (body !== undefined && chunks !== undefined) {
      let sent = 0;
      const next = () => {
        while (sent < chunks) {
          sent += 1;
          if (!req.write(body)) {
            req.once("drain", next);
            return;
          }
        }
        req.end();
      };
      req.on("close", () => {
        sent = chunks; // the server stopped reading: stop sending
      });
      next();
    } else {
      req.end(body);
    }
  });
}
