import { describe, expect, it } from "vitest";
import { requestLocale } from "../i18n/request-locale";
import { errorBody } from "./errors";
import {
  actionRefusal,
  decodesCleanly,
  isCrossSiteRequest,
  requestRefusal,
} from "./request-guards";

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

describe("actionRefusal", () => {
  const call = (type: string, body: string) =>
    actionRefusal(
      new Request("http://localhost/sign-in", {
        method: "POST",
        headers: { "next-action": "abc", "content-type": type },
        body,
      }),
    );

  it("passes a server action's argument list and a complete form", async () => {
    expect(await call("text/plain;charset=UTF-8", '["$K1"]')).toBeUndefined();
    const form = '--zz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--zz--\r\n';
    expect(await call("multipart/form-data; boundary=zz", form)).toBeUndefined();
    // Browsers' boundaries are mixed case, and must be matched as sent.
    const browserForm = form.replaceAll("zz", "----WebKitFormBoundaryF4AHyhIIPb");
    expect(
      await call("multipart/form-data; boundary=----WebKitFormBoundaryF4AHyhIIPb", browserForm),
    ).toBeUndefined();
  });

  it("refuses what Next.js would answer with a 500: truncated JSON, broken forms, other types, too large", async () => {
    expect(await call("text/plain", "[")).toMatchObject({ status: 400 });
    expect(await call("text/plain", '{"a":1}')).toMatchObject({ status: 400 });
    expect(await call("multipart/form-data; boundary=zz", "--zz\r\nbroken")).toMatchObject({
      status: 400,
    });
    expect(await call("application/x-www-form-urlencoded", "a=1")).toMatchObject({ status: 415 });
    expect(await call("text/plain", "x".repeat(1024 * 1024 + 1))).toMatchObject({ status: 413 });
  });

  it("leaves requests that are not server actions alone", async () => {
    const request = new Request("http://localhost/api/x", { method: "POST", body: "[" });
    expect(await actionRefusal(request)).toBeUndefined();
  });
});

describe("the refusals' messages", () => {
  it("are said in the request's language, as proxy.ts answers them", async () => {
    const headers = new Headers({ "accept-language": "de", "sec-fetch-site": "cross-site" });
    const locale = requestLocale(headers);
    const broken = requestRefusal({ method: "GET", path: "/course/%FF", headers });
    const crossSite = requestRefusal({ method: "POST", path: "/api/progress", headers });
    if (!broken || !crossSite) throw new Error("expected refusals");
    expect(await errorBody(broken, locale)).toEqual({
      code: "malformed_address",
      message:
        "Diese Adresse enthält eine fehlerhafte Prozent-Kodierung (etwa %FF): Prüfe den Link.",
    });
    expect(await errorBody(crossSite, locale)).toEqual({
      code: "cross_site",
      message: "Diese Anfrage kam von einer anderen Website. Nutze dafür die Seiten von Neuronlab.",
    });
    expect(await errorBody(crossSite, requestLocale(new Headers()))).toEqual({
      code: "cross_site",
      message: "This request came from another site. Use Neuronlab's own pages to do this.",
    });
  });

  it("keep the server actions' codes, in English without another language", async () => {
    const action = (type: string, body: string) =>
      actionRefusal(
        new Request("http://localhost/sign-in", {
          method: "POST",
          headers: { "next-action": "abc", "content-type": type },
          body,
        }),
      );
    const english = requestLocale(new Headers());
    const refused = await Promise.all([
      action("text/plain", "["),
      action("application/x-www-form-urlencoded", "a=1"),
      action("text/plain", "x".repeat(1024 * 1024 + 1)),
    ]);
    const bodies = await Promise.all(
      refused.map((refusal) => {
        if (!refusal) throw new Error("expected a refusal");
        return errorBody(refusal, english);
      }),
    );
    expect(bodies).toEqual([
      {
        code: "malformed_action",
        message: "This form's data could not be read. Reload the page and send it again.",
      },
      { code: "unsupported_media_type", message: "Send this form from its page." },
      { code: "too_large", message: "This form's data is too large." },
    ]);
    expect(refused.map((refusal) => refusal?.status)).toEqual([400, 415, 413]);
    const tooLarge = refused[2];
    expect(tooLarge && (await errorBody(tooLarge, "de"))).toEqual({
      code: "too_large",
      message: "Die Daten dieses Formulars sind zu groß.",
    });
  });
});
