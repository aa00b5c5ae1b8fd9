import { describe, expect, it } from "vitest";
import { providerFrom } from "./provider";

describe("providerFrom", () => {
  it("is undefined until the name, the address and the e-mail address are configured", () => {
    expect(providerFrom({})).toBeUndefined();
    expect(providerFrom({ PROVIDER_NAME: "A", PROVIDER_EMAIL: "a@example.org" })).toBeUndefined();
  });

  it("reads the address line by line and sends privacy requests to the provider by default", () => {
    const provider = providerFrom({
      PROVIDER_NAME: "Example Training GmbH",
      PROVIDER_ADDRESS: "Musterweg 1 | 12345 Musterstadt\\nGermany",
      PROVIDER_EMAIL: "hello@example.org",
    });
    expect(provider).toMatchObject({
      name: "Example Training GmbH",
      address: ["Musterweg 1", "12345 Musterstadt", "Germany"],
      privacyEmail: "hello@example.org",
      phone: undefined,
    });
    expect(
      providerFrom({
        PROVIDER_NAME: "X",
        PROVIDER_ADDRESS: "Y",
        PROVIDER_EMAIL: "x@example.org",
        PRIVACY_EMAIL: "dpo@example.org",
      })?.privacyEmail,
    ).toBe("dpo@example.org");
  });
});
