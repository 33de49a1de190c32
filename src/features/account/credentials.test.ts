import { describe, expect, it } from 'vitest';
import { validateCredentials, validateSignUp } from './credentials';

describe('validateCredentials', () => {
  it.each([
    [{ email: 'ann@example.com', password: 'secret1' }, {}],
    [{ email: '', password: 'secret1' }, { email: 'Enter your email address' }],
    [{ email: 'not-an-email', password: 'secret1' }, { email: 'Enter a valid email address, like name@example.com' }],
    [{ email: 'ann@example.com', password: '123' }, { password: 'The password must be at least 6 characters' }],
  ])('%j gives errors %j', (input, expected) => {
    const result = validateCredentials(input);
    expect(result.ok ? {} : result.errors).toEqual(expected);
  });

  it('trims the email it accepts', () => {
    const result = validateCredentials({ email: '  ann@example.com ', password: 'secret1' });
    expect(result.ok && result.value.email).toBe('ann@example.com');
  });
});

describe('validateSignUp', () => {
  it.each([
    [{ email: 'ann@example.com', password: 'secret1', fullName: 'Ann Lee', role: 'client' }, {}],
    [{ email: 'ann@example.com', password: 'secret1', fullName: '  ', role: 'trainer' }, { fullName: 'Enter your name' }],
    [{ email: '', password: '1', fullName: 'Ann', role: 'client' }, { email: 'Enter your email address', password: 'The password must be at least 6 characters' }],
  ])('%j gives errors %j', (input, expected) => {
    const result = validateSignUp(input);
    expect(result.ok ? {} : result.errors).toEqual(expected);
  });

  it('never lets sign-up ask for admin', () => {
    expect(validateSignUp({ email: 'a@b.co', password: 'secret1', fullName: 'A', role: 'admin' }).ok).toBe(false);
  });
});
