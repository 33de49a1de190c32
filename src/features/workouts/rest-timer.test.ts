import { describe, expect, it } from 'vitest';
import { adjustRest, DEFAULT_REST_SECONDS, formatClock, isRestOver, parseRestTimer, remainingMs, restEndsAt, startRest } from './rest-timer';

const T0 = Date.parse('2026-11-25T10:00:00.000Z');

describe('rest timer from timestamps', () => {
  it.each<[string, number, number, boolean]>([
    ['just started', 0, 90_000, false],
    ['30 s in', 30_000, 60_000, false],
    ['half a second before the end', 89_500, 500, false],
    ['exactly at the end', 90_000, 0, true],
    ['long after (phone was locked)', 3_600_000, 0, true],
  ])('%s', (_label, elapsed, remaining, over) => {
    const timer = startRest(T0, 90);
    expect(remainingMs(timer, T0 + elapsed)).toBe(remaining);
    expect(isRestOver(timer, T0 + elapsed)).toBe(over);
  });

  it('depends only on the clock, not on how often it was looked at', () => {
    const timer = startRest(T0, 120);
    // No ticks between: a background tab or a locked screen runs no intervals.
    expect(remainingMs(timer, T0 + 100_000)).toBe(20_000);
  });

  it('survives being stored and read back (reload, app switch)', () => {
    const timer = startRest(T0, 150, 'set-1');
    const restored = parseRestTimer(JSON.parse(JSON.stringify(timer)));
    expect(restored).toEqual(timer);
    expect(restEndsAt(restored!)).toBe(T0 + 150_000);
  });

  it.each([null, undefined, 0, -5])('uses the default rest for %s', (seconds) => {
    expect(startRest(T0, seconds).durationSeconds).toBe(DEFAULT_REST_SECONDS);
  });

  it.each<[number, number, number, number]>([
    [90, 0, 15, 105],
    [90, 0, -15, 75],
    [90, 80_000, -30, 80],
    [3590, 0, 30, 3600],
  ])('adjusting a %ds rest at +%dms by %ds gives %ds', (duration, elapsed, by, expected) => {
    expect(adjustRest(startRest(T0, duration), by, T0 + elapsed).durationSeconds).toBe(expected);
  });

  it.each<[number, string]>([
    [90_000, '1:30'],
    [5_000, '0:05'],
    [4_001, '0:05'],
    [0, '0:00'],
    [-10, '0:00'],
    [720_000, '12:00'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it.each([null, 'x', { startedAt: 'now', durationSeconds: 90 }, { startedAt: T0, durationSeconds: 0 }])('refuses a stored %j', (value) => {
    expect(parseRestTimer(value)).toBeNull();
  });
});
