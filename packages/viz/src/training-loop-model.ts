import type { FormatNumber, VizMessages, VizT } from "./i18n.tsx";

/**
 * The four steps of training as the course names them, in order, and the words the training-loop
 * diagram says about the one under way. The keys are the phase names of `Trainer.phases()`.
 */

export type TrainingPhase = "forward" | "loss" | "backward" | "update";

export const TRAINING_PHASES: readonly TrainingPhase[] = ["forward", "loss", "backward", "update"];

/**
 * The message keys of each phase (namespace "TrainingLoop"): its short label in the diagram, what
 * happens in it in one sentence, and the text alternative's "Now: …" sentence.
 */
export const PHASE_MESSAGES = {
  forward: { label: "forwardLabel", detail: "forwardDetail", now: "forwardNow" },
  loss: { label: "lossLabel", detail: "lossDetail", now: "lossNow" },
  backward: { label: "backwardLabel", detail: "backwardDetail", now: "backwardNow" },
  update: { label: "updateLabel", detail: "updateDetail", now: "updateNow" },
} as const satisfies Record<
  TrainingPhase,
  Record<"label" | "detail" | "now", keyof VizMessages["TrainingLoop"]>
>;

/** The phase after `phase`; the update leads back to a new forward pass. */
export function nextPhase(phase: TrainingPhase): TrainingPhase {
  const i = TRAINING_PHASES.indexOf(phase);
  return TRAINING_PHASES[(i + 1) % TRAINING_PHASES.length] ?? "forward";
}

export interface LoopState {
  phase: TrainingPhase | null;
  step?: number | undefined;
  loss?: number | undefined;
}

/** The diagram's text alternative, with the step under way and its numbers. */
export function describeTrainingLoop(
  { phase, step, loss }: LoopState,
  t: VizT<"TrainingLoop">,
  fmt: FormatNumber,
): string {
  const cycle = t("describeCycle");
  if (!phase) return `${cycle} ${t("describeNotStarted")}`;
  const parts = [cycle, t(PHASE_MESSAGES[phase].now), t(PHASE_MESSAGES[phase].detail)];
  if (step !== undefined) parts.push(t("describeStep", { step: String(step) }));
  if (loss !== undefined && Number.isFinite(loss)) {
    parts.push(t("describeLoss", { loss: fmt(loss, 3) }));
  }
  return parts.join(" ");
}
