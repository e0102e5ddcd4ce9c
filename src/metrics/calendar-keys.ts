const DAY = 86_400_000;

/** The ISO 8601 week of an instant, in UTC: `2026-W01` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(iso: string): string {
  const d = new Date(iso);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
  const thursday = new Date(midnight + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The calendar month of an instant, in UTC: `2026-01`. */
export function monthKey(iso: string): string {
  return new Date(iso).toISOString().slice(0, 7);
}

/** Every ISO week from the one holding `from` to the one holding `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const start = new Date(from);
  const monday = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()) - ((start.getUTCDay() + 6) % 7) * DAY;
  const last = isoWeek(to);
  const weeks: string[] = [];
  for (let t = monday; weeks.at(-1) !== last && weeks.length < 10_000; t += 7 * DAY) weeks.push(isoWeek(new Date(t).toISOString()));
  return weeks;
}

/** Every month from the one holding `from` to the one holding `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const start = new Date(from);
  const last = monthKey(to);
  const months: string[] = [];
  for (let m = 0; months.at(-1) !== last && months.length < 1_000; m++) {
    months.push(monthKey(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1)).toISOString()));
  }
  return months;
}
