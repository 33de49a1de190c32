/**
 * A private local stack for one test file: fresh temporary Postgres (fsync off), Supabase's
 * setup, the project's migrations (no demo seed unless asked), PostgREST, Auth and Realtime.
 */
import { LOAD_TEST_RATE_LIMITS } from '../../supabase/local/auth/rate-limit.js';
import { startStack, type LocalStack, type StackOptions } from '../../supabase/local/stack.js';

// A test file signs up and signs in dozens of users from 127.0.0.1, far above hosted Auth's
// limits; tests/integration/auth-rate-limits.test.ts runs with the hosted ones.

export type TestStack = LocalStack & {
  /** Connection string for the non-superuser `postgres` role (same as dbUrl). */
  postgresUrl: string;
};

export async function startTestStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false, bcryptCost: 4, authRateLimits: LOAD_TEST_RATE_LIMITS, ...options });
  return { ...stack, postgresUrl: stack.dbUrl };
}
