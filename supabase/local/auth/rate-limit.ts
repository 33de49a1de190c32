/**
 * Hosted Supabase Auth's rate limits, per client IP, in memory: sign-ups and password sign-ins
 * share 30 requests per 5 minutes, token refreshes 150 per 5 minutes, email links 30 per 5
 * minutes (the project defaults). Over a limit: 429 `over_request_rate_limit`, as hosted.
 * The test stacks raise them (a test file signs up dozens of users from 127.0.0.1); one test
 * runs with the hosted numbers.
 */
import type { IncomingMessage } from 'node:http';
import { AuthHttpError } from './errors.js';

export type RateLimits = { signInsPer5Min: number; refreshesPer5Min: number; verifiesPer5Min: number };

export const HOSTED_RATE_LIMITS: RateLimits = { signInsPer5Min: 30, refreshesPer5Min: 150, verifiesPer5Min: 30 };

/** For test stacks and benchmarks, which sign up and sign in many users from one address. */
export const LOAD_TEST_RATE_LIMITS: RateLimits = { signInsPer5Min: 1_000_000, refreshesPer5Min: 1_000_000, verifiesPer5Min: 1_000_000 };

const WINDOW_MS = 5 * 60_000;

type Bucket = 'sign-in' | 'refresh' | 'verify';

/** Which limit a request counts against, or null for one that is not limited. */
export function bucketOf(method: string, subPath: string, grantType: string | null): Bucket | null {
  if (method !== 'POST') return null;
  if (subPath === '/signup') return 'sign-in';
  if (subPath === '/verify') return 'verify';
  if (subPath === '/token') return grantType === 'refresh_token' ? 'refresh' : 'sign-in';
  return null;
}

export function createRateLimiter(limits: RateLimits, now: () => number = Date.now) {
  const hits = new Map<string, number[]>();
  const limitOf = (bucket: Bucket) =>
    bucket === 'sign-in' ? limits.signInsPer5Min : bucket === 'refresh' ? limits.refreshesPer5Min : limits.verifiesPer5Min;
  return {
    /** Counts the request; throws the 429 when its IP is over the bucket's limit. */
    check(req: IncomingMessage, bucket: Bucket | null): void {
      if (!bucket) return;
      const key = `${bucket}|${req.socket.remoteAddress ?? ''}`;
      const at = now();
      const recent = (hits.get(key) ?? []).filter((t) => at - t < WINDOW_MS);
      if (recent.length >= limitOf(bucket)) {
        hits.set(key, recent);
        throw new AuthHttpError(429, 'over_request_rate_limit', 'Request rate limit reached');
      }
      recent.push(at);
      hits.set(key, recent);
    },
  };
}
