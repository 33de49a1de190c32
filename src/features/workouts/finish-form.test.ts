import { describe, expect, it } from 'vitest';
import { finishDefaults, finishFormModel } from './finish-form';

describe('finish form', () => {
  it('defaults parse', () => {
    expect(finishFormModel.parse(finishDefaults('partial', 2710))).toEqual({ status: 'partial', durationMinutes: 45, rating: null, notes: '' });
  });
  it.each([
    [{ durationMinutes: 0 }, 'At least 1 minute'],
    [{ durationMinutes: 1441 }, 'At most 24 hours'],
    [{ notes: 'x'.repeat(4001) }, 'Notes are at most 4000 characters'],
  ])('refuses %j', (changes, message) => {
    const parsed = finishFormModel.safeParse({ ...finishDefaults('completed', 60), ...changes });
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe(message);
  });
  it('keeps a short session at one minute', () => {
    expect(finishDefaults('completed', 5).durationMinutes).toBe(1);
  });
});
