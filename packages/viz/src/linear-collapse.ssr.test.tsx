import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LinearCollapse } from "./linear-collapse.tsx";
import { IntlWrapper } from "./testing/intl.tsx";

describe("LinearCollapse on the server", () => {
  it("renders without a window, with the collapsed line stated", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const html = renderToString(
      <IntlWrapper>
        <LinearCollapse defaultActivation="tanh" />
      </IntlWrapper>,
    );
    expect(html).toContain("<svg");
    expect(html).toContain("multiplies out to one linear map");
    expect(html).toContain("With tanh between the layers");
  });
});
