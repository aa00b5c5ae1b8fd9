"use client";

import { useId, useSyncExternalStore } from "react";
import { inputClass, labelClass } from "./field-classes";

const noChanges = () => () => undefined;
let zoneList: string[] | undefined;
/** The runtime's IANA zones (UTC first), made once: the same array on every render. */
function browserZones(): string[] {
  if (!zoneList) {
    const all = Intl.supportedValuesOf("timeZone");
    zoneList = all.includes("UTC") ? all : ["UTC", ...all];
  }
  return zoneList;
}
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The cohort's time zone: due dates are days in it. The server renders the current value only;
 * the browser fills in its list of zones and, for a new cohort, starts at its own zone (which the
 * server cannot know).
 */
export function TimeZoneField({
  label,
  defaultValue,
  guess = false,
}: {
  label: string;
  defaultValue: string;
  /** Start at the browser's zone (a new cohort) instead of `defaultValue`. */
  guess?: boolean;
}) {
  const id = useId();
  const zones = useSyncExternalStore(noChanges, browserZones, () => null);
  const own = useSyncExternalStore(noChanges, browserZone, () => null);
  const initial = guess && own ? own : defaultValue;
  const options = zones ? (zones.includes(initial) ? zones : [initial, ...zones]) : [initial];
  return (
    <>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select key={initial} id={id} name="timeZone" defaultValue={initial} className={inputClass}>
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </>
  );
}
