import { describe, expect, it } from "vitest";
import { requestLocale } from "./request-locale";

const with_ = (value?: string) =>
  requestLocale(new Headers(value === undefined ? {} : { "accept-language": value }));

describe("requestLocale", () => {
  it("picks the best of the platform's languages for Accept-Language", () => {
    expect(with_("de")).toBe("de");
    expect(with_("de-AT,de;q=0.9,en;q=0.5")).toBe("de");
    expect(with_("fr-FR,de;q=0.8,en;q=0.9")).toBe("en");
    expect(with_("en-GB")).toBe("en");
  });

  it("falls back to English without a header, for another language, or for nonsense", () => {
    expect(with_()).toBe("en");
    expect(with_("fr")).toBe("en");
    expect(with_(";;;q=x,,")).toBe("en");
  });
});
