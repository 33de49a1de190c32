import { describe, expect, it } from 'vitest';
import { formatDuration, formatReps, parseDurationMinutes, parseLoad, parseName, parseReps, parseRest, parseSuperset, parseTempo, parseWhole } from './prescription-fields';

describe('builder fields', () => {
  it.each([
    { text: '8', expected: { ok: true, value: { reps_min: 8, reps_max: 8 } } },
    { text: '8-12', expected: { ok: true, value: { reps_min: 8, reps_max: 12 } } },
    { text: ' 8 – 12 ', expected: { ok: true, value: { reps_min: 8, reps_max: 12 } } },
    { text: '', expected: { ok: true, value: { reps_min: null, reps_max: null } } },
    { text: '12-8', expected: { ok: false, message: 'The top of the rep range must not be below the bottom' } },
    { text: 'lots', expected: { ok: false, message: 'Reps must be a number like 8 or a range like 8-12' } },
  ])('reps "$text"', ({ text, expected }) => {
    expect(parseReps(text)).toEqual(expected);
  });

  it.each([
    { text: '100', unit: 'kg' as const, expected: { ok: true, value: { load_kg: 100, load_percent_1rm: null } } },
    { text: '62,5', unit: 'kg' as const, expected: { ok: true, value: { load_kg: 62.5, load_percent_1rm: null } } },
    { text: '75%', unit: 'percent' as const, expected: { ok: true, value: { load_kg: null, load_percent_1rm: 75 } } },
    { text: '0', unit: 'percent' as const, expected: { ok: false, message: '% of 1RM must be more than 0 and at most 150' } },
    { text: '-5', unit: 'kg' as const, expected: { ok: false, message: 'Load must be at least 0 and at most 2000' } },
  ])('load "$text" in $unit', ({ text, unit, expected }) => {
    expect(parseLoad(text, unit)).toEqual(expected);
  });

  it.each([
    { text: '90', value: 90 },
    { text: '1:30', value: 90 },
    { text: '', value: null },
  ])('rest "$text"', ({ text, value }) => {
    expect(parseRest(text)).toEqual({ ok: true, value });
  });

  it('rejects specific bad input with a specific message', () => {
    expect(parseRest('4000')).toEqual({ ok: false, message: 'Rest (seconds) must be between 0 and 3600' });
    expect(parseWhole('3.5', 'Sets', 1, 100)).toEqual({ ok: false, message: 'Sets must be a whole number' });
    expect(parseWhole('0', 'Sets', 1, 100)).toEqual({ ok: false, message: 'Sets must be between 1 and 100' });
    expect(parseTempo('slow')).toEqual({ ok: false, message: 'Tempo looks like 3-1-1-0 or 31X0' });
    expect(parseName('   ', 'Day name')).toEqual({ ok: false, message: 'Day name cannot be empty' });
    expect(parseDurationMinutes('0')).toMatchObject({ ok: false });
  });

  it('normalises what it accepts', () => {
    expect(parseTempo('31x0')).toEqual({ ok: true, value: '31X0' });
    expect(parseSuperset(' a ')).toEqual({ ok: true, value: 'A' });
    expect(parseDurationMinutes('12:30')).toEqual({ ok: true, value: 750 });
    expect(formatDuration(750)).toBe('12:30');
    expect(formatDuration(1200)).toBe('20');
    expect(formatReps({ reps_min: 8, reps_max: 12 })).toBe('8-12');
    expect(formatReps({ reps_min: 5, reps_max: 5 })).toBe('5');
  });
});
