/** A reporting window's start: relative to "now" (`90d`, `12w`, `6m`, `1y`) or a fixed date. */
export type Since =
  | { kind: "relative"; amount: number; unit: "day" | "week" | "month" | "year"; text: string }
  | { kind: "date"; date: string; text: string };

export type SinceResult = { ok: true; value: Since } | { ok: false; error: string };

const UNITS = { d: "day", w: "week", m: "month", y: "year" } as const;
const RELATIVE = /^(\d{1,4})\s*([dwmy])$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_DAYS = 3_660;
const DAYS = { day: 1, week: 7, month: 31, year: 366 } as const;

export const SINCE_FORMS = "`90d`, `12w`, `6m`, `1y` or a date such as `2026-01-31`";

/** Reads `--since` / `/metrics [since]`. Pure: turning it into an instant needs the clock ({@link sinceDate}). */
export function parseSince(input: string): SinceResult {
  const text = input.trim();
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const relative = RELATIVE.exec(text);
  if (relative) {
    const amount = Number(relative[1]);
    const unit = UNITS[relative[2]!.toLowerCase() as keyof typeof UNITS];
    if (amount < 1) return { ok: false, error: `${shown} is an empty period; use at least 1.` };
    if (amount * DAYS[unit] > MAX_DAYS) return { ok: false, error: `${shown} reaches back more than ten years; use a date instead.` };
    return { ok: true, value: { kind: "relative", amount, unit, text } };
  }
  const date = DATE.exec(text);
  if (date) {
    const [, y, mo, d] = date;
    const iso = date[4] === undefined ? `${y}-${mo}-${d}T00:00:00Z` : text.replace(" ", "T") + (date[7] ? "" : "Z");
    const ms = Date.parse(iso);
    const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    const real = calendar.getUTCMonth() === Number(mo) - 1 && calendar.getUTCDate() === Number(d);
    if (!Number.isNaN(ms) && real) return { ok: true, value: { kind: "date", date: new Date(ms).toISOString(), text } };
    return { ok: false, error: `${shown} is not a real date; use ${SINCE_FORMS}.` };
  }
  return { ok: false, error: `${shown} is not a period; use ${SINCE_FORMS}.` };
}

/** The instant a window starts, counted back from `now` in UTC calendar units. */
export function sinceDate(since: Since, now: Date): Date {
  if (since.kind === "date") return new Date(since.date);
  const d = new Date(now.getTime());
  if (since.unit === "day") d.setUTCDate(d.getUTCDate() - since.amount);
  else if (since.unit === "week") d.setUTCDate(d.getUTCDate() - 7 * since.amount);
  else {
    const months = since.unit === "month" ? since.amount : 12 * since.amount;
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - months);
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, lastDay));
  }
  return d;
}
