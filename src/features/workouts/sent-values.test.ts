import { describe, expect, it } from 'vitest';
import { afterRowChange, dropSent, latestValues, settleSent, withSent, type StoredValues } from './sent-values';

const stored: StoredValues = { weightKg: 60, reps: 9, rir: null, rpe: null, durationSeconds: null };

describe('sent values of a set row', () => {
  it('stand over the stored row until the row shows them', () => {
    const sent = withSent({}, 'reps', 12);
    expect(latestValues(stored, sent).reps).toBe(12);
    // A row changed by another field's write still has the old reps: the entry stays.
    expect(afterRowChange(sent, { ...stored, weightKg: 62.5 })).toBe(sent);
    expect(afterRowChange(sent, { ...stored, reps: 12 })).toEqual({});
  });

  it('give way to the next row once their write has settled', () => {
    const sent = settleSent(withSent({}, 'weightKg', 70), 'weightKg', 70);
    expect(latestValues(stored, sent).weightKg).toBe(70);
    // A pull merged another value meanwhile: that is what the row is now.
    expect(afterRowChange(sent, { ...stored, weightKg: 65 })).toEqual({});
  });

  it('keep a newer value when an older write settles or fails', () => {
    const sent = withSent(withSent({}, 'reps', 12), 'reps', 13);
    expect(settleSent(sent, 'reps', 12)).toBe(sent);
    expect(dropSent(sent, 'reps', 12)).toBe(sent);
    expect(dropSent(sent, 'reps', 13)).toEqual({});
  });

  it('keep a cleared field as null, not as the stored value', () => {
    expect(latestValues(stored, withSent({}, 'weightKg', null)).weightKg).toBeNull();
  });
});
