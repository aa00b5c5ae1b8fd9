"use client";

import { useId } from "react";
import { useFormatNumber, type FormatNumber } from "@neuronlab/viz/i18n";
import { useWidgetT, type WidgetT } from "../i18n.ts";
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

/** Neurons a newly added hidden layer starts with. */
export const NEW_LAYER_NEURONS = 2;

export const panelClass = "rounded-lg border border-line bg-panel p-3 sm:p-4";
export const buttonClass =
  "rounded-md border border-line bg-canvas px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";
const fieldClass = "rounded-md border border-line bg-canvas px-2 py-1.5 text-sm text-ink";
const smallButtonClass =
  "inline-flex h-8 w-8 items-center justify-center rounded-md border border-line bg-canvas text-base font-semibold text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";

/** A number as the menus show it: 0.03, 0.00001, 3 (never 3e-5), with the page's decimal mark. */
function plain(value: number, fmt: FormatNumber): string {
  const text = String(value);
  const decimal = text.includes("e") ? value.toFixed(10).replace(/\.?0+$/, "") : text;
  const mark = fmt(0.5, 1).replace(/\d/g, "");
  return mark === "." ? decimal : decimal.replace(".", mark);
}

/** The menu's values, plus the current one when a link or preset chose one off the menu. */
function withCurrent(options: readonly number[], current: number): number[] {
  return options.includes(current) ? [...options] : [...options, current].sort((a, b) => a - b);
}

/** "30%" ("30 %" in German). */
export function percent(t: WidgetT<"Playground">, fmt: FormatNumber, value: number): string {
  return t("percent", { value: fmt(value * 100, 0) });
}

export function DataControls({
  config,
  onChange,
}: {
  config: PlaygroundConfig;
  onChange: (patch: ConfigPatch) => void;
}) {
  const t = useWidgetT("Playground");
  const fmt = useFormatNumber();
  const datasetId = useId();
  const noiseId = useId();
  const splitId = useId();
  const seedId = useId();
  const onlyFeature = config.features.length === 1 ? config.features[0] : undefined;
  return (
    <section aria-labelledby={`${datasetId}-heading`} className={panelClass}>
      <h3 id={`${datasetId}-heading`} className="mb-3 text-base font-semibold">
        {t("data")}
      </h3>
      <div className="flex flex-col gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor={datasetId} className="font-medium">
            {t("dataset")}
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
                {t("datasetTitle", { dataset: name })}
              </option>
            ))}
          </select>
          <p className="text-muted">{t("datasetDescription", { dataset: config.dataset })}</p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={noiseId} className="font-medium">
            {t("noise")} <output htmlFor={noiseId}>{fmt(config.noise)}</output>
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
            {t("testData")}{" "}
            <output htmlFor={splitId}>{percent(t, fmt, config.testFraction)}</output>
          </label>
          <input
            id={splitId}
            type="range"
            min={MIN_TEST_FRACTION}
            max={MAX_TEST_FRACTION}
            step={0.05}
            value={config.testFraction}
            aria-valuetext={t("testDataValue", { percent: percent(t, fmt, config.testFraction) })}
            onChange={(event) => {
              onChange({ testFraction: Number(event.currentTarget.value) });
            }}
            className="w-full accent-accent"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={seedId} className="font-medium">
            {t("seed")}
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
              {t("newSeed")}
            </button>
          </div>
        </div>
        <fieldset>
          <legend className="mb-1 font-medium">{t("inputFeatures")}</legend>
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
  const t = useWidgetT("Playground");
  const fmt = useFormatNumber();
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
        {t("network")}
      </h3>
      <p className="mb-3 text-sm text-muted">
        {t("networkShape", { shape, layers: layers.length })}
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
            {t("addLayer")}
          </button>
          <button
            type="button"
            className={buttonClass}
            disabled={layers.length === 0}
            onClick={() => {
              onChange({ hiddenLayers: layers.slice(0, -1) });
            }}
          >
            {t("removeLayer")}
          </button>
        </div>
        {layers.length > 0 ? (
          <ol className="flex flex-col gap-1.5" aria-label={t("hiddenLayers")}>
            {layers.map((units, i) => (
              <li key={i} className="flex items-center gap-2">
                <span className="min-w-[4.5rem] font-medium">{t("layer", { index: i + 1 })}</span>
                <button
                  type="button"
                  className={smallButtonClass}
                  aria-label={t("fewerNeurons", { index: i + 1 })}
                  disabled={units <= 1}
                  onClick={() => {
                    setUnits(i, units - 1);
                  }}
                >
                  −
                </button>
                <span className="min-w-[5.5rem] text-center tabular-nums" aria-live="polite">
                  {t("neurons", { count: units })}
                </span>
                <button
                  type="button"
                  className={smallButtonClass}
                  aria-label={t("moreNeurons", { index: i + 1 })}
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
              {t("activation")}
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
                  {t("activationName", { activation: name })}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={rateId} className="font-medium">
              {t("learningRate")}
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
                  {plain(rate, fmt)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={regId} className="font-medium">
              {t("regularisation")}
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
                  {t("regularisationName", { regularisation: name })}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={regRateId} className="font-medium">
              {t("regularisationRate")}
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
                  {plain(rate, fmt)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {config.regularization !== "none" && config.regularizationRate === 0 ? (
          <p className="text-muted">{t("zeroRate")}</p>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor={batchId} className="font-medium">
            {t("batchSize")} <output htmlFor={batchId}>{config.batchSize}</output>
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
