// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import HistoryTimeline from "./history-timeline.tsx";
import { German, IntlWrapper } from "./testing/intl.tsx";

afterEach(cleanup);

const list = () => screen.getByRole("list", { name: "Three milestones of neural networks" });

describe("HistoryTimeline", () => {
  it("lists the three milestones in time order, each with a machine-readable year", () => {
    render(<HistoryTimeline />, { wrapper: IntlWrapper });
    const items = within(list()).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    const years = items.map((item) => item.querySelector("time")?.getAttribute("dateTime"));
    expect(years).toEqual(["1957", "1986", "2012"]);
    expect(items[0]?.textContent).toContain("The perceptron: a neuron that learns");
    expect(items[0]?.textContent).toContain("the first one you could train");
    expect(items[1]?.textContent).toContain("Backpropagation trains hidden layers");
    expect(items[1]?.textContent).toContain("many layers");
    expect(items[2]?.textContent).toContain("Deep networks on GPUs win ImageNet");
    expect(items[2]?.textContent).toContain("graphics cards (GPUs)");
    expect(items.some((item) => item.getAttribute("aria-current") === "step")).toBe(false);
  });

  it("marks the year the lesson is talking about, and ignores other years", () => {
    const { rerender } = render(<HistoryTimeline current={1986} />, { wrapper: IntlWrapper });
    const marked = within(list())
      .getAllByRole("listitem")
      .filter((item) => item.getAttribute("aria-current") === "step");
    expect(marked.map((item) => item.querySelector("time")?.textContent)).toEqual(["1986"]);
    expect(marked[0]?.textContent).toContain("(now)");
    rerender(<HistoryTimeline current={1999} />);
    expect(list().querySelector("[aria-current]")).toBeNull();
  });

  it("has a caption, and renders on the server", () => {
    render(<HistoryTimeline caption="Where this lesson sits." />, { wrapper: IntlWrapper });
    expect(screen.getByText("Where this lesson sits.").tagName).toBe("FIGCAPTION");
    const html = renderToString(
      <IntlWrapper>
        <HistoryTimeline current={2012} />
      </IntlWrapper>,
    );
    expect(html).toContain('dateTime="1957"');
    expect(html).toContain('aria-current="step"');
  });

  it("speaks German", () => {
    render(<HistoryTimeline />, { wrapper: German });
    const items = within(
      screen.getByRole("list", { name: "Drei Meilensteine neuronaler Netze" }),
    ).getAllByRole("listitem");
    expect(items[0]?.textContent).toContain("Das Perzeptron: ein Neuron, das lernt");
    expect(items[1]?.textContent).toContain("Backpropagation trainiert verborgene Schichten");
    expect(items[2]?.textContent).toContain("Grafikkarten (GPUs)");
    expect(screen.getByText(/^Von einem Neuron, das lernt \(1957\)/).tagName).toBe("FIGCAPTION");
  });
});
