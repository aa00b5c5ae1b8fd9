import type { DivergenceError } from "@neuronlab/engine/trainer";
import type { FormatNumber } from "@neuronlab/viz/i18n";

/**
 * The values of a widget's "diverged" message: the step, what stopped training (the engine's
 * reason: "loss", "gradient" or "weight") and the loss, in the page's number format.
 */
export function divergenceValues(
  error: DivergenceError,
  fmt: FormatNumber,
): { step: string; cause: string; lossValue: string } {
  return { step: fmt(error.step, 0), cause: error.reason, lossValue: fmt(error.loss) };
}
