import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SignInLinkResult } from "./magic-link";

const sendSignInLink = vi.fn<(input: unknown, headers: Headers) => Promise<SignInLinkResult>>();
vi.mock("server-only", () => ({}));
vi.mock("./server", () => ({ sendSignInLink }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));
vi.mock("next-intl/server", () => ({ getLocale: () => Promise.resolve("en") }));
// The app's as-needed prefixes (next-intl's navigation needs Next.js's bundler to load).
vi.mock("@/i18n/navigation", () => ({
  getPathname: ({ href, locale }: { href: string; locale: string }) =>
    locale === "en" ? href : `/${locale}${href}`,
}));

const { requestSignInLinkAction } = await import("./actions");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const ask = (fields: Record<string, string>) =>
  requestSignInLinkAction({ status: "idle" }, form(fields));

describe("requestSignInLinkAction", () => {
  beforeEach(() => {
    sendSignInLink.mockReset();
    sendSignInLink.mockResolvedValue({ ok: true, email: "ada@example.com" });
  });

  it("sends the link, to land where the form says", async () => {
    await expect(ask({ email: "ada@example.com", callbackUrl: "/de/dashboard" })).resolves.toEqual({
      status: "sent",
      email: "ada@example.com",
    });
    expect(sendSignInLink.mock.calls[0]?.[0]).toEqual({
      email: "ada@example.com",
      callbackUrl: "/de/dashboard",
    });
  });

  it("lands on the course in the form's language when told nowhere (or nowhere safe)", async () => {
    await ask({ email: "ada@example.com", locale: "de" });
    await ask({ email: "ada@example.com", locale: "de", callbackUrl: "//evil.example" });
    await ask({ email: "ada@example.com", locale: "en" });
    await ask({ email: "ada@example.com", locale: "constructor" }); // not a language: the request's
    expect(
      sendSignInLink.mock.calls.map(([input]) => (input as { callbackUrl: string }).callbackUrl),
    ).toEqual(["/de/course", "/de/course", "/course", "/course"]);
  });

  it("says a refusal in the form's language, and marks the field for a bad address", async () => {
    sendSignInLink.mockResolvedValue({
      ok: false,
      status: 400,
      code: "invalid_email",
      error: { key: "invalid_email.format" },
      message: "Enter an email address like name@example.com.",
    });
    await expect(ask({ email: "not-an-address" })).resolves.toEqual({
      status: "error",
      field: "email",
      message: "Enter an email address like name@example.com.",
      email: "not-an-address",
    });
    await expect(ask({ email: "nope", locale: "de" })).resolves.toMatchObject({
      field: "email",
      message: "Gib eine E-Mail-Adresse wie name@example.com ein.",
    });
  });

  it("says how long to wait, without marking the field", async () => {
    sendSignInLink.mockResolvedValue({
      ok: false,
      status: 429,
      code: "rate_limited",
      error: { key: "rate_limited.address", values: { minutes: 3 } },
      message: "…",
      retryAfterSeconds: 150,
    });
    const english = await ask({ email: "ada@example.com" });
    expect(english).toMatchObject({
      message:
        "Too many sign-in links were sent to this address. Use the latest one in your inbox, or try again in 3 minutes.",
    });
    expect(english).not.toHaveProperty("field");
    const german = await ask({ email: "ada@example.com", locale: "de" });
    expect(german).toMatchObject({ status: "error", email: "ada@example.com" });
    expect(german).toHaveProperty("message", expect.stringContaining("3 Minuten"));
  });

  it("refuses what is not a form", async () => {
    await expect(
      requestSignInLinkAction({ status: "idle" }, { email: "x" } as unknown as FormData),
    ).resolves.toEqual({
      status: "error",
      field: "email",
      message: "Enter your email address.",
      email: "",
    });
    expect(sendSignInLink).not.toHaveBeenCalled();
  });
});
