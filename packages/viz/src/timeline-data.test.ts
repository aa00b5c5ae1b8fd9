import { describe, expect, it } from "vitest";
import { chronological, NEURAL_NETWORK_MILESTONES } from "./timeline-data.ts";

describe("timeline data", () => {
  it("holds the perceptron, backpropagation and ImageNet, in time order", () => {
    expect(NEURAL_NETWORK_MILESTONES.map((e) => e.year)).toEqual([1957, 1986, 2012]);
    expect(NEURAL_NETWORK_MILESTONES[0]?.text).toMatch(/perceptron|neuron/i);
    expect(NEURAL_NETWORK_MILESTONES[1]?.text).toMatch(/backpropagation/);
    expect(NEURAL_NETWORK_MILESTONES[2]?.text).toMatch(/ImageNet/);
  });

  it("sorts events given out of order", () => {
    const events = [...NEURAL_NETWORK_MILESTONES].reverse();
    expect(chronological(events).map((e) => e.year)).toEqual([1957, 1986, 2012]);
  });
});
