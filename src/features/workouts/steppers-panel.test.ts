import { describe, expect, it } from 'vitest';
import { scrollToClear } from './steppers-panel';

describe('scrollToClear', () => {
  const panel = { bottom: 190 };
  it.each([
    { name: 'a row well below the panel stays put', row: { top: 300 }, by: 0 },
    { name: 'a row just below the gap stays put', row: { top: 198 }, by: 0 },
    { name: 'a row under the panel is scrolled down clear of it', row: { top: 120 }, by: -78 },
    { name: 'a row half under its bottom edge too', row: { top: 180 }, by: -18 },
    { name: 'a row above the panel (under the header) too', row: { top: 10 }, by: -188 },
  ])('$name', ({ row, by }) => {
    expect(scrollToClear(row, panel)).toBe(by);
  });
});
