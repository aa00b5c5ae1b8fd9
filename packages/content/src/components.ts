/**
 * The components a lesson may use, by the name it writes in MDX. The compiler rejects any other;
 * the web app maps each name to its implementation. Kept free of React imports so the content
 * build and the server can read it without loading a single widget.
 */

export interface WidgetInfo {
  /** What the figure is, said before it loads (and to screen readers while it loads). */
  label: string;
  /** Height to reserve while it loads (px), so the page does not jump when it arrives. */
  minHeight: number;
}

export const WIDGETS = {
  NeuronTuner: { label: "A single neuron to tune", minHeight: 520 },
  ActivationExplorer: { label: "Activation functions, with a movable z", minHeight: 480 },
  CollapseDemo: { label: "Stacked layers with and without activations", minHeight: 480 },
  ForwardPass: { label: "A forward pass through a small network, layer by layer", minHeight: 560 },
  TrainingLoopDiagram: { label: "The training loop, one phase at a time", minHeight: 420 },
  HistoryTimeline: { label: "A timeline of neural networks: 1957, 1986, 2012", minHeight: 300 },
  LossExplorer: {
    label: "Squared error and cross-entropy on predictions you choose",
    minHeight: 480,
  },
  GradientDescent: {
    label: "Gradient descent on a loss curve, with a learning-rate control",
    minHeight: 520,
  },
  BackpropStepper: { label: "Backpropagation through one example, step by step", minHeight: 600 },
  DigitsDemo: {
    label: "A shallow and a deeper network learning handwritten digits",
    minHeight: 620,
  },
  Playground: { label: "The neural-network playground", minHeight: 760 },
  SeparatorGoal: { label: "A sigmoid neuron's dividing line over labelled points", minHeight: 480 },
} as const satisfies Record<string, WidgetInfo>;

export type WidgetName = keyof typeof WIDGETS;

export const WIDGET_NAMES = Object.keys(WIDGETS) as WidgetName[];

export function isWidgetName(name: string): name is WidgetName {
  return Object.hasOwn(WIDGETS, name);
}

/** Prose helpers: `<Callout kind="note|tip|warning" title="…">…</Callout>`. */
export const PROSE_COMPONENTS = ["Callout"] as const;

/** Everything a lesson may write as a capitalised tag, besides `<Exercise id="…" />`. */
export const LESSON_COMPONENTS: ReadonlySet<string> = new Set<string>([
  ...WIDGET_NAMES,
  ...PROSE_COMPONENTS,
]);
