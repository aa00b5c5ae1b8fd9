import { describe, expect, it } from "vitest";
import { errorText } from "../http/errors";
import { MAX_EMAIL_LENGTH, parseSignInRequest } from "./sign-in-request";

describe("parseSignInRequest", () => {
  it("trims and lower-cases the address, and keeps a safe callback path", () => {
    expect(
      parseSignInRequest({ email: "  Ada.Lovelace@Example.COM ", callbackUrl: "/dashboard" }),
    ).toEqual({
      ok: true,
      request: { email: "ada.lovelace@example.com", callbackUrl: "/dashboard" },
    });
  });

  it("sends an unsafe or missing callback to the course", () => {
    for (const callbackUrl of ["https://evil.com", "//evil.com", undefined, 7]) {
      const parsed = parseSignInRequest({ email: "a@example.com", callbackUrl });
      expect(parsed.ok && parsed.request.callbackUrl).toBe("/course");
    }
  });

  it.each([
    [{}, "Enter your email address."],
    [{ email: "" }, "Enter your email address."],
    [{ email: "   " }, "Enter your email address."],
    [{ email: "not-an-address" }, "Enter an email address like name@example.com."],
    [{ email: "a@b" }, "Enter an email address like name@example.com."],
    [{ email: "a b@example.com" }, "Enter an email address like name@example.com."],
    [{ email: "<script>@example.com" }, "Enter an email address like name@example.com."],
    [{ email: 42 }, "Enter your email address."],
    [{ email: ["a@example.com"] }, "Enter your email address."],
    [
      { email: `${"a".repeat(MAX_EMAIL_LENGTH)}@example.com` },
      "An email address has at most 254 characters.",
    ],
  ])("refuses %j with a message for the form", (input, message) => {
    expect(parseSignInRequest(input)).toMatchObject({ ok: false, field: "email", message });
  });

  it("names the refusal's message, to be said in the person's language", async () => {
    const tooLong = parseSignInRequest({ email: `${"a".repeat(MAX_EMAIL_LENGTH)}@example.com` });
    expect(!tooLong.ok && tooLong.error).toEqual({
      key: "invalid_email.too_long",
      values: { max: MAX_EMAIL_LENGTH },
    });
    const missing = parseSignInRequest({});
    expect(!missing.ok && (await errorText(missing.error, "de"))).toBe(
      "Gib deine E-Mail-Adresse ein.",
    );
    const format = parseSignInRequest({ email: "a@b" });
    expect(!format.ok && (await errorText(format.error, "de"))).toBe(
      "Gib eine E-Mail-Adresse wie name@example.com ein.",
    );
  });

  it("refuses an address no mail can reach (a pupil's placeholder in .invalid)", () => {
    const pupil = parseSignInRequest({ email: "pupil-0a1b@pupils.neuronlab.INVALID" });
    expect(!pupil.ok && pupil.error).toEqual({ key: "invalid_email.format" });
    expect(parseSignInRequest({ email: "someone@invalid.example" }).ok).toBe(true);
  });

  it("refuses what is not an object", () => {
    for (const input of [null, undefined, "a@example.com", 1]) {
      expect(parseSignInRequest(input).ok).toBe(false);
    }
  });
});
