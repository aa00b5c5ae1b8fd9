import { formatNumber } from "./format.ts";

/**
 * The four steps of training as the course names them, in order, and the words the training-loop
 * diagram says about the one under way. The keys are the phase names of `Trainer.phases()`.
 */

export type TrainingPhase = "forward" | "loss" | "backward" | "update";

export const TRAINING_PHASES: readonly TrainingPhase[] = ["forward", "loss", "backward", "update"];

export interface PhaseInfo {
  /** Short label in the diagram. */
  readonly label: string;
  /** What happens in this step, in one sentence. */
  readonly detail: string;
}

export const PHASE_INFO: Readonly<Record<TrainingPhase, PhaseInfo>> = {
  forward: {
    label: "Forward",
    detail: "The network turns a batch of inputs into predictions.",
  },
  loss: {
    label: "Loss",
    detail: "One number says how far the predictions are from the targets.",
  },
  backward: {
    label: "Backprop",
    detail: "The chain rule gives every weight its share of the blame: its gradient.",
  },
  update: {
    label: "Update",
    detail: "Each weight takes a small step against its gradient.",
  },
};

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
export function describeTrainingLoop({ phase, step, loss }: LoopState): string {
  const cycle =
    "The training loop: forward pass, then loss, then backpropagation, then the weight update, and round again.";
  if (!phase) return `${cycle} It has not started.`;
  const parts = [
    cycle,
    `Now: ${PHASE_INFO[phase].label.toLowerCase()}. ${PHASE_INFO[phase].detail}`,
  ];
  if (step !== undefined) parts.push(`Step ${step}.`);
  if (loss !== undefined && Number.isFinite(loss)) parts.push(`Loss ${formatNumber(loss, 3)}.`);
  return parts.join(" ");
}
