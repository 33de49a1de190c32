/**
 * A measured field over time, as the progress charts draw it: the points in a range, a
 * least-squares trend line through them, and the change over the last 7, 30 and 90 days.
 * - A range of N days keeps the points measured within N days before the latest point
 *   ('all' keeps every point); the chart follows the user's data, not the clock.
 * - The trend is the least-squares line of value against time; it needs two points at
 *   different times, else there is none.
 * - The change over N days is the latest value minus the earliest one within the N days
 *   before the latest; null when there is only one point in that window.
 */
export type RangeKey = '7d' | '30d' | '90d' | '1y' | 'all';

export const RANGES: ReadonlyArray<{ key: RangeKey; label: string; days: number | null }> = [
  { key: '7d', label: '7 days', days: 7 },
  { key: '30d', label: '30 days', days: 30 },
  { key: '90d', label: '90 days', days: 90 },
  { key: '1y', label: '1 year', days: 365 },
  { key: 'all', label: 'All', days: null },
];

export type SeriesPoint = { at: number; value: number };
export type TrendPoint = SeriesPoint & { trend: number | null };

const DAY_MS = 86_400_000;

/** Points of one field, oldest first, leaving out rows without it. */
export function seriesOf<Row extends { measured_at: string }>(
  rows: readonly Row[],
  value: (row: Row) => number | null | undefined,
): SeriesPoint[] {
  return rows
    .flatMap((row) => {
      const v = value(row);
      return v === null || v === undefined || !Number.isFinite(v) ? [] : [{ at: Date.parse(row.measured_at), value: v }];
    })
    .sort((a, b) => a.at - b.at);
}

export function inRange(points: readonly SeriesPoint[], range: RangeKey): SeriesPoint[] {
  const days = RANGES.find((r) => r.key === range)?.days ?? null;
  const last = points[points.length - 1];
  if (days === null || !last) return [...points];
  return points.filter((p) => p.at >= last.at - days * DAY_MS);
}

/** Slope (per ms) and intercept of the least-squares line, or null. */
export function leastSquares(points: readonly SeriesPoint[]): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.at, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.at - meanX) ** 2;
    sxy += (p.at - meanX) * (p.value - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** The points with the trend line's value at each. */
export function withTrend(points: readonly SeriesPoint[]): TrendPoint[] {
  const line = leastSquares(points);
  return points.map((p) => ({ ...p, trend: line ? line.slope * p.at + line.intercept : null }));
}

/** Trend per week (value units per 7 days), or null. */
export function weeklyRate(points: readonly SeriesPoint[]): number | null {
  const line = leastSquares(points);
  return line ? line.slope * 7 * DAY_MS : null;
}

export type Change = { days: number; change: number | null; from: number | null; to: number | null };

export function changeOver(points: readonly SeriesPoint[], days: number): Change {
  const last = points[points.length - 1];
  if (!last) return { days, change: null, from: null, to: null };
  const window = points.filter((p) => p.at >= last.at - days * DAY_MS);
  const first = window[0];
  if (!first || window.length < 2) return { days, change: null, from: null, to: last.value };
  return { days, change: Math.round((last.value - first.value) * 10) / 10, from: first.value, to: last.value };
}

export function changeSummary(points: readonly SeriesPoint[]): Change[] {
  return [7, 30, 90].map((days) => changeOver(points, days));
}
