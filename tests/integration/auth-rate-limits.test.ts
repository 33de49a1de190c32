/**
 * Issue 16.8: the local Auth limits sign-ups and sign-ins per IP as hosted Auth does (30 per 5
 * minutes together; token refreshes 150), answering 429 over_request_rate_limit, which
 * supabase-js reports as such. This stack runs with the hosted numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTED_RATE_LIMITS } from '../../supabase/local/auth/rate-limit.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { createTestClient } from '../helpers/supabase.js';
import { uniqueEmail } from '../helpers/users.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ authRateLimits: HOSTED_RATE_LIMITS });
});

afterAll(async () => {
  await stack?.stop();
});

describe('rate limits', () => {
  it('refuses the 31st sign-up or sign-in from one address within 5 minutes, and still refreshes tokens', async () => {
    const device = () => createTestClient(stack.apiUrl, stack.anonKey);
    const email = uniqueEmail('limited');
    const first = await device().auth.signUp({ email, password: 'correct horse battery' });
    expect(first.error).toBeNull();
    const statuses: number[] = [];
    for (let i = 0; i < 29; i++) {
      const { error } = await device().auth.signInWithPassword({ email, password: i % 2 ? 'correct horse battery' : 'wrong password!' });
      statuses.push(error?.status ?? 200);
    }
    expect(statuses.every((s) => s !== 429)).toBe(true);
    const over = await device().auth.signInWithPassword({ email, password: 'correct horse battery' });
    expect(over.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    const signUp = await device().auth.signUp({ email: uniqueEmail('late'), password: 'correct horse battery' });
    expect(signUp.error?.status).toBe(429);
    // Refreshing counts against its own, larger limit.
    const refreshed = await device().auth.refreshSession({ refresh_token: first.data.session!.refresh_token });
    expect(refreshed.error).toBeNull();
  });
});
