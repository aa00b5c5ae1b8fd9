import type { ComponentType } from "react";
import type { WidgetName } from "@neuronlab/content/components";

/**
 * How to load each lesson widget. Every entry is its own dynamic import, so the bundler puts each
 * widget (and the engine and TensorFlow.js code it pulls in) in a chunk of its own that the
 * browser fetches only when the widget comes into view.
 */

// Widgets take plain-data props from a lesson plus optional callbacks from an exercise.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWidget = ComponentType<any>;

export const WIDGET_LOADERS: Record<WidgetName, () => Promise<{ default: AnyWidget }>> = {
  NeuronTuner: () => import("@neuronlab/content/widgets/neuron-tuner"),
  ActivationExplorer: () => import("@neuronlab/content/widgets/activation-explorer"),
  CollapseDemo: () => import("@neuronlab/content/widgets/collapse-demo"),
  ForwardPass: () => import("@neuronlab/content/widgets/forward-pass"),
  TrainingLoopDiagram: () => import("@neuronlab/content/widgets/training-loop-diagram"),
  HistoryTimeline: () => import("@neuronlab/content/widgets/history-timeline"),
  LossExplorer: () => import("@neuronlab/content/widgets/loss-explorer"),
  GradientDescent: () => import("@neuronlab/content/widgets/gradient-descent"),
  BackpropStepper: () => import("@neuronlab/content/widgets/backprop-stepper"),
  DigitsDemo: () => import("@neuronlab/content/widgets/digits-demo"),
  Playground: () => import("@neuronlab/content/widgets/playground"),
  SeparatorGoal: () => import("@neuronlab/content/widgets/separator-goal"),
};
