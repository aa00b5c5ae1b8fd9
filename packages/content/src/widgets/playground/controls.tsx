"use client";

import { useId } from "react";
import { DATASETS } from "@neuronlab/engine/datasets/generators";
import { formatNumber } from "@neuronlab/viz/format";
import {
  FEATURES,
  HIDDEN_ACTIVATIONS,
  LEARNING_RATES,
  MAX_BATCH_SIZE,
  MAX_HIDDEN_LAYERS,
  MAX_NEURONS,
  MAX_SEED,
  MAX_TEST_FRACTION,
  MIN_TEST_FRACTION,
  PLAYGROUND_DATASETS,
  REGULARIZATION_RATES,
  REGULARIZATIONS,
  type FeatureName,
  type HiddenActivation,
  type PlaygroundConfig,
  type PlaygroundDataset,
  type Regularization,
} from "./config.ts";

/**
 * The playground's controls, one group per panel. Each reports a change as a partial
 * configuration; the widget validates it, restarts training where it must and writes the URL.
 */

export type ConfigPatch = Partial<PlaygroundConfig>;

export const FEATURE_LABELS: Readonly<Record<FeatureName, string>> = {
  x1: "x₁",
  x2: "x₂",
  x1Squared: "x₁²",
  x2Squared: "x₂²",
  x1x2: "x₁x₂",
  sinX1: "sin(πx₁)",
  sinX2: "sin(πx₂)",
};

const ACTIVATION_LABELS: Readonly<Record<HiddenActivation, string>> = {
  relu: "ReLU",
  tanh: "tanh",
  sigmoid: "sigmoid",
  linear: "linear (none)",
};

const REGULARIZATION_LABELS: Readonly<Record<Regularization, string>> = {
  none: "None",
  l1: "L1",
  l2: "L2",
};

/** Neurons a newly added hidden layer starts with. */
export const NEW_LAYER_NEURONS = 2;

export const panelClass = "rounded-lg border border-line bg-panel p-3 sm:p-4";
export const buttonClass =
  "rounded-md border border-line bg-canvas px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";
const fieldClass = "rounded-md border border-line bg-canvas px-2 py-1.5 text-sm text-ink";
const smallButtonClass =
  "inline-flex h-8 w-8 items-center justify-center rounded-md border border-line bg-canvas text-base font-semibold text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";

/** A number as the menus show it: 0.03, 0.00001, 3 (never 3e-5). */
function plain(value: number): string {
  const text = String(value);
  return text.includes("e") ? value.toFixed(10).replace(/\.?0+$/, "") : text;
}

/** The menu's values, plus the current one when a link or preset chose one off the menu. */
function withCurrent(options: readonly number[], current: number): number[] {
  return options.includes(current) ? [...options] : [...options, current].sort((a, b) => a - b);
}

function percent(value: number): string {
  return `${formatNumber(value * 100, 0)}%`;
}

export function DataControls({
  config,
  onChange,
}: {
  config: PlaygroundConfig;
  onChange: (patch: ConfigPatch) => void;
}) {
  const datasetId = useId();
  const noiseId = useId();
  const splitId = useId();
  const seedId = useId();
  const onlyFeature = config.features.length === 1 ? config.features[0] : undefined;
  return (
    <section aria-labelledby={`${datasetId}-heading`} className={panelClass}>
      <h3 id={`${datasetId}-heading`} className="mb-3 text-base font-semibold">
        Data
      </h3>
      <div className="flex flex-col gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor={datasetId} className="font-medium">
            Dataset
          </label>
          <select
            id={datasetId}
            value={config.dataset}
            onChange={(event) => {
              onChange({ dataset: event.currentTarget.value as PlaygroundDataset });
            }}
            className={fieldClass}
          >
            {PLAYGROUND_DATASETS.map((name) => (
              <option key={name} value={name}>
                {DATASETS[name].title}
              </option>
            ))}
          </select>
          <p className="text-muted">{DATASETS[config.dataset].description}</p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={noiseId} className="font-medium">
            Noise <output htmlFor={noiseId}>{formatNumber(config.noise)}</output>
          </label>
          <input
            id={noiseId}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={config.noise}
            onChange={(event) => {
              onChange({ noise: Number(event.currentTarget.value) });
            }}
            className="w-full accent-accent"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={splitId} className="font-medium">
            Test data <output htmlFor={splitId}>{percent(config.testFraction)}</output>
          </label>
          <input
            id={splitId}
            type="range"
            min={MIN_TEST_FRACTION}
            max={MAX_TEST_FRACTION}
            step={0.05}
            value={config.testFraction}
            aria-valuetext={`${percent(config.testFraction)} of the points held out for testing`}
            onChange={(event) => {
              onChange({ testFraction: Number(event.currentTarget.value) });
            }}
            className="w-full accent-accent"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={seedId} className="font-medium">
            Seed
          </label>
          <div className="flex gap-2">
            <input
              id={seedId}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_SEED}
              step={1}
              value={config.seed}
              onChange={(event) => {
                const seed = Number(event.currentTarget.value);
                if (event.currentTarget.value !== "" && Number.isInteger(seed)) onChange({ seed });
              }}
              className={`${fieldClass} w-28`}
            />
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                onChange({ seed: (config.seed + 1) % (MAX_SEED + 1) });
              }}
            >
              New seed
            </button>
          </div>
        </div>
        <fieldset>
          <legend className="mb-1 font-medium">Input features</legend>
          <div className="grid grid-cols-2 gap-x-3 gap-y-1">
            {FEATURES.map((name) => {
              const checked = config.features.includes(name);
              return (
                <label key={name} className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={checked}
                    // The network needs at least one input: the last one cannot be unticked.
                    aria-disabled={onlyFeature === name}
                    onChange={() => {
                      if (onlyFeature === name) return;
                      onChange({
                        features: checked
                          ? config.features.filter((f) => f !== name)
                          : [...config.features, name],
                      });
                    }}
                    className="accent-accent"
                  />
                  {FEATURE_LABELS[name]}
                </label>
              );
            })}
          </div>
        </fieldset>
      </div>
    </section>
  );
}

export function NetworkControls({
  config,
  onChange,
}: {
  config: PlaygroundConfig;
  onChange: (patch: ConfigPatch) => void;
}) {
  const headingId = useId();
  const activationId = useId();
  const rateId = useId();
  const batchId = useId();
  const regId = useId();
  const regRateId = useId();
  const layers = config.hiddenLayers;
  const setUnits = (index: number, units: number) => {
    onChange({ hiddenLayers: layers.map((u, i) => (i === index ? units : u)) });
  };
  const shape = [config.features.length, ...layers, 1].join(" → ");
  return (
    <section aria-labelledby={headingId} className={panelClass}>
      <h3 id={headingId} className="mb-1 text-base font-semibold">
        Network
      </h3>
      <p className="mb-3 text-sm text-muted">
        {`${shape}: ${layers.length === 0 ? "no hidden layer" : layers.length === 1 ? "1 hidden layer" : `${layers.length} hidden layers`}, one sigmoid output.`}
      </p>
      <div className="flex flex-col gap-3 text-sm">
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass}
            disabled={layers.length >= MAX_HIDDEN_LAYERS}
            onClick={() => {
              onChange({ hiddenLayers: [...layers, NEW_LAYER_NEURONS] });
            }}
          >
            Add a layer
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={layers.length === 0}
            onClick={() => {
              onChange({ hiddenLayers: layers.slice(0, -1) });
            }}
          >
            Remove a layer
          </button>
        </div>
        {layers.length > 0 ? (
          <ol className="flex flex-col gap-1.5" aria-label="Hidden layers">
            {layers.map((units, i) => (
              <li key={i} className="flex items-center gap-2">
                <span className="min-w-[4.5rem] font-medium">{`Layer ${i + 1}`}</span>
                <button
                  type="button"
                  className={smallButtonClass}
                  aria-label={`Fewer neurons in layer ${i + 1}`}
                  disabled={units <= 1}
                  onClick={() => {
                    setUnits(i, units - 1);
                  }}
                >
                  −
                </button>
                <span className="min-w-[5.5rem] text-center tabular-nums" aria-live="polite">
                  {units === 1 ? "1 neuron" : `${units} neurons`}
                </span>
                <button
                  type="button"
                  className={smallButtonClass}
                  aria-label={`More neurons in layer ${i + 1}`}
                  disabled={units >= MAX_NEURONS}
                  onClick={() => {
                    setUnits(i, units + 1);
                  }}
                >
                  +
                </button>
              </li>
            ))}
          </ol>
        ) : null}
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={activationId} className="font-medium">
              Activation
            </label>
            <select
              id={activationId}
              value={config.activation}
              onChange={(event) => {
                onChange({ activation: event.currentTarget.value as HiddenActivation });
              }}
              className={fieldClass}
            >
              {HIDDEN_ACTIVATIONS.map((name) => (
                <option key={name} value={name}>
                  {ACTIVATION_LABELS[name]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={rateId} className="font-medium">
              Learning rate
            </label>
            <select
              id={rateId}
              value={String(config.learningRate)}
              onChange={(event) => {
                onChange({ learningRate: Number(event.currentTarget.value) });
              }}
              className={fieldClass}
            >
              {withCurrent(LEARNING_RATES, config.learningRate).map((rate) => (
                <option key={rate} value={String(rate)}>
                  {plain(rate)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={regId} className="font-medium">
              Regularisation
            </label>
            <select
              id={regId}
              value={config.regularization}
              onChange={(event) => {
                onChange({ regularization: event.currentTarget.value as Regularization });
              }}
              className={fieldClass}
            >
              {REGULARIZATIONS.map((name) => (
                <option key={name} value={name}>
                  {REGULARIZATION_LABELS[name]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={regRateId} className="font-medium">
              Regularisation rate
            </label>
            <select
              id={regRateId}
              value={String(config.regularizationRate)}
              onChange={(event) => {
                onChange({ regularizationRate: Number(event.currentTarget.value) });
              }}
              className={fieldClass}
            >
              {withCurrent(REGULARIZATION_RATES, config.regularizationRate).map((rate) => (
                <option key={rate} value={String(rate)}>
                  {plain(rate)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {config.regularization !== "none" && config.regularizationRate === 0 ? (
          <p className="text-muted">A rate of 0 switches the penalty off: pick a rate above 0.</p>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor={batchId} className="font-medium">
            Batch size <output htmlFor={batchId}>{config.batchSize}</output>
          </label>
          <input
            id={batchId}
            type="range"
            min={1}
            max={MAX_BATCH_SIZE}
            step={1}
            value={config.batchSize}
            onChange={(event) => {
              onChange({ batchSize: Number(event.currentTarget.value) });
            }}
            className="w-full accent-accent"
          />
        </div>
      </div>
    </section>
  );
}
