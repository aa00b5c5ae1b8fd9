"use client";

import { divergenceValues } from "../divergence.ts";
import { useEffect, useEffectEvent, useId, useMemo, useState, useSyncExternalStore } from "react";
import { DecisionBoundary } from "@neuronlab/viz/decision-boundary";
import { useReducedMotion } from "@neuronlab/viz/hooks/use-reduced-motion";
import { useThrottledValue } from "@neuronlab/viz/hooks/use-throttled";
import { useFormatNumber } from "@neuronlab/viz/i18n";
import { LossCurve } from "@neuronlab/viz/loss-curve";
import { NeuronMaps } from "@neuronlab/viz/neuron-maps";
import {
  configHref,
  decodeConfig,
  encodeConfig,
  resolveConfig,
  sameConfig,
  type PlaygroundConfig,
} from "./config.ts";
import { useWidgetT } from "../i18n.ts";
import {
  buttonClass,
  DataControls,
  NetworkControls,
  panelClass,
  percent,
  type ConfigPatch,
} from "./controls.tsx";
import {
  FRAME_BUDGET_MS,
  PlaygroundSession,
  readsPlane,
  trainingKey,
  type PlaygroundProgress,
} from "./session.ts";

export type { PlaygroundConfig } from "./config.ts";
export type { PlaygroundProgress } from "./session.ts";

export interface PlaygroundProps {
  /**
   * The setup the playground starts from: any fields of a playground configuration (see
   * `config.ts`); missing or invalid ones take the defaults. A `?pg=` link overrides it.
   */
  preset?: Partial<PlaygroundConfig>;
  /**
   * Keep the setup in the page's URL (`?pg=…`, restored on load, rewritten on every change) and
   * offer "Copy link". Default true; an exercise that embeds the playground turns it off.
   */
  syncUrl?: boolean;
  /** Stop training at this many steps (an exercise graded by replaying the run sets it). */
  maxSteps?: number;
  /** Caption under the decision boundary. */
  caption?: string;
  /** Called with the new setup after every change the learner makes. Lessons never pass it. */
  onConfigChange?: (config: PlaygroundConfig) => void;
  /** Called with the step and the losses as training runs, steps and resets. */
  onProgress?: (progress: PlaygroundProgress) => void;
}

/** With reduced motion, training still runs but the figures redraw this often (ms). */
const REDUCED_MOTION_REDRAW_MS = 1000;
/** Least time between two spoken updates of the training numbers (ms). */
const ANNOUNCE_EVERY_MS = 2000;

interface State {
  /** The preset the state started from (its URL form), to notice when a lesson changes it. */
  presetKey: string;
  /** Whether the page's `?pg=` has been read (on the client, after hydration). */
  urlRead: boolean;
  config: PlaygroundConfig;
  session: PlaygroundSession;
}

const subscribeNothing = () => () => undefined;
/** The page's query string; null on the server and while hydrating, so both render the preset. */
const clientSearch = () => window.location.search;
const serverSearch = () => null;

/**
 * The full playground: pick a dataset and its noise, split and seed, the input features, the
 * hidden layers, activation, learning rate, batch size and regularisation; train with Play, Step
 * and Reset, and watch the decision boundary, every neuron's map and the loss curves. The setup
 * lives in the URL, so a link brings it back.
 */
export default function Playground({
  preset,
  syncUrl = true,
  maxSteps: maxStepsProp,
  caption,
  onConfigChange,
  onProgress,
}: PlaygroundProps) {
  const t = useWidgetT("Playground");
  const fmt = useFormatNumber();
  const maxSteps =
    maxStepsProp !== undefined && Number.isFinite(maxStepsProp) && maxStepsProp >= 0
      ? Math.floor(maxStepsProp)
      : undefined;
  const presetConfig = resolveConfig(preset);
  const presetKey = encodeConfig(presetConfig);
  const search = useSyncExternalStore(subscribeNothing, clientSearch, serverSearch);
  const [state, setState] = useState<State>(() => {
    const readUrl = syncUrl && search !== null;
    const config = readUrl ? decodeConfig(search, presetConfig) : presetConfig;
    return { presetKey, urlRead: readUrl, config, session: new PlaygroundSession(config) };
  });
  let current = state;
  if (state.presetKey !== presetKey) {
    // The lesson (or an exercise) passed another preset: start over from it.
    current = {
      presetKey,
      urlRead: state.urlRead,
      config: presetConfig,
      session: new PlaygroundSession(presetConfig),
    };
    setState(current);
  } else if (syncUrl && !state.urlRead && search !== null) {
    // First render after hydration: a shared link's setup replaces the preset.
    const config = decodeConfig(search, presetConfig);
    current = {
      ...state,
      urlRead: true,
      config,
      session: sameConfig(config, state.config) ? state.session : new PlaygroundSession(config),
    };
    setState(current);
  }
  const { config, session } = current;

  const [playing, setPlaying] = useState(false);
  const [, setRevision] = useState(0);
  const [copy, setCopy] = useState<
    { status: "idle" | "copied" } | { status: "manual"; href: string }
  >({ status: "idle" });
  const reducedMotion = useReducedMotion();
  const linkId = useId();

  const redraw = () => {
    setRevision((r) => r + 1);
  };

  const report = useEffectEvent((run: PlaygroundSession) => {
    onProgress?.(run.progress());
  });

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let shown = -Infinity;
    const tick = (now: number) => {
      const status = session.frame(FRAME_BUDGET_MS, maxSteps);
      const stop = status !== "running";
      if (stop || !reducedMotion || now - shown >= REDUCED_MOTION_REDRAW_MS) {
        shown = now;
        setRevision((r) => r + 1);
        report(session);
      }
      if (stop) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [playing, session, reducedMotion, maxSteps]);

  const change = (patch: ConfigPatch) => {
    const next = resolveConfig({ ...config, ...patch }, config);
    if (sameConfig(next, config)) return;
    const retrain = trainingKey(next) !== trainingKey(config);
    const nextSession = retrain ? new PlaygroundSession(next) : session;
    setState({ ...current, config: next, session: nextSession });
    setCopy({ status: "idle" });
    if (syncUrl) {
      window.history.replaceState(window.history.state, "", configHref(window.location.href, next));
    }
    onConfigChange?.(next);
    if (retrain) onProgress?.(nextSession.progress());
  };

  const reset = () => {
    const fresh = new PlaygroundSession(config);
    setPlaying(false);
    setState({ ...current, session: fresh });
    onProgress?.(fresh.progress());
  };

  const step = () => {
    setPlaying(false);
    session.stepOnce();
    redraw();
    onProgress?.(session.progress());
  };

  const copyLink = async () => {
    const href = configHref(window.location.href, config);
    try {
      await navigator.clipboard.writeText(href);
      setCopy({ status: "copied" });
    } catch {
      // No clipboard (an insecure page, an old browser, a refusal): show the link to copy by hand.
      setCopy({ status: "manual", href });
    }
  };

  const stats = session.stats;
  const finished = maxSteps !== undefined && stats.step >= maxSteps;
  const statusText = t("status", {
    step: fmt(stats.step, 0),
    trainLoss: fmt(stats.trainLoss, 4),
    testLoss: fmt(stats.testLoss, 4),
    testAccuracy: percent(t, fmt, stats.testAccuracy),
  });
  const announced = useThrottledValue(
    t("announce", { status: statusText, playing: playing ? "yes" : "no" }),
    ANNOUNCE_EVERY_MS,
  );
  const stopped = session.error;
  const points = useMemo(
    () =>
      config.showTestData ? session.points : session.points.filter((p) => p.split === "train"),
    [session, config.showTestData],
  );
  const planeInputs = readsPlane(config);

  return (
    <div className="text-ink">
      <div className="grid gap-4 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          <DataControls config={config} onChange={change} />
          <NetworkControls config={config} onChange={change} />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <div className={panelClass}>
            <div className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                className={buttonClass}
                disabled={stopped !== null || finished}
                onClick={() => {
                  setPlaying((p) => !p);
                }}
              >
                {t(playing ? "pause" : "play")}
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={stopped !== null || finished}
                onClick={step}
              >
                {t("step")}
              </button>
              <button type="button" className={buttonClass} onClick={reset}>
                {t("reset")}
              </button>
              {syncUrl ? (
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() => {
                    void copyLink();
                  }}
                >
                  {t("copyLink")}
                </button>
              ) : null}
            </div>
            <p className="mt-3 text-sm tabular-nums" data-testid="playground-status">
              {statusText}
            </p>
            <p className="sr-only" aria-live="polite">
              {announced}
            </p>
            <p className="mt-1 text-xs text-muted">
              {t("stepsNote", { batch: config.batchSize, steps: session.stepsPerFrame })}
            </p>
            {stopped !== null ? (
              <p role="alert" className="mt-2 text-sm font-medium">
                {t("diverged", divergenceValues(stopped, fmt))}
              </p>
            ) : null}
            {finished ? (
              <p className="mt-2 text-sm font-medium">
                {t("stoppedAt", { steps: fmt(maxSteps, 0) })}
              </p>
            ) : null}
            <div aria-live="polite" className="text-sm">
              {copy.status === "copied" ? <p className="mt-2">{t("linkCopied")}</p> : null}
              {copy.status === "manual" ? (
                <div className="mt-2 flex flex-col gap-1">
                  <label htmlFor={linkId}>{t("copyThisLink")}</label>
                  <input
                    id={linkId}
                    readOnly
                    value={copy.href}
                    onFocus={(event) => {
                      event.currentTarget.select();
                    }}
                    className="rounded-md border border-line bg-canvas px-2 py-1.5 text-ink"
                  />
                </div>
              ) : null}
            </div>
          </div>
          <div className={panelClass}>
            <div className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
              <label className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={config.showTestData}
                  onChange={(event) => {
                    change({ showTestData: event.currentTarget.checked });
                  }}
                  className="accent-accent"
                />
                {t("showTestData")}
              </label>
              <label className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={config.discretize}
                  onChange={(event) => {
                    change({ discretize: event.currentTarget.checked });
                  }}
                  className="accent-accent"
                />
                {t("discretise")}
              </label>
            </div>
            <DecisionBoundary
              predict={session.predict}
              revision={`${session.id}:${stats.step}`}
              points={points}
              discretize={config.discretize}
              contour
              trainAccuracy={stats.trainAccuracy}
              testAccuracy={stats.testAccuracy}
              maxSize={400}
              caption={caption ?? t("boundaryCaption")}
            />
          </div>
          <div className={panelClass}>
            <LossCurve
              train={session.trainLoss}
              test={session.testLoss}
              version={session.recorded}
              height={200}
              caption={t("lossCaption")}
            />
          </div>
        </div>
      </div>
      <div className={`${panelClass} mt-4`}>
        <h3 className="mb-2 text-base font-semibold">{t("neuronsHeading")}</h3>
        {planeInputs ? (
          <NeuronMaps
            spec={session.build.spec}
            weights={session.weights()}
            caption={t("mapsCaption")}
          />
        ) : (
          <p className="text-sm text-muted">{t("mapsNeedPlane")}</p>
        )}
      </div>
    </div>
  );
}
