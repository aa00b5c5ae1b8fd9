import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import de from "../messages/de.json";
import en from "../messages/en.json";
import type { VizT } from "./i18n.tsx";
import { chronological, milestoneEvents, NEURAL_NETWORK_MILESTONES } from "./timeline-data.ts";

const translator = (messages: typeof en, locale: string) =>
  createTranslator({
    locale,
    messages: { viz: messages },
    namespace: "viz.Timeline",
  }) as unknown as VizT<"Timeline">;

describe("timeline data", () => {
  it("holds the perceptron, backpropagation and ImageNet, in time order", () => {
    expect(NEURAL_NETWORK_MILESTONES.map((e) => e.year)).toEqual([1957, 1986, 2012]);
    const events = milestoneEvents(translator(en, "en"));
    expect(events.map((e) => e.year)).toEqual([1957, 1986, 2012]);
    expect(events[0]?.text).toMatch(/perceptron|neuron/i);
    expect(events[1]?.text).toMatch(/backpropagation/);
    expect(events[2]?.text).toMatch(/ImageNet/);
  });

  it("tells the same dates in German", () => {
    const events = milestoneEvents(translator(de, "de"));
    expect(events.map((e) => e.year)).toEqual([1957, 1986, 2012]);
    expect(events[0]?.title).toBe("Das Perzeptron");
    expect(events[2]?.text).toMatch(/ImageNet/);
  });

  it("sorts events given out of order", () => {
    const events = [...milestoneEvents(translator(en, "en"))].reverse();
    expect(chronological(events).map((e) => e.year)).toEqual([1957, 1986, 2012]);
  });
});
