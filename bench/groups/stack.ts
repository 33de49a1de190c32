/** How long the local stack takes to start from nothing (fresh cluster) and to answer a REST call. */
import { LOAD_TEST_RATE_LIMITS } from '../../supabase/local/auth/rate-limit.js';
import { startStack } from '../../supabase/local/stack.js';
import { report } from '../report.js';

export async function run(): Promise<void> {
  const started = performance.now();
  const stack = await startStack({ apiPort: 0, dbPort: 0, seed: false, authRateLimits: LOAD_TEST_RATE_LIMITS });
  report('stack_cold_start_ms', performance.now() - started, 'ms');
  try {
    const t = performance.now();
    const res = await fetch(`${stack.apiUrl}/rest/v1/`, { headers: { apikey: stack.anonKey } });
    if (!res.ok) throw new Error(`REST answered ${res.status}`);
    report('rest_first_request_ms', performance.now() - t, 'ms');
  } finally {
    await stack.stop();
  }
}
