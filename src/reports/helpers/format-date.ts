import { toEpochMs } from "../../time/duration.js";

export type DateStyle = "datetime" | "date" | "time" | "iso";

/**
 * Formats an instant in UTC, independent of the machine's time zone and locale:
 * `datetime` → `2026-03-14 09:05 UTC`, `date` → `2026-03-14`, `time` → `09:05 UTC`,
 * `iso` → `2026-03-14T09:05:00.000Z`. `undefined` for a missing or unparsable value.
 */
export function formatDate(value: unknown, style: DateStyle = "datetime"): string | undefined {
  const ms = toEpochMs(value);
  if (ms === undefined) return undefined;
  const iso = new Date(ms).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  switch (style) {
    case "date":
      return date;
    case "time":
      return `${time} UTC`;
    case "iso":
      return iso;
    default:
      return `${date} ${time} UTC`;
  }
}

export function isDateStyle(value: unknown): value is DateStyle {
  return value === "datetime" || value === "date" || value === "time" || value === "iso";
}
