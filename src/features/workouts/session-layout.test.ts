import { describe, expect, it } from 'vitest';
import { EMPTY_LAYOUT, parseLayout, renameSlot, sessionLayoutModel, withSkipped } from './session-layout';

describe('session layout', () => {
  it('defaults parse', () => {
    expect(sessionLayoutModel.parse({})).toEqual(EMPTY_LAYOUT);
  });
  it.each([null, '', '{', '[]', '{"order":"x"}'])('reads %j as empty', (raw) => {
    expect(parseLayout(raw)).toEqual(raw === '{"order":"x"}' ? { order: [], skipped: [] } : EMPTY_LAYOUT);
  });
  it('skips and restores', () => {
    const skipped = withSkipped(EMPTY_LAYOUT, 'a', true);
    expect(skipped.skipped).toEqual(['a']);
    expect(withSkipped(skipped, 'a', false).skipped).toEqual([]);
  });
  it('renames a slot in place', () => {
    expect(renameSlot({ order: ['a', 'x:1', 'b'], skipped: ['x:1'] }, 'x:1', 'x:2')).toEqual({ order: ['a', 'x:2', 'b'], skipped: ['x:2'] });
  });
});
