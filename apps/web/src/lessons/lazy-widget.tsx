"use client";

import { useTranslations } from "next-intl";
import { Component, useEffect, useRef, useState, type ReactNode } from "react";
import { isWidgetName, WIDGETS } from "@neuronlab/content/components";
import { WIDGET_LOADERS, type AnyWidget } from "./widget-registry";

export interface LazyWidgetProps {
  name: string;
  /** Plain-data props from the lesson (or an exercise's figure). */
  props?: Record<string, unknown>;
  /** Callbacks an exercise adds (never from a lesson). */
  handlers?: Record<string, unknown>;
  /** Load at once instead of waiting for the widget to come near the screen. */
  eager?: boolean;
}

/** Start loading a little before the widget scrolls into view, so it is ready when it arrives. */
const ROOT_MARGIN = "400px 0px";

/**
 * A lesson widget that costs nothing until the learner scrolls near it: until then a box of the
 * widget's height says what will appear there (to screen readers too), then the widget's own
 * chunk loads and takes its place. Its words come from the "LazyWidget" messages, the widgets'
 * own from "widgets" and "viz": a page that renders it hands the browser all three.
 */
export function LazyWidget({ name, props = {}, handlers = {}, eager = false }: LazyWidgetProps) {
  const t = useTranslations("LazyWidget");
  const box = useRef<HTMLDivElement>(null);
  // Without IntersectionObserver (old browsers) there is no way to wait: load at once.
  const [near, setNear] = useState(eager || typeof IntersectionObserver === "undefined");
  const [loaded, setLoaded] = useState<{ component: AnyWidget } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (near || !box.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: ROOT_MARGIN },
    );
    observer.observe(box.current);
    return () => {
      observer.disconnect();
    };
  }, [near]);

  useEffect(() => {
    if (!near || !isWidgetName(name)) return;
    let live = true;
    WIDGET_LOADERS[name]().then(
      (module) => {
        if (live) setLoaded({ component: module.default });
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [near, name]);

  if (!isWidgetName(name) || failed) {
    return (
      <p role="alert" className="my-6 rounded-lg border border-line bg-panel p-4 text-sm">
        {t("failed")}
      </p>
    );
  }
  const info = WIDGETS[name];
  const Widget = loaded?.component;
  return (
    <div
      ref={box}
      className="not-prose my-8"
      data-widget={name}
      data-widget-ready={Widget ? "true" : "false"}
      style={Widget ? undefined : { minHeight: info.minHeight }}
    >
      {Widget ? (
        <WidgetBoundary message={t("crashed")}>
          <Widget {...props} {...handlers} />
        </WidgetBoundary>
      ) : (
        <div
          role="status"
          className="flex h-full items-center justify-center rounded-xl border border-dashed border-line p-6 text-center text-muted"
          style={{ minHeight: info.minHeight }}
        >
          {t("loading", { label: t(`labels.${name}`) })}
        </div>
      )}
    </div>
  );
}

/** One broken figure never takes the lesson down with it. */
class WidgetBoundary extends Component<
  { message: string; children: ReactNode },
  { error: boolean }
> {
  override state = { error: false };
  static getDerivedStateFromError() {
    return { error: true };
  }
  override render() {
    if (this.state.error) {
      return (
        <p role="alert" className="rounded-lg border border-line bg-panel p-4 text-sm">
          {this.props.message}
        </p>
      );
    }
    return this.props.children;
  }
}
