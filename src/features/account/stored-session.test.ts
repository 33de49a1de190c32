import { describe, expect, it } from 'vitest';
import { parseStoredSession } from './stored-session';

const session = {
  access_token: 'a.b.c',
  refresh_token: 'r1',
  token_type: 'bearer',
  expires_in: 3600,
  expires_at: 1_700_000_000,
  user: { id: 'u1', email: 'ann@example.com', user_metadata: { full_name: 'Ann' }, aud: 'authenticated' },
};

describe('parseStoredSession', () => {
  it('reads an expired stored session (the app opens signed in offline)', () => {
    expect(parseStoredSession(JSON.stringify(session))?.user.id).toBe('u1');
  });
  it.each([null, '', 'not json', '{}', JSON.stringify({ ...session, access_token: '' }), JSON.stringify({ ...session, user: {} })])('refuses %j', (raw) => {
    expect(parseStoredSession(raw)).toBeNull();
  });
});
