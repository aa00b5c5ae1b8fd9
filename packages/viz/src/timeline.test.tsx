import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { German, IntlWrapper } from "./testing/intl.tsx";
import { Timeline } from "./timeline.tsx";

describe("Timeline", () => {
  it("is an ordered list of dated entries in time order", () => {
    const html = renderToStaticMarkup(
      <IntlWrapper>
        <Timeline />
      </IntlWrapper>,
    );
    expect(html).toMatch(/^<ol aria-label="Milestones of neural networks"/);
    expect(html.match(/<li /g)).toHaveLength(3);
    const years = [...html.matchAll(/<time dateTime="(\d{4})"/g)].map((m) => m[1]);
    expect(years).toEqual(["1957", "1986", "2012"]);
  });

  it("marks the year the lesson is at, in words as well as colour", () => {
    const html = renderToStaticMarkup(
      <IntlWrapper>
        <Timeline current={1986} />
      </IntlWrapper>,
    );
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html).toContain("(now)");
  });

  it("takes other events", () => {
    const html = renderToStaticMarkup(
      <IntlWrapper>
        <Timeline
          label="Two dates"
          events={[
            { year: 2017, title: "B", text: "b" },
            { year: 1943, title: "A", text: "a" },
          ]}
        />
      </IntlWrapper>,
    );
    expect(html.indexOf("1943")).toBeLessThan(html.indexOf("2017"));
    expect(html).toContain('aria-label="Two dates"');
  });

  it("speaks German", () => {
    const html = renderToStaticMarkup(
      <German>
        <Timeline current={2012} />
      </German>,
    );
    expect(html).toMatch(/^<ol aria-label="Meilensteine neuronaler Netze"/);
    expect(html).toContain("Das Perzeptron");
    expect(html).toContain("verborgenen Schichten");
    expect(html).toContain("(jetzt)");
    // The years stay machine-readable and in time order.
    const years = [...html.matchAll(/<time dateTime="(\d{4})"/g)].map((m) => m[1]);
    expect(years).toEqual(["1957", "1986", "2012"]);
  });
});
