import { describe, expect, it } from "vitest";
import { decodesCleanly, isCrossSiteRequest, requestRefusal } from "./request-guards";

const post = (headers: Record<string, string>, path = "/api/auth/callback/email") =>
  requestRefusal({ method: "POST", path, headers: new Headers(headers) });

describe("requestRefusal", () => {
  it.each([
    "/course/%FF",
    "/api/exercises/%E0%A4%A/attempts",
    "/api/progress/lessons/%FF",
    "/api/auth/%FF",
    "/%",
  ])("answers 400 for the broken percent-encoding in %s", (path) => {
    expect(requestRefusal({ method: "GET", path, headers: new Headers() })).toMatchObject({
      status: 400,
      code: "malformed_address",
    });
  });

  it("lets well-formed encodings through", () => {
    expect(decodesCleanly("/course/a-single-neuron")).toBe(true);
    expect(decodesCleanly("/course/%C3%BC%20x")).toBe(true);
  });

  it("refuses a POST another site's page sent (login CSRF, server actions), by any header browsers use", () => {
    expect(post({ "sec-fetch-site": "cross-site" })).toMatchObject({
      status: 403,
      code: "cross_site",
    });
    expect(post({ "sec-fetch-site": "same-site" })).toMatchObject({ status: 403 });
    expect(post({ origin: "https://evil.tld", host: "neuronlab.example" })).toMatchObject({
      status: 403,
    });
    expect(post({ origin: "null", host: "neuronlab.example" })).toMatchObject({ status: 403 });
    expect(
      post(
        { "next-action": "abc", origin: "https://evil.tld", host: "localhost:3000" },
        "/sign-in",
      ),
    ).toMatchObject({
      status: 403,
    });
  });

  it("lets this site's own requests and non-browser clients through", () => {
    expect(
      post({
        "sec-fetch-site": "same-origin",
        origin: "http://localhost:3000",
        host: "localhost:3000",
      }),
    ).toBeUndefined();
    expect(post({ "sec-fetch-site": "none" })).toBeUndefined();
    expect(post({ origin: "http://localhost:3000", host: "localhost:3000" })).toBeUndefined();
    expect(post({})).toBeUndefined();
  });

  it("never refuses a safe method for its origin (links from other sites work)", () => {
    const headers = new Headers({ "sec-fetch-site": "cross-site" });
    expect(requestRefusal({ method: "GET", path: "/course", headers })).toBeUndefined();
  });
});

describe("isCrossSiteRequest", () => {
  it("trusts Sec-Fetch-Site over Origin", () => {
    expect(
      isCrossSiteRequest(
        new Headers({ "sec-fetch-site": "cross-site", origin: "http://a", host: "a" }),
      ),
    ).toBe(true);
  });
});
