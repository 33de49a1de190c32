import { describe, expect, it } from 'vitest';
import { validateCredentials } from './credentials';

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
