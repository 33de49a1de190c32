import { describe, expect, it } from 'vitest';
import { togglePick } from './picks';

describe('togglePick', () => {
  it('keeps the order of picking and drops an id tapped again', () => {
    let picked = togglePick([], 'squat');
    picked = togglePick(picked, 'bench');
    picked = togglePick(picked, 'row');
    expect(picked).toEqual(['squat', 'bench', 'row']);
    expect(togglePick(picked, 'bench')).toEqual(['squat', 'row']);
    expect(togglePick(togglePick(picked, 'bench'), 'bench')).toEqual(['squat', 'row', 'bench']);
  });
});
