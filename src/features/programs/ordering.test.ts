import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOrdered, initialPositions, moveItem, positionForInsert, positionsAtEnd, sortByPosition, type Ordered } from './ordering';

function apply(items: Ordered[], changes: { id: string; position: string }[]): Ordered[] {
  const byId = new Map(changes.map((c) => [c.id, c.position]));
  return items.map((item) => ({ ...item, position: byId.get(item.id) ?? item.position }));
}
const ids = (items: Ordered[]) => sortByPosition(items).map((i) => i.id);
const list = (...names: string[]): Ordered[] => {
  const keys = initialPositions(names.length);
  return names.map((id, i) => ({ id, position: keys[i] as string }));
};

describe('ordering keys', () => {
  it('compares bytewise (collation C), not by locale, and breaks ties by id', () => {
    // Locale order would put lower-case 'a' before upper-case 'Z'; bytewise it comes after.
    expect(sortByPosition([{ id: '1', position: 'a' }, { id: '2', position: 'Z' }]).map((i) => i.id)).toEqual(['2', '1']);
    expect(compareOrdered({ id: 'b', position: 'a0' }, { id: 'a', position: 'a0' })).toBeGreaterThan(0);
  });

  it.each([
    { name: 'to the top', from: 'c', to: 0, expected: ['c', 'a', 'b', 'd'] },
    { name: 'to the bottom', from: 'a', to: 3, expected: ['b', 'c', 'd', 'a'] },
    { name: 'one down', from: 'b', to: 2, expected: ['a', 'c', 'b', 'd'] },
    { name: 'one up', from: 'c', to: 1, expected: ['a', 'c', 'b', 'd'] },
  ])('moves an item $name writing only its own key', ({ from, to, expected }) => {
    const items = list('a', 'b', 'c', 'd');
    const changes = moveItem(items, from, to);
    expect(changes.map((c) => c.id)).toEqual([from]);
    expect(ids(apply(items, changes))).toEqual(expected);
  });

  it('writes nothing when an item stays in place', () => {
    expect(moveItem(list('a', 'b'), 'b', 1)).toEqual([]);
  });

  it('renumbers when keys from elsewhere are not fractional indexes (seed keys like "a", "a000")', () => {
    const items = [
      { id: 'x', position: 'a' },
      { id: 'y', position: 'a000' },
      { id: 'z', position: 'a001' },
    ];
    const changes = moveItem(items, 'z', 0);
    expect(ids(apply(items, changes))).toEqual(['z', 'x', 'y']);
    const insert = positionForInsert(items, 1);
    const withNew = [...apply(items, insert.changes), { id: 'new', position: insert.position }];
    expect(ids(withNew)).toEqual(['x', 'new', 'y', 'z']);
  });

  it('separates items that two devices gave the same key', () => {
    const items = [
      { id: 'a', position: 'a0' },
      { id: 'b', position: 'a1' },
      { id: 'c', position: 'a1' },
    ];
    const changes = moveItem(items, 'a', 1);
    const moved = apply(items, changes);
    expect(ids(moved)).toEqual(['b', 'a', 'c']);
    expect(new Set(moved.map((i) => i.position)).size).toBe(3);
  });

  it('appends after the last item', () => {
    const items = list('a', 'b');
    const { positions, changes } = positionsAtEnd(items, 2);
    expect(changes).toEqual([]);
    expect(ids([...items, { id: 'c', position: positions[0] as string }, { id: 'd', position: positions[1] as string }])).toEqual(['a', 'b', 'c', 'd']);
    expect(positionsAtEnd([], 1).positions).toEqual(['a0']);
  });

  it('keeps keys within the 64 characters the server allows after many inserts at the front', () => {
    let items: Ordered[] = list('seed');
    for (let i = 0; i < 200; i += 1) {
      const { position, changes } = positionForInsert(items, 0);
      items = [...apply(items, changes), { id: `n${i}`, position }];
    }
    expect(Math.max(...items.map((i) => i.position.length))).toBeLessThanOrEqual(64);
    expect(ids(items)[0]).toBe('n199');
  });

  it('any sequence of moves ends in the order asked for (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 30 }), (moves) => {
        let items = list('a', 'b', 'c', 'd', 'e', 'f');
        let expected = ids(items);
        for (const [fromIndex, toIndex] of moves) {
          const id = expected[fromIndex] as string;
          items = apply(items, moveItem(items, id, toIndex));
          expected = expected.filter((x) => x !== id);
          expected.splice(Math.min(toIndex, expected.length), 0, id);
        }
        expect(ids(items)).toEqual(expected);
      }),
    );
  });
});
