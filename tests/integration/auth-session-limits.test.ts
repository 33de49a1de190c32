/**
 * Issue 16.8: refresh tokens, as on hosted Auth. By default a session never ends by itself
 * (hosted's default; a client may train offline for weeks), but a project can time-box
 * sessions and end idle ones ([auth.sessions] timebox and inactivity_timeout): then the
 * refresh is refused with session_expired, and the access token with it. Time is moved by
 * ageing the session rows, as the clock would.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../helpers/device.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { createTestClient } from '../helpers/supabase.js';
import { uniqueEmail } from '../helpers/users.js';

const DAY = 86_400;
let unlimited: TestStack;
let limited: TestStack;

beforeAll(async () => {
  [unlimited, limited] = await Promise.all([
    startTestStack(),
    startTestStack({ authSessionLimits: { timeboxSeconds: 30 * DAY, inactivitySeconds: 7 * DAY } }),
  ]);
});

afterAll(async () => {
  await Promise.all([unlimited?.stop(), limited?.stop()]);
});

async function signedUp(stack: TestStack): Promise<{ device: SupabaseClient; refreshToken: string; sessionId: string }> {
  const device = createTestClient(stack.apiUrl, stack.anonKey);
  const { data, error } = await device.auth.signUp({ email: uniqueEmail('session'), password: 'correct horse battery' });
  if (error || !data.session) throw error ?? new Error('no session');
  const claims = JSON.parse(Buffer.from(data.session.access_token.split('.')[1] ?? '', 'base64url').toString()) as { session_id: string };
  return { device, refreshToken: data.session.refresh_token, sessionId: claims.session_id };
}

/** Moves a session `days` into the past: its sign-in, its last refresh and its end. */
async function age(stack: TestStack, sessionId: string, days: number): Promise<void> {
  await sql(
    stack.superuserUrl,
    `update auth.sessions set created_at = created_at - make_interval(days => $2), refreshed_at = coalesce(refreshed_at, created_at at time zone 'utc') - make_interval(days => $2),
       not_after = not_after - make_interval(days => $2) where id = $1`,
    [sessionId, days],
  );
}

async function refresh(stack: TestStack, refreshToken: string) {
  return createTestClient(stack.apiUrl, stack.anonKey).auth.refreshSession({ refresh_token: refreshToken });
}

describe('session limits', () => {
  it('by default a session a year old still refreshes', async () => {
    const { refreshToken, sessionId } = await signedUp(unlimited);
    await age(unlimited, sessionId, 365);
    const refreshed = await refresh(unlimited, refreshToken);
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(refreshToken);
  });

  it('an idle session ends after the inactivity timeout; one refreshed within it goes on', async () => {
    const idle = await signedUp(limited);
    await age(limited, idle.sessionId, 8);
    const refused = await refresh(limited, idle.refreshToken);
    expect(refused.error).toMatchObject({ status: 400, code: 'session_expired' });

    const active = await signedUp(limited);
    await age(limited, active.sessionId, 6);
    const refreshed = await refresh(limited, active.refreshToken);
    expect(refreshed.error).toBeNull();
  });

  it('a time-boxed session ends after its time-box however often it refreshes, and its access token with it', async () => {
    const { device, refreshToken, sessionId } = await signedUp(limited);
    const rows = await sql<{ days: number }>(
      limited.superuserUrl,
      `select round(extract(epoch from not_after - created_at) / 86400)::int as days from auth.sessions where id = $1`,
      [sessionId],
    );
    expect(rows[0]?.days).toBe(30);
    let token = refreshToken;
    for (let week = 0; week < 4; week++) {
      await age(limited, sessionId, 7);
      await sql(limited.superuserUrl, `update auth.sessions set refreshed_at = now() at time zone 'utc' where id = $1`, [sessionId]);
      const refreshed = await refresh(limited, token);
      expect(refreshed.error).toBeNull();
      token = refreshed.data.session!.refresh_token;
    }
    await age(limited, sessionId, 3);
    const refused = await refresh(limited, token);
    expect(refused.error).toMatchObject({ status: 400, code: 'session_expired' });
    const user = await device.auth.getUser();
    expect(user.error).toMatchObject({ status: 403, code: 'session_expired' });
  });
});
