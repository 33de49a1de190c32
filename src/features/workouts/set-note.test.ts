import { describe, expect, it } from 'vitest';
import { setNoteModel } from './set-note';

describe("a set's note", () => {
  it('is trimmed, and blank is none', () => {
    expect(setNoteModel.parse('  Belt on, felt easy ')).toBe('Belt on, felt easy');
    expect(setNoteModel.parse('   ')).toBeNull();
  });

  it('refuses more than the server keeps, saying the limit', () => {
    const result = setNoteModel.safeParse('x'.repeat(2001));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("A set's note is at most 2,000 characters");
  });
});
