import { LEAKY_RELU_ALPHA } from "./activations.ts";
import {
  layerInputSizes,
  parameterCount,
  parseNetworkSpec,
  type LayerActivation,
  type LossName,
  type NetworkSpec,
  type NetworkWeights,
} from "./network-spec.ts";
import { assertWeightsFitSpec } from "./serialize.ts";

/**
 * Exports a trained network as a standalone TensorFlow.js program, so that a learner can take what
 * they built out of Neuronlab and keep using it with nothing but the public tfjs API.
 */

export interface ExportCodeOptions {
  /** Name of the model variable in the generated code; "model" unless given. */
  variableName?: string;
}

// tfjs Dense takes these names as its `activation` string. Leaky ReLU is missing on purpose: Dense
// has no activation string for it, so it becomes its own layer (see below).
const TFJS_ACTIVATION: Readonly<Record<Exclude<LayerActivation, "leakyRelu">, string>> = {
  linear: "linear",
  relu: "relu",
  sigmoid: "sigmoid",
  tanh: "tanh",
  softmax: "softmax",
};

const TFJS_LOSS: Readonly<Record<LossName, string>> = {
  mse: "meanSquaredError",
  binaryCrossEntropy: "binaryCrossentropy",
  categoricalCrossEntropy: "categoricalCrossentropy",
};

// Long rows are wrapped so the file stays readable in an editor and in a diff.
const NUMBERS_PER_LINE = 6;

// Reserved words, plus the names the generated code already uses for itself.
const UNUSABLE_NAMES = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof let new null return static super switch " +
    "this throw true try typeof var void while with yield await implements interface package " +
    "private protected public arguments eval undefined NaN Infinity tf input output"
  ).split(" "),
);

/**
 * JavaScript source that rebuilds `spec` with `weights` in TensorFlow.js (`@tensorflow/tfjs`),
 * compiles it with the matching loss, and prints one example prediction.
 */
export function exportTfjsCode(
  spec: NetworkSpec,
  weights: NetworkWeights,
  options: ExportCodeOptions = {},
): string {
  const name = options.variableName ?? "model";
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || UNUSABLE_NAMES.has(name)) {
    throw new RangeError(`"${name}" cannot be used as a JavaScript variable name here.`);
  }
  const checked = parseNetworkSpec(spec);
  assertWeightsFitSpec(checked, weights);
  const sizes = layerInputSizes(checked);

  const shape = [checked.inputs, ...checked.layers.map((l) => `${l.units} ${l.activation}`)].join(
    " → ",
  );
  const lines: string[] = [
    "// A network trained in Neuronlab, rebuilt with TensorFlow.js.",
    `// ${shape} (${parameterCount(checked)} parameters)`,
    "//",
    "// To run it: `npm install @tensorflow/tfjs`, save this as model.mjs and run `node model.mjs`,",
    "// or import it from a bundled web page. It prints the prediction for one example input.",
    'import * as tf from "@tensorflow/tfjs";',
    "",
    `const ${name} = tf.sequential();`,
  ];

  // Where each Dense layer lands in `model.layers`: a leaky ReLU layer after one shifts the rest.
  const denseIndex: number[] = [];
  let next = 0;
  checked.layers.forEach((layer, l) => {
    const inputShape = l === 0 ? `, inputShape: [${checked.inputs}]` : "";
    denseIndex.push(next++);
    if (layer.activation === "leakyRelu") {
      lines.push(
        `// Layer ${l + 1}: Dense has no leaky ReLU activation, so it is a linear Dense followed by`,
        `// a LeakyReLU layer with Neuronlab's slope of ${LEAKY_RELU_ALPHA} for negative inputs.`,
        `${name}.add(tf.layers.dense({ units: ${layer.units}, activation: "linear"${inputShape} }));`,
        `${name}.add(tf.layers.leakyReLU({ alpha: ${LEAKY_RELU_ALPHA} }));`,
      );
      next++;
    } else {
      const activation = TFJS_ACTIVATION[layer.activation];
      lines.push(
        `${name}.add(tf.layers.dense({ units: ${layer.units}, activation: "${activation}"${inputShape} }));`,
      );
    }
  });

  lines.push(
    "",
    "// The trained weights. Kernel row i holds the weights from input i to each unit.",
    "// setWeights copies the values into the layers; tidy then frees the temporary tensors.",
    "tf.tidy(() => {",
  );
  checked.layers.forEach((layer, l) => {
    const w = weights[l];
    const inputs = sizes[l] ?? 0;
    if (!w) return;
    const rows = Array.from({ length: inputs }, (_, i) =>
      arrayLiteral(w.kernel.subarray(i * layer.units, (i + 1) * layer.units), "      "),
    );
    lines.push(
      `  ${name}.layers[${denseIndex[l] ?? 0}].setWeights([`,
      "    tf.tensor2d(",
      "      [",
      ...rows.map((row) => `        ${row},`),
      "      ],",
      `      [${inputs}, ${layer.units}],`,
      "    ),",
      `    tf.tensor1d(${arrayLiteral(w.bias, "    ")}),`,
      "  ]);",
    );
  });
  lines.push("});");

  const example = Array.from({ length: checked.inputs }, () => "0").join(", ");
  lines.push(
    "",
    "// Ready to train further with model.fit, using the loss it was trained with in Neuronlab.",
    `${name}.compile({ optimizer: "adam", loss: "${TFJS_LOSS[checked.loss]}" });`,
    "",
    `// One example: a batch of one row with ${checked.inputs} input feature(s).`,
    `const input = tf.tensor2d([[${example}]]);`,
    `const output = ${name}.predict(input);`,
    "output.print();",
    "tf.dispose([input, output]);",
    "",
  );
  return lines.join("\n");
}

/**
 * `[a, b, …]` with each number at float32 precision (what tfjs stores), written as the shortest
 * decimal that reads back to the same float32, wrapped every NUMBERS_PER_LINE numbers.
 */
function arrayLiteral(values: Float64Array, indent: string): string {
  const numbers = Array.from(values, float32Literal);
  if (numbers.length <= NUMBERS_PER_LINE) return `[${numbers.join(", ")}]`;
  const chunks: string[] = [];
  for (let i = 0; i < numbers.length; i += NUMBERS_PER_LINE) {
    chunks.push(`${indent}    ${numbers.slice(i, i + NUMBERS_PER_LINE).join(", ")},`);
  }
  return `[\n${chunks.join("\n")}\n${indent}  ]`;
}

function float32Literal(x: number): string {
  const target = Math.fround(x);
  if (!Number.isFinite(target)) {
    throw new RangeError(`The weight ${x} is too large for TensorFlow.js's float32 tensors.`);
  }
  // Nine significant digits always read back to the same float32; fewer usually do too.
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === target) return String(candidate);
  }
  return String(Number(target.toPrecision(9)));
}
