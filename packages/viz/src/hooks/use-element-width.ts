"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * The rendered width of an element in CSS pixels, updated on resize, so canvases can be drawn
 * at their real size from a 360 px phone to a wide screen. `fallback` is used on the server and
 * before the first measurement.
 */
export function useElementWidth(ref: RefObject<Element | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return width;
}
