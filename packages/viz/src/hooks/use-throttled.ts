"use client";

import { useEffect, useRef, useState } from "react";

/*
 * Live text alternatives of figures that redraw every frame must not make a screen reader talk
 * every frame: these hooks let a value through at most once per interval.
 */

/**
 * `value`, but changing at most once per `interval` ms (the last value always arrives): live
 * text alternatives use it so a screen reader is not read every frame of an animation.
 */
export function useThrottledValue<T>(value: T, interval: number): T {
  const [shown, setShown] = useState(value);
  const lastChange = useRef(0);
  useEffect(() => {
    if (interval <= 0 || Object.is(value, shown)) return;
    const wait = Math.max(0, lastChange.current + interval - Date.now());
    const id = setTimeout(() => {
      lastChange.current = Date.now();
      setShown(value);
    }, wait);
    return () => {
      clearTimeout(id);
    };
  }, [value, shown, interval]);
  return interval <= 0 ? value : shown;
}

/**
 * A value derived from fast-changing inputs (a text alternative while training runs), recomputed
 * at most once per `interval` ms and only when one of `inputs` has changed: a polite live region
 * that changed every animation frame would talk over itself, and the words cost time to find.
 * The first value is computed during the first render, so it is there on the server too.
 */
export function useThrottledComputation<T>(
  compute: () => T,
  inputs: readonly unknown[],
  interval: number,
): T {
  const [value, setValue] = useState(compute);
  const latest = useRef(compute);
  const shownInputs = useRef(inputs);
  const last = useRef(0);
  useEffect(() => {
    latest.current = compute;
    const previous = shownInputs.current;
    if (inputs.length === previous.length && inputs.every((v, i) => Object.is(v, previous[i]))) {
      return;
    }
    const wait = Math.max(0, last.current + interval - performance.now());
    const id = setTimeout(() => {
      last.current = performance.now();
      shownInputs.current = inputs;
      setValue(latest.current);
    }, wait);
    return () => {
      clearTimeout(id);
    };
  });
  return value;
}
