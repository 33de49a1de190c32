import { describe, expect, it } from 'vitest';
import { noPlanText } from './booking-text';

describe('noPlanText', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  it('offers the trial meeting only while the trial lasts', () => {
    expect(noPlanText('2026-12-05T10:00:00Z', now)).toMatch(
      /^No subscription yet: until your trial ends on .* you get Plan 1's free meeting\.$/,
    );
    expect(noPlanText('2026-12-01T10:00:00Z', now)).toBe(
      'No subscription: your trial has ended. Buy sessions from your trainer, or ask them about a plan.',
    );
    expect(noPlanText(null, now)).toMatch(/trial has ended/);
  });
});
