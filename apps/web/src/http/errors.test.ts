import { describe, expect, it } from "vitest";
import { readBodyText, readJsonBody } from "./errors";
import { refusal } from "./testing";

/** A chunked body (no Content-Length) that counts how much of it was pulled. */
function chunkedRequest(chunks: number, chunkBytes: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) {
        controller.close();
        return;
      }
      pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  const request = new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBodyText", () => {
  it("stops reading a chunked body at the limit instead of reading it whole", async () => {
    const { request, pulled } = chunkedRequest(10_000, 1024); // 10 MB on offer
    const error = await refusal(readBodyText(request, 8 * 1024));
    expect(error).toMatchObject({ status: 413, code: "too_large" });
    expect(pulled()).toBeLessThan(20);
  });

  it("reads a chunked body under the limit whole", async () => {
    const { request } = chunkedRequest(4, 1000);
    expect(await readBodyText(request, 8 * 1024)).toHaveLength(4000);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const request = new Request("http://localhost/api/x", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "999999" },
      body: "{}",
    });
    expect(await refusal(readBodyText(request, 100))).toMatchObject({ status: 413 });
  });

  it("answers 400 for bytes that are not UTF-8", async () => {
    const request = new Request("http://localhost/api/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(await refusal(readJsonBody(request, 100))).toMatchObject({
      status: 400,
      code: "unreadable_body",
    });
  });
});
