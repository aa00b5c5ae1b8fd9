import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { VizT } from "./i18n.tsx";
import { describeTrainingLoop, nextPhase, TRAINING_PHASES } from "./training-loop-model.ts";

const t = createTranslator({
  locale: "en",
  messages: { viz: en },
  namespace: "viz.TrainingLoop",
}) as unknown as VizT<"TrainingLoop">;

describe("training loop", () => {
  it("cycles forward → loss → backward → update → forward", () => {
    expect(TRAINING_PHASES).toEqual(["forward", "loss", "backward", "update"]);
    expect(nextPhase("forward")).toBe("loss");
    expect(nextPhase("update")).toBe("forward");
  });

  it("says which step is under way with its numbers", () => {
    const say = (state: Parameters<typeof describeTrainingLoop>[0]) =>
      describeTrainingLoop(state, t, formatNumber);
    expect(say({ phase: null })).toMatch(/It has not started\.$/);
    const text = say({ phase: "backward", step: 12, loss: 0.23456 });
    expect(text).toContain("Now: backprop.");
    expect(text).toContain("gradient");
    expect(text).toContain("Step 12.");
    expect(text).toContain("Loss 0.235.");
    expect(say({ phase: "loss", loss: Number.NaN })).not.toContain("Loss");
  });
});
