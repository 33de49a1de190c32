import { describe, expect, it } from 'vitest';
import { afterTick } from './supersets';

type Rows = Array<{ key: string; done: boolean }>;
const slot = (key: string, group: string | null, rest: number | null, rows: Rows) => ({
  key,
  skipped: false,
  prescription: { superset_group: group, rest_seconds: rest } as never,
  rows,
});
const sets = (name: string, done: number, total = 3): Rows =>
  Array.from({ length: total }, (_, i) => ({ key: `${name}${i + 1}`, done: i < done }));

describe('after a tick in a superset', () => {
  it.each([
    [
      'A1 set 1 done: straight to A2, no rest',
      [slot('a1', 'A', 60, sets('a1-', 1)), slot('a2', 'A', 90, sets('a2-', 0))],
      'a1-1',
      { restSeconds: false, nextSlotKey: 'a2' },
    ],
    [
      'A2 set 1 closes the round: rest (the longest of the group), then A1',
      [slot('a1', 'A', 60, sets('a1-', 1)), slot('a2', 'A', 90, sets('a2-', 1))],
      'a2-1',
      { restSeconds: 90, nextSlotKey: 'a1' },
    ],
    [
      'a circuit of three: B goes to C',
      [slot('a', 'C', 30, sets('a-', 2)), slot('b', 'C', 30, sets('b-', 2)), slot('c', 'C', 30, sets('c-', 1))],
      'b-2',
      { restSeconds: false, nextSlotKey: 'c' },
    ],
    [
      'the last set of all: rest, nothing next',
      [slot('a1', 'A', 60, sets('a1-', 3)), slot('a2', 'A', 90, sets('a2-', 3))],
      'a2-3',
      { restSeconds: 90, nextSlotKey: null },
    ],
    [
      'no superset: its own rest',
      [slot('x', null, 120, sets('x-', 1)), slot('a1', 'A', 60, sets('a1-', 0))],
      'x-1',
      { restSeconds: 120, nextSlotKey: null },
    ],
    [
      'an exercise of another group is not next',
      [slot('a1', 'A', 60, sets('a1-', 1)), slot('b1', 'B', 60, sets('b1-', 0))],
      'a1-1',
      { restSeconds: 60, nextSlotKey: null },
    ],
  ])('%s', (_name, slots, rowKey, expected) => {
    expect(afterTick(slots, rowKey)).toEqual(expected);
  });
});
