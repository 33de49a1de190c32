import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laterSide, MAX_CLOCK_SKEW_MS, mergeRow, type Row } from './merge';

const base: Row = {
  id: 'p1',
  name: 'Strength A',
  notes: 'warm up first',
  weeks: 4,
  deleted: false,
  updated_at: '2026-11-01T10:00:00.000Z',
  updated_by_device: 'dev-a',
  server_rev: 10,
};

function edit(changes: Row, at: string, device: string): Row {
  return { ...base, ...changes, updated_at: at, updated_by_device: device };
}

const early = '2026-11-02T08:00:00.000Z';
const late = '2026-11-02T09:00:00.000Z';

describe('mergeRow', () => {
  it.each<[string, Row, Row, Row]>([
    ['different fields both survive', edit({ name: 'Strength B' }, early, 'phone'), edit({ notes: 'go heavy' }, late, 'laptop'), { name: 'Strength B', notes: 'go heavy' }],
    ['same field: the later edit wins', edit({ name: 'Phone name' }, late, 'phone'), edit({ name: 'Laptop name' }, early, 'laptop'), { name: 'Phone name' }],
    ['same field, same time: the larger device id wins', edit({ name: 'From phone' }, early, 'phone'), edit({ name: 'From laptop' }, early, 'laptop'), { name: 'From phone' }],
    ['same field, same value', edit({ weeks: 6 }, early, 'phone'), edit({ weeks: 6 }, late, 'laptop'), { weeks: 6 }],
    ['remote-only change is taken', edit({}, early, 'phone'), edit({ weeks: 8 }, late, 'laptop'), { weeks: 8, name: 'Strength A' }],
    ['delete against an untouched row stands', edit({ deleted: true }, early, 'phone'), edit({}, late, 'laptop'), { deleted: true }],
    ['delete against an edit resurrects with the edit', edit({ deleted: true }, late, 'phone'), edit({ notes: 'new cue' }, early, 'laptop'), { deleted: false, notes: 'new cue' }],
    ['a field cleared on one side stays cleared', edit({ notes: null }, early, 'phone'), edit({ name: 'Renamed' }, late, 'laptop'), { notes: null, name: 'Renamed' }],
  ])('%s', (_name, local, remote, expected) => {
    const merged = mergeRow({ base, local, remote: { ...remote, server_rev: 11 } });
    expect(merged).toMatchObject(expected);
    expect(merged.server_rev).toBe(11);
  });

  it('takes the later edit time and its device for the merged row', () => {
    const merged = mergeRow({ base, local: edit({ name: 'x' }, early, 'phone'), remote: edit({ notes: 'y' }, late, 'laptop') });
    expect(merged).toMatchObject({ updated_at: late, updated_by_device: 'laptop' });
  });

  it('merges meals of a meal plan element by element', () => {
    const meals = [
      { id: 'm1', name: 'Breakfast', items: [{ id: 'i1', grams: 50 }] },
      { id: 'm2', name: 'Lunch', items: [{ id: 'i2', grams: 200 }] },
    ];
    const planBase: Row = { ...base, meals };
    const local: Row = { ...planBase, updated_at: early, meals: [{ ...meals[0], items: [{ id: 'i1', grams: 80 }] }, meals[1]] };
    const remote: Row = { ...planBase, updated_at: late, meals: [meals[0], { ...meals[1], name: 'Big lunch' }, { id: 'm3', name: 'Snack', items: [] }] };
    const merged = mergeRow({ base: planBase, local, remote });
    expect(merged.meals).toEqual([
      { id: 'm1', name: 'Breakfast', items: [{ id: 'i1', grams: 80 }] },
      { id: 'm2', name: 'Big lunch', items: [{ id: 'i2', grams: 200 }] },
      { id: 'm3', name: 'Snack', items: [] },
    ]);
  });

  it('drops a meal removed on one side unless the other side edited it', () => {
    const meals = [{ id: 'm1', name: 'Breakfast' }, { id: 'm2', name: 'Lunch' }];
    const planBase: Row = { ...base, meals };
    const removedBoth = mergeRow({ base: planBase, local: { ...planBase, meals: [meals[0]] }, remote: { ...planBase, notes: 'x' } });
    expect(removedBoth.meals).toEqual([meals[0]]);
    const editedThere = mergeRow({ base: planBase, local: { ...planBase, meals: [meals[0]] }, remote: { ...planBase, meals: [meals[0], { id: 'm2', name: 'Late lunch' }] } });
    expect(editedThere.meals).toEqual([meals[0], { id: 'm2', name: 'Late lunch' }]);
  });

  it('resolves an insert-insert collision (no base) by the later edit per field', () => {
    const local: Row = { id: 'h1', done: true, value: 1, updated_at: early, updated_by_device: 'phone' };
    const remote: Row = { id: 'h1', done: true, value: 2, updated_at: late, updated_by_device: 'laptop' };
    expect(mergeRow({ base: undefined, local, remote })).toMatchObject({ done: true, value: 2, deleted: false });
  });
});

describe('mergeRow properties', () => {
  const fieldValue = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b', 'c'));
  const fields = fc.record({ f1: fieldValue, f2: fieldValue, f3: fieldValue, deleted: fc.boolean() });
  const version = fc.record({
    fields,
    at: fc.integer({ min: 0, max: 3 }).map((n) => new Date(Date.UTC(2026, 10, 1, n)).toISOString()),
    device: fc.constantFrom('dev-a', 'dev-b', 'dev-c'),
  });
  const asRow = (v: { fields: Row; at: string; device: string }): Row => ({ id: 'x', ...v.fields, updated_at: v.at, updated_by_device: v.device });

  it('is symmetric: swapping local and remote gives the same row', () => {
    fc.assert(
      fc.property(fields, version, version, (b, l, r) => {
        const baseRow: Row = { id: 'x', ...b };
        expect(mergeRow({ base: baseRow, local: asRow(l), remote: asRow(r) })).toEqual(mergeRow({ base: baseRow, local: asRow(r), remote: asRow(l) }));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every field that only one side changed', () => {
    fc.assert(
      fc.property(fields, version, version, (b, l, r) => {
        const baseRow: Row = { id: 'x', ...b };
        const merged = mergeRow({ base: baseRow, local: asRow(l), remote: asRow(r) });
        for (const key of ['f1', 'f2', 'f3'] as const) {
          const localChanged = l.fields[key] !== b[key];
          const remoteChanged = r.fields[key] !== b[key];
          if (localChanged && !remoteChanged) expect(merged[key]).toBe(l.fields[key]);
          if (remoteChanged && !localChanged) expect(merged[key]).toBe(r.fields[key]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a device clock in the future', () => {
  const now = Date.parse('2026-12-03T12:00:00.000Z');
  it('does not win by its clock: a time past now plus the skew loses to any believable edit', () => {
    const future = edit({ name: 'From 2125' }, '2125-01-01T00:00:00.000Z', 'dev-a');
    const honest = edit({ name: 'Typed just now' }, new Date(now + MAX_CLOCK_SKEW_MS - 1).toISOString(), 'dev-b');
    expect(laterSide(future, honest, now)).toBe('remote');
    expect(laterSide(honest, future, now)).toBe('local');
  });

  it('keeps the order of edits within the skew allowed', () => {
    const a = edit({ name: 'a' }, new Date(now + 60_000).toISOString(), 'dev-a');
    const b = edit({ name: 'b' }, new Date(now + 120_000).toISOString(), 'dev-a');
    expect(laterSide(a, b, now)).toBe('remote');
  });
});
