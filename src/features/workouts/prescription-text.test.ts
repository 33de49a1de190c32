import { describe, expect, it } from 'vitest';
import { distanceText, prescriptionLines, restText, tempoMeaning } from './prescription-text';

describe('what the trainer prescribed, in words', () => {
  it.each([
    ['3-1-1-0', '3-1-1-0', '3 s down, 1 s pause at the bottom, 1 s up, no pause at the top'],
    ['31X0', '3-1-X-0', '3 s down, 1 s pause at the bottom, up explosive, no pause at the top'],
    ['2:0:2', '2-0-2', '2 s down, no pause at the bottom, 2 s up'],
    ['40x1', '4-0-X-1', '4 s down, no pause at the bottom, up explosive, 1 s pause at the top'],
  ])('tempo %s', (tempo, shown, meaning) => {
    expect(tempoMeaning(tempo)).toEqual({ shown, meaning });
  });

  it('refuses what is no tempo', () => {
    expect(tempoMeaning('slow')).toBeNull();
    expect(tempoMeaning('31')).toBeNull();
  });

  it.each([
    [45, '45 s'],
    [90, '1:30'],
    [180, '3:00'],
  ])('rest %i s is %s', (seconds, text) => expect(restText(seconds)).toBe(text));

  it.each([
    [5000, 'kg', '5 km'],
    [800, 'kg', '800 m'],
    [5000, 'lb', '3.11 mi'],
  ] as const)('%i m in a %s profile is %s', (metres, unit, text) => expect(distanceText(metres, unit)).toBe(text));

  it('lists the extras in the order a lifter needs them, and nothing when there are none', () => {
    expect(prescriptionLines({ tempo: '3-1-1-0', rest_seconds: 90, drop_sets: 1, superset_group: 'A', tut_seconds: 40 }, 'kg')).toEqual([
      'Superset A: alternate with the other exercises of A',
      'Tempo 3-1-1-0: 3 s down, 1 s pause at the bottom, 1 s up, no pause at the top',
      '40 s under tension a set',
      'Then a drop set',
      'Rest 1:30',
    ]);
    expect(prescriptionLines({ drop_sets: 0, tempo: null }, 'kg')).toEqual([]);
  });
});
