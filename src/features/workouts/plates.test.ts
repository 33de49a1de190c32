import { describe, expect, it } from 'vitest';
import { describeSide, parsePlateList, platesFor, STANDARD_PLATES } from './plates';
import { nextSetKind, setKindMark } from './set-kinds';

const kg = { unit: 'kg' as const, barWeight: 20, plates: STANDARD_PLATES.kg };
const lb = { unit: 'lb' as const, barWeight: 45, plates: STANDARD_PLATES.lb };

describe('plates per side', () => {
  it.each([
    ['100 kg on a 20 kg bar', 100, kg, [25, 15], 100, 0],
    ['62.5 kg', 62.5, kg, [20, 1.25], 62.5, 0],
    ['just the bar', 20, kg, [], 20, 0],
    ['a target no plates make: the nearest below', 101, kg, [25, 15], 100, 1],
    ['225 lb on a 45 lb bar', 225, lb, [45, 45], 225, 0],
    ['135 lb', 135, lb, [45], 135, 0],
    ['142.5 lb', 142.5, lb, [45, 2.5], 140, 2.5],
  ])('%s', (_name, target, set, perSide, loaded, missing) => {
    expect(platesFor(target, set)).toEqual({ perSide, loaded, missing, belowBar: false });
  });

  it('uses only the plates the gym has', () => {
    const noTwentyFives = { ...kg, plates: [20, 10, 5, 2.5] };
    expect(platesFor(100, noTwentyFives).perSide).toEqual([20, 20]);
    const onlyTens = { ...kg, plates: [10] };
    expect(platesFor(75, onlyTens)).toMatchObject({ perSide: [10, 10], loaded: 60, missing: 15 });
  });

  it('says when the target is under the bar', () => {
    expect(platesFor(15, kg)).toMatchObject({ belowBar: true, perSide: [] });
    expect(describeSide(platesFor(20, kg))).toBe('Just the bar');
    expect(describeSide(platesFor(60, kg))).toBe('20');
  });

  it('reads a typed plate list and refuses what is not one', () => {
    expect(parsePlateList('25, 20 20 10; 5 2.5')).toEqual({ ok: true, plates: [25, 20, 10, 5, 2.5] });
    expect(parsePlateList('')).toMatchObject({ ok: false });
    expect(parsePlateList('20, heavy')).toEqual({ ok: false, message: '“heavy” is not a plate weight (a number above 0, at most 100)' });
    expect(parsePlateList('0')).toMatchObject({ ok: false });
  });
});

describe('set kinds', () => {
  it('cycle in one tap and show their mark', () => {
    expect(['working', 'warmup', 'drop', 'failure'].map((k) => nextSetKind(k as never))).toEqual(['warmup', 'drop', 'failure', 'working']);
    expect(setKindMark('working', 3)).toBe('3');
    expect(setKindMark('warmup', 1)).toBe('W');
    expect(setKindMark('drop', 2)).toBe('D');
    expect(setKindMark('failure', 4)).toBe('F');
  });
});
