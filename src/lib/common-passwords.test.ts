import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('isCommonPassword', () => {
  it.each([
    ['password', true],
    ['Password', true],
    ['123456', true],
    ['qwerty123', true],
    ['correct horse battery staple', false],
    ['fitcoach-demo', false],
  ])('%j → %s', (password, common) => {
    expect(isCommonPassword(password)).toBe(common);
  });
});
