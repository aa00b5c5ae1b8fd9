import type { Dataset } from "./dataset.ts";

/** One output: right when (output ≥ 0.5) matches the label; several: when the argmax does. */
export function countCorrect(
  outputs: ArrayLike<number>,
  data: Dataset,
  start: number,
  n: number,
  width: number,
): number {
  let correct = 0;
  for (let e = 0; e < n; e++) {
    const label = data.labels
      ? (data.labels[start + e] as number)
      : Math.round(data.y[(start + e) * width] ?? 0);
    let predicted: number;
    if (width === 1) predicted = (outputs[e] as number) >= 0.5 ? 1 : 0;
    else {
      predicted = 0;
      for (let j = 1; j < width; j++) {
        if ((outputs[e * width + j] as number) > (outputs[e * width + predicted] as number))
          predicted = j;
      }
    }
    if (predicted === label) correct++;
  }
  return correct;
}
