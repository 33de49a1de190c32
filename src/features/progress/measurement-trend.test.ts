import { describe, expect, it } from 'vitest';
import { changeOver, changeSummary, inRange, leastSquares, seriesOf, weeklyRate, withTrend } from './measurement-trend';

const day = (d: string) => `${d}T07:00:00.000Z`;
const rows = [
  { measured_at: day('2026-01-01'), weight_kg: 84 },
  { measured_at: day('2026-02-15'), weight_kg: 82 },
  { measured_at: day('2026-03-20'), weight_kg: null },
  { measured_at: day('2026-03-25'), weight_kg: 81 },
  { measured_at: day('2026-03-30'), weight_kg: 80.5 },
  { measured_at: day('2026-04-01'), weight_kg: 80 },
];
const points = seriesOf(rows, (r) => r.weight_kg);

describe('series and ranges', () => {
  it('keeps rows with a value, oldest first', () => {
    expect(seriesOf([...rows].reverse(), (r) => r.weight_kg).map((p) => p.value)).toEqual([84, 82, 81, 80.5, 80]);
  });

  it.each([
    ['7d', [81, 80.5, 80]],
    ['30d', [81, 80.5, 80]],
    ['90d', [84, 82, 81, 80.5, 80]],
    ['all', [84, 82, 81, 80.5, 80]],
  ] as const)('range %s keeps %o', (range, values) => {
    expect(inRange(points, range).map((p) => p.value)).toEqual(values);
  });
});

describe('trend line', () => {
  it('goes through points on a straight line exactly', () => {
    const line = [0, 1, 2, 3].map((i) => ({ at: i * 86_400_000, value: 80 - i * 0.5 }));
    expect(withTrend(line).map((p) => Number(p.trend?.toFixed(6)))).toEqual([80, 79.5, 79, 78.5]);
    expect(weeklyRate(line)).toBeCloseTo(-3.5, 9);
  });

  it.each([
    ['no points', []],
    ['one point', [{ at: 0, value: 80 }]],
    [
      'two points at the same time',
      [
        { at: 5, value: 80 },
        { at: 5, value: 81 },
      ],
    ],
  ])('is absent for %s', (_name, pts) => {
    expect(leastSquares(pts)).toBeNull();
    expect(withTrend(pts).every((p) => p.trend === null)).toBe(true);
  });

  it('is the least-squares fit of scattered points', () => {
    // x = 0, 1, 2 days; y = 1, 3, 2: slope 0.5 per day, intercept 1.5
    const pts = [1, 3, 2].map((value, i) => ({ at: i * 86_400_000, value }));
    expect(withTrend(pts).map((p) => p.trend)).toEqual([1.5, 2, 2.5]);
  });
});

describe('change summary', () => {
  it.each([
    [7, -1, 81, 80], // 25 Mar → 1 Apr
    [30, -1, 81, 80],
    [90, -4, 84, 80], // 1 Jan is exactly 90 days before 1 Apr
  ])('over %i days: %d (%d → %d)', (days, change, from, to) => {
    expect(changeOver(points, days)).toEqual({ days, change, from, to });
  });

  it('has no change with a single point in the window', () => {
    expect(changeSummary([{ at: 0, value: 80 }])).toEqual([
      { days: 7, change: null, from: null, to: 80 },
      { days: 30, change: null, from: null, to: 80 },
      { days: 90, change: null, from: null, to: 80 },
    ]);
    expect(changeOver([], 7)).toEqual({ days: 7, change: null, from: null, to: null });
  });
});
