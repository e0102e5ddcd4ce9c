/** Mean, median and 90th percentile of a set of durations, in milliseconds. */
export interface DurationSummary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/**
 * Median: the middle value, or the mean of the two middle values for an even count.
 * p90: the nearest-rank method: the smallest value with at least 90% of values at or
 * below it (the value at rank ⌈0.9·n⌉), so it is always a duration that really happened.
 */
export function summarizeDurations(values: readonly number[]): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null };
  const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  return { count: n, mean, median, p90 };
}
