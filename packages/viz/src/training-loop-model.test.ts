import { describe, expect, it } from "vitest";
import { describeTrainingLoop, nextPhase, TRAINING_PHASES } from "./training-loop-model.ts";

describe("training loop", () => {
  it("cycles forward → loss → backward → update → forward", () => {
    expect(TRAINING_PHASES).toEqual(["forward", "loss", "backward", "update"]);
    expect(nextPhase("forward")).toBe("loss");
    expect(nextPhase("update")).toBe("forward");
  });

  it("says which step is under way with its numbers", () => {
    expect(describeTrainingLoop({ phase: null })).toMatch(/It has not started\.$/);
    const text = describeTrainingLoop({ phase: "backward", step: 12, loss: 0.23456 });
    expect(text).toContain("Now: backprop.");
    expect(text).toContain("gradient");
    expect(text).toContain("Step 12.");
    expect(text).toContain("Loss 0.235.");
    expect(describeTrainingLoop({ phase: "loss", loss: Number.NaN })).not.toContain("Loss");
  });
});
