"use client";

export { NumberField, type NumberFieldProps } from "@neuronlab/viz/number-field";

/*
 * Small pieces the forward-pass, backprop, loss, gradient-descent and separator widgets share:
 * the slider-and-box number control (viz's, the one the neuron explorer uses) and the button style.
 */

export const BUTTON_CLASS =
  "rounded-md border border-line px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";

/**
 * On a wrapper around viz's NetworkGraph: hides the graph's own Step/Play/Reset row when the
 * widget drives the stages with its own buttons. The graph stays wired to the same stage through
 * `onStageChange`, so where this class is not generated the two rows simply agree.
 */
export const HIDE_GRAPH_TOOLBAR = "[&>figure>div:first-child]:hidden";
