import { z } from "@neuronlab/engine/schema";

/**
 * A playground setup as data: one zod schema that bounds every value, the defaults, and a short,
 * readable URL form so a setup can be shared. Pure (no DOM, no React): the widget, the lessons'
 * presets and the server's grading all read configurations through this module.
 *
 * The URL form is one query key, `pg`, whose value is `v1` followed by `_`-separated
 * `name-value` fields, lists joined by `.`:
 *
 *   ?pg=v1_data-xor_noise-0.1_test-0.3_feat-x1.x2_layers-4.2_act-tanh_lr-0.03_batch-10_reg-none_rate-0_seed-1_disc-0_show-1
 *
 * Only `a-z A-Z 0-9 - . _` appear, so URLSearchParams leaves it unescaped and a learner can read it.
 * Every field is written, so a shared link keeps meaning the same setup if the defaults change.
 */

/** The engine's two-class datasets on the plane that the playground offers, in menu order. */
export const PLAYGROUND_DATASETS = [
  "circle",
  "xor",
  "gaussianClusters",
  "moons",
  "spirals",
] as const;
export type PlaygroundDataset = (typeof PLAYGROUND_DATASETS)[number];

/**
 * Inputs the network can be given, computed from each point's (x₁, x₂) before training. The sines
 * take π·x: the points lie in about [−1, 1], where sin x would be almost a copy of x.
 */
export const FEATURES = ["x1", "x2", "x1Squared", "x2Squared", "x1x2", "sinX1", "sinX2"] as const;
export type FeatureName = (typeof FEATURES)[number];

export const HIDDEN_ACTIVATIONS = ["relu", "tanh", "sigmoid", "linear"] as const;
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];

export const REGULARIZATIONS = ["none", "l1", "l2"] as const;
export type Regularization = (typeof REGULARIZATIONS)[number];

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;
export const MIN_LEARNING_RATE = 0.00001;
export const MAX_LEARNING_RATE = 10;
export const MAX_BATCH_SIZE = 100;
export const MIN_TEST_FRACTION = 0.1;
export const MAX_TEST_FRACTION = 0.9;
export const MAX_REGULARIZATION_RATE = 10;
export const MAX_SEED = 999_999;

/** The learning rates the menu offers (any value in the bounds is valid in a URL or a preset). */
export const LEARNING_RATES = [
  0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10,
] as const;
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

export const playgroundConfigSchema = z
  .object({
    dataset: z.enum(PLAYGROUND_DATASETS),
    /** The generators' noise: 0 puts points exactly on the rule, 1 is very noisy. */
    noise: z.number().min(0).max(1),
    /** Share of the points held out for testing. */
    testFraction: z.number().min(MIN_TEST_FRACTION).max(MAX_TEST_FRACTION),
    /** The network's inputs; duplicates are dropped and the order made canonical. */
    features: z
      .array(z.enum(FEATURES))
      .min(1)
      .max(FEATURES.length * 2)
      .transform((list) => FEATURES.filter((name) => list.includes(name))),
    /** Units per hidden layer, first to last; empty for no hidden layer (logistic regression). */
    hiddenLayers: z.array(z.int().min(1).max(MAX_NEURONS)).max(MAX_HIDDEN_LAYERS),
    /** The activation of every hidden layer (the output is always one sigmoid unit). */
    activation: z.enum(HIDDEN_ACTIVATIONS),
    /** Step size of plain (stochastic) gradient descent: w ← w − η·∂L/∂w. */
    learningRate: z.number().min(MIN_LEARNING_RATE).max(MAX_LEARNING_RATE),
    /** Examples per step; larger than the training set means the whole set. */
    batchSize: z.int().min(1).max(MAX_BATCH_SIZE),
    regularization: z.enum(REGULARIZATIONS),
    regularizationRate: z.number().min(0).max(MAX_REGULARIZATION_RATE),
    /** Seeds the points, the split, the initial weights and the batch order. */
    seed: z.int().min(0).max(MAX_SEED),
    /** View only: show the two predicted classes as flat colours. */
    discretize: z.boolean(),
    /** View only: draw the test points on the plot. */
    showTestData: z.boolean(),
  })
  .strict();

export type PlaygroundConfig = z.output<typeof playgroundConfigSchema>;
export type PlaygroundConfigKey = keyof PlaygroundConfig;

export const DEFAULT_CONFIG: Readonly<PlaygroundConfig> = Object.freeze<PlaygroundConfig>({
  dataset: "circle",
  noise: 0,
  testFraction: 0.3,
  features: ["x1", "x2"],
  hiddenLayers: [4, 2],
  activation: "tanh",
  learningRate: 0.03,
  batchSize: 10,
  regularization: "none",
  regularizationRate: 0,
  seed: 1,
  discretize: false,
  showTestData: true,
});

const KEYS = Object.keys(playgroundConfigSchema.shape) as PlaygroundConfigKey[];

/** A fresh, mutable copy, so callers can never change the defaults or another config's lists. */
export function cloneConfig(config: Readonly<PlaygroundConfig>): PlaygroundConfig {
  return { ...config, features: [...config.features], hiddenLayers: [...config.hiddenLayers] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A complete configuration from anything (a lesson's preset, a parsed URL): each field that
 * validates is kept, each missing or invalid one comes from `fallback`, unknown keys are ignored.
 * Never throws. For input that must be right as a whole (a graded submission), use
 * `playgroundConfigSchema.parse` instead.
 */
export function resolveConfig(
  partial: unknown,
  fallback: Readonly<PlaygroundConfig> = DEFAULT_CONFIG,
): PlaygroundConfig {
  const result = cloneConfig(fallback);
  if (!isRecord(partial)) return result;
  const target = result as Record<PlaygroundConfigKey, unknown>;
  for (const key of KEYS) {
    if (!(key in partial)) continue;
    const parsed = playgroundConfigSchema.shape[key].safeParse(partial[key]);
    if (parsed.success) target[key] = parsed.data;
  }
  return result;
}

/** The same setup, field for field (lists compared item by item). */
export function sameConfig(a: Readonly<PlaygroundConfig>, b: Readonly<PlaygroundConfig>): boolean {
  return encodeConfig(a) === encodeConfig(b);
}

// --- URL form -----------------------------------------------------------------------------------

export const URL_KEY = "pg";
const VERSION = "v1";
/** Longest `pg` value read; anything longer is not a playground link. */
const MAX_ENCODED_LENGTH = 1000;

/** Field names in the URL form. */
const CODES = {
  dataset: "data",
  noise: "noise",
  testFraction: "test",
  features: "feat",
  hiddenLayers: "layers",
  activation: "act",
  learningRate: "lr",
  batchSize: "batch",
  regularization: "reg",
  regularizationRate: "rate",
  seed: "seed",
  discretize: "disc",
  showTestData: "show",
} as const satisfies Record<PlaygroundConfigKey, string>;

/** Shortest decimal that reads back to the same number ("0.03", "0.00001", never "3e-2"). */
function formatDecimal(value: number): string {
  const text = String(value);
  if (!text.includes("e")) return text;
  // Exponent form only appears below 1e-6; the bounds never go there, but stay URL-safe anyway.
  return value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

function formatField(config: Readonly<PlaygroundConfig>, key: PlaygroundConfigKey): string {
  const value = config[key];
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return formatDecimal(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    return value.map((item) => (typeof item === "number" ? formatDecimal(item) : item)).join(".");
  }
  return value;
}

/** The configuration as the value of the `pg` query key. */
export function encodeConfig(config: Readonly<PlaygroundConfig>): string {
  return [VERSION, ...KEYS.map((key) => `${CODES[key]}-${formatField(config, key)}`)].join("_");
}

const DECIMAL = /^\d{1,7}(?:\.\d{1,12})?$/;

/** A number only when the text is a plain decimal: "", "1e3", "0x10" and " 2" are not. */
function readNumber(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/** The raw value of one field, shaped for the schema to judge (undefined: unreadable). */
function readField(key: PlaygroundConfigKey, text: string): unknown {
  switch (key) {
    case "discretize":
    case "showTestData":
      return text === "1" ? true : text === "0" ? false : undefined;
    case "features":
      return text.split(".");
    case "hiddenLayers":
      if (text === "none") return [];
      return text.split(".").map(readNumber);
    case "dataset":
    case "activation":
    case "regularization":
      return text;
    default:
      return readNumber(text);
  }
}

const KEY_BY_CODE = new Map<string, PlaygroundConfigKey>(KEYS.map((key) => [CODES[key], key]));

/**
 * The configuration a URL's query string describes (`location.search`, with or without its `?`,
 * or the bare `pg` value). Fields that are missing, unknown or out of bounds take their value from
 * `fallback` (the defaults, or the lesson's preset); garbage gives `fallback` itself. Never throws.
 */
export function decodeConfig(
  search: string,
  fallback: Readonly<PlaygroundConfig> = DEFAULT_CONFIG,
): PlaygroundConfig {
  let value: string | null;
  try {
    value = search.startsWith(`${VERSION}_`) ? search : new URLSearchParams(search).get(URL_KEY);
  } catch {
    value = null;
  }
  if (value === null || value.length > MAX_ENCODED_LENGTH) return cloneConfig(fallback);
  const raw: Partial<Record<PlaygroundConfigKey, unknown>> = {};
  for (const field of value.split("_")) {
    const dash = field.indexOf("-");
    if (dash <= 0) continue;
    const key = KEY_BY_CODE.get(field.slice(0, dash));
    if (key === undefined || key in raw) continue;
    raw[key] = readField(key, field.slice(dash + 1));
  }
  return resolveConfig(raw, fallback);
}

/**
 * `href` with its `pg` key set to this configuration, every other part kept: the link the
 * widget writes into the address bar and copies.
 */
export function configHref(href: string, config: Readonly<PlaygroundConfig>): string {
  const url = new URL(href);
  url.searchParams.set(URL_KEY, encodeConfig(config));
  return url.toString();
}

/** The number of hidden units, the "size" a goal exercise asks the learner to keep small. */
export function hiddenNeuronCount(config: Readonly<PlaygroundConfig>): number {
  return config.hiddenLayers.reduce((sum, units) => sum + units, 0);
}
