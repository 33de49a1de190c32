import { describe, expect, it } from 'vitest';
import { inviteCodeModel, inviteEmailModel, rosterLabel, sortRoster } from './roster-model';

describe('roster model', () => {
  it.each([
    { text: '', value: null },
    { text: '  Alex@Example.com ', value: 'alex@example.com' },
  ])('invitation email "$text"', ({ text, value }) => {
    expect(inviteEmailModel.parse(text)).toBe(value);
  });

  it('refuses a malformed email with a clear message', () => {
    const result = inviteEmailModel.safeParse('alex@');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Enter an email address like name@example.com, or leave it empty');
  });

  it.each([
    { text: 'demoalex01', value: 'DEMOALEX01' },
    { text: 'AB12 CD-34', value: 'AB12CD34' },
  ])('invitation code "$text"', ({ text, value }) => {
    expect(inviteCodeModel.parse(text)).toBe(value);
  });

  it('refuses a code that cannot be one', () => {
    expect(inviteCodeModel.safeParse('abc').error?.issues[0]?.message).toBe('An invitation code is 6 to 32 letters and digits');
  });

  it('lists active clients first, then invitations, then removed, by name', () => {
    const entry = (status: 'active' | 'invited' | 'removed', full_name: string | null, invited_email: string | null = null) => ({ status, full_name, invited_email, invite_code: 'ABCDEF' });
    const sorted = sortRoster([entry('removed', 'Zed'), entry('invited', null, 'b@x.io'), entry('active', 'Sam'), entry('active', 'Alex')]);
    expect(sorted.map(rosterLabel)).toEqual(['Alex', 'Sam', 'b@x.io', 'Zed']);
    expect(rosterLabel({ full_name: null, invited_email: null, invite_code: 'ABCDEF' })).toBe('Invitation ABCDEF');
  });
});
