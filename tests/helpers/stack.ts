/**
 * A private local stack for one test file: fresh temporary Postgres (fsync off), Supabase's
 * setup, the project's migrations (no demo seed unless asked), PostgREST, Auth and Realtime.
 */
import { startStack, type LocalStack, type StackOptions } from '../../supabase/local/stack.js';

export type TestStack = LocalStack & {
  /** Connection string for the non-superuser `postgres` role (same as dbUrl). */
  postgresUrl: string;
};

export async function startTestStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false, bcryptCost: 4, ...options });
  return { ...stack, postgresUrl: stack.dbUrl };
}
