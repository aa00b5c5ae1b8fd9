import { z } from "./schema.ts";
import {
  layerInputSizes,
  networkSpecSchema,
  parameterCount,
  parseNetworkSpec,
  type LayerActivation,
  type LossName,
  type NetworkSpec,
  type NetworkWeights,
} from "./network-spec.ts";

/**
 * Models as data. Two forms of one trained network:
 *
 * - `SavedModel`, plain JSON that keeps every float64 digit — for files and storage;
 * - a URL parameter, a compact binary form in URL-safe base64 — for share links of small nets.
 *
 * Both readers take untrusted input (a file a learner uploads, a link someone sent) and check all of
 * it before a single weight reaches the engine.
 */

export const SAVED_MODEL_FORMAT = "neuronlab-model";
export const SAVED_MODEL_VERSION = 1;

export interface SavedModel {
  format: typeof SAVED_MODEL_FORMAT;
  version: typeof SAVED_MODEL_VERSION;
  spec: NetworkSpec;
  /** One entry per layer; `kernel` is row-major [inputs × units], as in `DenseWeights`. */
  weights: { kernel: number[]; bias: number[] }[];
}

export interface LoadedModel {
  spec: NetworkSpec;
  weights: NetworkWeights;
}

/** Thrown when a saved model or a model link cannot be read; the message says what is wrong. */
export class ModelFormatError extends Error {
  override name = "ModelFormatError";
}

/**
 * Throws unless `weights` has exactly the layers and array lengths `spec` asks for and every
 * number is finite. Writers call it so that a broken model is caught where it is made, not later
 * where someone tries to load it.
 */
export function assertWeightsFitSpec(spec: NetworkSpec, weights: NetworkWeights): void {
  const problems = weightShapeProblems(spec, weights);
  if (problems.length > 0) throw new RangeError(problems.join(" "));
  weights.forEach((w, l) => {
    for (const [part, values] of [
      ["kernel", w.kernel],
      ["bias", w.bias],
    ] as const) {
      const i = values.findIndex((x) => !Number.isFinite(x));
      if (i >= 0) {
        throw new RangeError(
          `Layer ${l + 1} ${part}[${i}] is ${values[i]}; a model can only hold finite numbers.`,
        );
      }
    }
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function weightShapeProblems(
  spec: NetworkSpec,
  weights: readonly { kernel: ArrayLike<number>; bias: ArrayLike<number> }[],
): string[] {
  if (weights.length !== spec.layers.length) {
    return [
      `The spec has ${count(spec.layers.length, "layer")} but there are weights for ` +
        `${weights.length}.`,
    ];
  }
  const sizes = layerInputSizes(spec);
  const problems: string[] = [];
  spec.layers.forEach((layer, l) => {
    const w = weights[l];
    if (!w) return;
    const inputs = sizes[l] ?? 0;
    const kernelLength = inputs * layer.units;
    if (w.kernel.length !== kernelLength) {
      problems.push(
        `Layer ${l + 1} maps ${count(inputs, "input")} to ${count(layer.units, "unit")}, so ` +
          `its kernel needs ${count(kernelLength, "number")}, not ${w.kernel.length}.`,
      );
    }
    if (w.bias.length !== layer.units) {
      problems.push(
        `Layer ${l + 1} has ${count(layer.units, "unit")}, so its bias needs ` +
          `${count(layer.units, "number")}, not ${w.bias.length}.`,
      );
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * A saved model as plain JSON. Numbers keep full float64 precision because JavaScript prints the
 * shortest decimal that reads back to the same double. The one thing lost is the sign of zero:
 * JSON has no -0, and a weight of -0 behaves exactly like 0.
 */
export function toJSON(spec: NetworkSpec, weights: NetworkWeights): SavedModel {
  const checked = parseNetworkSpec(spec);
  assertWeightsFitSpec(checked, weights);
  return {
    format: SAVED_MODEL_FORMAT,
    version: SAVED_MODEL_VERSION,
    spec: checked,
    weights: weights.map((w) => ({ kernel: Array.from(w.kernel), bias: Array.from(w.bias) })),
  };
}

// Checked first, on its own, so that a file that is not a model at all gets one plain sentence
// instead of a list of every field that does not match.
const headerSchema = z.looseObject({
  format: z.literal(SAVED_MODEL_FORMAT, {
    error: (issue) =>
      `This is not a Neuronlab model: "format" should be "${SAVED_MODEL_FORMAT}", ` +
      `found ${describeValue(issue.input)}.`,
  }),
  version: z.literal(SAVED_MODEL_VERSION, {
    error: (issue) =>
      `Unsupported model version ${describeValue(issue.input)}; ` +
      `this version of Neuronlab reads version ${SAVED_MODEL_VERSION}.`,
  }),
});

// z.number() refuses NaN and ±Infinity, and JSON has no way to write them as numbers, so a file
// that spells them as strings ("NaN") fails here too.
const finiteNumbers = z.array(z.number({ error: "Expected a finite number." }));

const savedModelSchema = z
  .strictObject({
    format: z.literal(SAVED_MODEL_FORMAT),
    version: z.literal(SAVED_MODEL_VERSION),
    spec: networkSpecSchema,
    weights: z.array(z.strictObject({ kernel: finiteNumbers, bias: finiteNumbers })),
  })
  .superRefine((model, ctx) => {
    for (const message of weightShapeProblems(model.spec, model.weights)) {
      ctx.addIssue({ code: "custom", message, path: ["weights"] });
    }
  });

/**
 * Reads a saved model — the parsed object, or the JSON text itself — checking everything: format
 * and version, the spec's rules, that every kernel and bias has the length the spec asks for, and
 * that every number is finite. Throws a `ModelFormatError` saying what is wrong.
 */
export function fromJSON(input: unknown): LoadedModel {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input) as unknown;
    } catch (error) {
      throw new ModelFormatError(
        `This saved model is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ModelFormatError(
      `A saved model is a JSON object; found ${describeValue(data)} instead.`,
    );
  }
  const header = headerSchema.safeParse(data);
  if (!header.success) {
    throw new ModelFormatError(header.error.issues.map((issue) => issue.message).join(" "));
  }

  const parsed = savedModelSchema.safeParse(data, { error: missingFieldMessage });
  if (!parsed.success) {
    throw new ModelFormatError(`Invalid saved model: ${formatIssues(parsed.error.issues)}`);
  }
  return {
    spec: parsed.data.spec,
    weights: parsed.data.weights.map((w) => ({
      kernel: Float64Array.from(w.kernel),
      bias: Float64Array.from(w.bias),
    })),
  };
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "undefined":
      return "nothing";
    case "string":
      return JSON.stringify(value.slice(0, 40));
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return "an object";
    default:
      return `a value of type ${typeof value}`;
  }
}

// A damaged file can fail on thousands of numbers; the first few are enough to say what is wrong.
const MAX_REPORTED_ISSUES = 5;

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const where = formatPath(issue.path);
    const message = issue.message.replace(/\.$/, "");
    return where ? `${where}: ${message}` : message;
  });
  if (issues.length > MAX_REPORTED_ISSUES) {
    lines.push(`…and ${issues.length - MAX_REPORTED_ISSUES} more problem(s)`);
  }
  return `${lines.join("; ")}.`;
}

// Zod's default wording for an absent field is "expected object, received undefined".
function missingFieldMessage(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === "invalid_type" && issue.input === undefined ? "missing" : undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

// ---------------------------------------------------------------------------------------------
// URL parameter
//
// Binary layout, before base64url:
//
//   byte     format version (1)
//   byte     weight precision: 0 = float32, 1 = float16
//   varint   number of inputs
//   byte     number of layers
//   per layer: varint units, byte activation code
//   byte     loss code
//   weights  per layer, kernel (row-major) then bias, little-endian float32 or float16
//   2 bytes  CRC-16 of everything before it, big-endian
//
// Varints are unsigned LEB128: sizes below 128 take one byte, up to MAX_UNITS two.
// The checksum catches links mangled in transit (a character lost or changed by a chat app or a
// line break); it is no protection against deliberate edits, which is fine because every decoded
// field is checked anyway and a well-formed edited link is simply a different network.

/** Largest network the URL form accepts: beyond this a link gets too long to share. */
export const MAX_URL_PARAMETERS = 2000;
/** Longest parameter `fromUrlParam` looks at, in characters, so a hostile link costs nothing. */
export const MAX_URL_PARAM_LENGTH = 64 * 1024;

const URL_FORMAT_VERSION = 1;

export type UrlPrecision = "float32" | "float16";

export interface UrlParamOptions {
  /**
   * "float32" (the default) is exact for weights trained with TensorFlow.js, which stores float32.
   * "float16" halves the length at about three significant digits; weights must stay within
   * ±65504.
   */
  precision?: UrlPrecision;
}

export interface UrlModel extends LoadedModel {
  precision: UrlPrecision;
}

// These codes are written into links people have already shared: append new ones, never renumber.
const ACTIVATION_CODES: readonly LayerActivation[] = [
  "linear",
  "relu",
  "leakyRelu",
  "sigmoid",
  "tanh",
  "softmax",
];
const LOSS_CODES: readonly LossName[] = ["mse", "binaryCrossEntropy", "categoricalCrossEntropy"];
const PRECISION_CODES: readonly UrlPrecision[] = ["float32", "float16"];

const BYTES_PER_WEIGHT: Readonly<Record<UrlPrecision, number>> = { float32: 4, float16: 2 };

/**
 * Encodes a small network as a URL-safe string (base64url, no padding): the playground's
 * 2-8-8-1 net is about 300 characters at float16. Throws a `RangeError` for nets over
 * `MAX_URL_PARAMETERS` and for weights the chosen precision cannot hold.
 */
export function toUrlParam(
  spec: NetworkSpec,
  weights: NetworkWeights,
  options: UrlParamOptions = {},
): string {
  const precision = options.precision ?? "float32";
  const checked = parseNetworkSpec(spec);
  assertWeightsFitSpec(checked, weights);
  const parameters = parameterCount(checked);
  if (parameters > MAX_URL_PARAMETERS) {
    throw new RangeError(
      `This network has ${parameters} parameters; a model link holds at most ${MAX_URL_PARAMETERS}. ` +
        `Save it as a file instead.`,
    );
  }

  const header: number[] = [URL_FORMAT_VERSION, PRECISION_CODES.indexOf(precision)];
  writeVarint(header, checked.inputs);
  header.push(checked.layers.length);
  for (const layer of checked.layers) {
    writeVarint(header, layer.units);
    header.push(ACTIVATION_CODES.indexOf(layer.activation));
  }
  header.push(LOSS_CODES.indexOf(checked.loss));

  const size = BYTES_PER_WEIGHT[precision];
  const bytes = new Uint8Array(header.length + parameters * size + 2);
  bytes.set(header);
  const view = new DataView(bytes.buffer);
  let offset = header.length;
  weights.forEach((w, l) => {
    for (const [part, values] of [
      ["kernel", w.kernel],
      ["bias", w.bias],
    ] as const) {
      values.forEach((x, i) => {
        if (precision === "float32") {
          if (!Number.isFinite(Math.fround(x))) {
            throw new RangeError(`Layer ${l + 1} ${part}[${i}] = ${x} is too large for float32.`);
          }
          view.setFloat32(offset, x, true);
        } else {
          const bits = float16Bits(x);
          if ((bits & 0x7c00) === 0x7c00) {
            throw new RangeError(
              `Layer ${l + 1} ${part}[${i}] = ${x} is beyond float16's range (±65504); ` +
                `use precision "float32" for this network.`,
            );
          }
          view.setUint16(offset, bits, true);
        }
        offset += size;
      });
    }
  });
  view.setUint16(offset, crc16(bytes.subarray(0, offset)), false);
  return encodeBase64Url(bytes);
}

/**
 * Decodes a parameter made by `toUrlParam`, checking its length, every header field, the spec's
 * rules, the size limits, the checksum and that every weight is finite. Throws a
 * `ModelFormatError` saying what is wrong.
 */
export function fromUrlParam(param: string): UrlModel {
  if (param.length === 0) throw new ModelFormatError("The model link is empty.");
  if (param.length > MAX_URL_PARAM_LENGTH) {
    throw new ModelFormatError(
      `The model link is ${param.length} characters long; the limit is ${MAX_URL_PARAM_LENGTH}.`,
    );
  }
  const bytes = decodeBase64Url(param);
  const reader = new ByteReader(bytes);

  const version = reader.byte("the format version");
  if (version !== URL_FORMAT_VERSION) {
    throw new ModelFormatError(
      `The model link has format version ${version}; this version of Neuronlab reads ` +
        `version ${URL_FORMAT_VERSION}.`,
    );
  }
  const precision = codeAt(PRECISION_CODES, reader.byte("the precision"), "precision");
  const inputs = reader.varint("the number of inputs");
  const layerCount = reader.byte("the number of layers");
  const layers = Array.from({ length: layerCount }, (_, l) => ({
    units: reader.varint(`the size of layer ${l + 1}`),
    activation: codeAt(
      ACTIVATION_CODES,
      reader.byte(`the activation of layer ${l + 1}`),
      "activation",
    ),
  }));
  const loss = codeAt(LOSS_CODES, reader.byte("the loss"), "loss");

  const specResult = networkSpecSchema.safeParse({ inputs, layers, loss });
  if (!specResult.success) {
    throw new ModelFormatError(
      `The model link describes an invalid network: ${formatIssues(specResult.error.issues)}`,
    );
  }
  const spec = specResult.data;
  const parameters = parameterCount(spec);
  if (parameters > MAX_URL_PARAMETERS) {
    throw new ModelFormatError(
      `The model link describes ${parameters} parameters; a link holds at most ` +
        `${MAX_URL_PARAMETERS}.`,
    );
  }

  const size = BYTES_PER_WEIGHT[precision];
  const expected = reader.offset + parameters * size + 2;
  if (bytes.length !== expected) {
    throw new ModelFormatError(
      bytes.length < expected
        ? `The model link is cut short: it needs ${expected} bytes and has ${bytes.length}.`
        : `The model link has ${bytes.length - expected} unexpected byte(s) at the end.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stored = view.getUint16(expected - 2, false);
  if (stored !== crc16(bytes.subarray(0, expected - 2))) {
    throw new ModelFormatError(
      "The model link is damaged (its checksum does not match); copy the whole link again.",
    );
  }

  const sizes = layerInputSizes(spec);
  let offset = reader.offset;
  const read = (): number => {
    const x =
      precision === "float32"
        ? view.getFloat32(offset, true)
        : float16Value(view.getUint16(offset, true));
    if (!Number.isFinite(x)) {
      throw new ModelFormatError(`The model link holds a weight that is ${x}.`);
    }
    offset += size;
    return x;
  };
  const weights = spec.layers.map((layer, l) => {
    const kernel = new Float64Array((sizes[l] ?? 0) * layer.units);
    for (let i = 0; i < kernel.length; i++) kernel[i] = read();
    const bias = new Float64Array(layer.units);
    for (let i = 0; i < bias.length; i++) bias[i] = read();
    return { kernel, bias };
  });
  return { spec, weights, precision };
}

function codeAt<T>(table: readonly T[], code: number, what: string): T {
  const value = table[code];
  if (value === undefined)
    throw new ModelFormatError(`The model link has an unknown ${what} code ${code}.`);
  return value;
}

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

class ByteReader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(what: string): number {
    const b = this.bytes[this.offset];
    if (b === undefined) throw new ModelFormatError(`The model link is cut short before ${what}.`);
    this.offset++;
    return b;
  }

  varint(what: string): number {
    let value = 0;
    // Three bytes reach 2^21, far past MAX_UNITS; a longer run is garbage, not a bigger network.
    for (let shift = 0; shift < 21; shift += 7) {
      const b = this.byte(what);
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        // A final zero after a continuation is a padded spelling of a shorter number.
        if (b === 0 && shift > 0) break;
        return value;
      }
    }
    throw new ModelFormatError(`The model link has a malformed number for ${what}.`);
  }
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF). */
function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let k = 0; k < 8; k++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

// ---------------------------------------------------------------------------------------------
// float16 (IEEE 754 binary16): 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.

const float64Scratch = new DataView(new ArrayBuffer(8));

/**
 * The binary16 bits of `x`, rounded once, straight from float64, to the nearest half (ties to
 * even) — going through float32 first would round twice and can land one step off. Values too
 * large for a half (|x| ≥ 65520) give ±Infinity, as IEEE conversion does; `toUrlParam` turns that
 * into an error. NaN throws: a model never needs one, and letting it through would hide a bug.
 */
export function float16Bits(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("NaN cannot be stored as a model weight.");
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  // 65520 is halfway between 65504 (the largest half) and 65536; the tie goes to the even
  // neighbour, which is the one past the end, so it overflows.
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) {
    // Subnormal: a multiple of 2^-24. Scaling by a power of two is exact, so this rounds once. A
    // value that rounds up to 1024 is the smallest normal, whose bits happen to be 1024 as well.
    return sign | roundHalfEven(a * 2 ** 24);
  }
  float64Scratch.setFloat64(0, a);
  let exponent = ((float64Scratch.getUint32(0) >>> 20) & 0x7ff) - 1023;
  let significand = roundHalfEven(a * 2 ** (10 - exponent));
  if (significand === 2048) {
    exponent++;
    significand = 1024;
  }
  return sign | ((exponent + 15) << 10) | (significand - 1024);
}

/** The value of binary16 `bits`, exactly (every half is a double). */
export function float16Value(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const rest = v - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5, no padding), by hand so the same code runs in browsers and Node and
// works on bytes directly instead of through binary strings.

const BASE64_URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE64_URL_INDEX = new Map(
  Array.from({ length: 64 }, (_, i) => [BASE64_URL_ALPHABET.charAt(i), i] as const),
);

function encodeBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const chunk = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++)
      out += BASE64_URL_ALPHABET.charAt((chunk >>> (18 - 6 * k)) & 0x3f);
  }
  return out;
}

function decodeBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) {
    throw new ModelFormatError("The model link has a stray character: its length is impossible.");
  }
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const value = BASE64_URL_INDEX.get(ch);
    if (value === undefined) {
      throw new ModelFormatError(
        `The model link contains ${JSON.stringify(ch)} at position ${i + 1}; only A–Z, a–z, 0–9, ` +
          `"-" and "_" belong in it.`,
      );
    }
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (buffer >>> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, so that each byte string has exactly one spelling.
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    throw new ModelFormatError("The model link does not end cleanly; part of it may be missing.");
  }
  return bytes;
}
