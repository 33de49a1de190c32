/**
 * The local stand-in for Supabase Auth (GoTrue): the part of its HTTP API that
 * @supabase/supabase-js uses for email+password accounts, served in-process by the gateway
 * under /auth/v1 and storing everything in the real auth.* tables.
 *
 * The gateway has already checked the `apikey` and answered CORS preflights. Every answer is
 * JSON with GoTrue's `X-Supabase-Api-Version` header; errors use GoTrue's body shape, and a bug
 * or outage becomes a 500 JSON answer, never a crashed process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { adminCreateUser, adminDeleteUser, adminGetUser, adminListUsers, adminUpdateUser } from './admin.js';
import type { AuthContext, AuthEndpoint, SessionLimits } from './context.js';
import { getCurrentUser, logOut, updateCurrentUser, verifyEmailChange } from './current-user.js';
import { AuthHttpError, methodNotAllowed, notFound, unexpectedFailure } from './errors.js';
import { sendAuthError } from './http.js';
import { DEFAULT_BCRYPT_COST, passwordTimingDecoy } from './passwords.js';
import { getHealth, getJwks, getSettings, recoverPassword } from './public-endpoints.js';
import { bucketOf, createRateLimiter, HOSTED_RATE_LIMITS, type RateLimits } from './rate-limit.js';
import { signUp } from './signup.js';
import { issueToken } from './token-grants.js';

export type AuthServerOptions = {
  /** Superuser connection pool to the database. */
  pool: pg.Pool;
  /** HS256 secret, shared with PostgREST. */
  jwtSecret: string;
  /** The `iss` claim, e.g. 'http://127.0.0.1:54321/auth/v1'. */
  issuer: string;
  /** Access-token lifetime; default 3600 (GoTrue's). */
  jwtExpirySeconds?: number;
  /** bcrypt cost for new passwords; default 10 (GoTrue's); tests may pass 4. */
  bcryptCost?: number;
  /** Requests per IP per 5 minutes; default hosted Auth's (rate-limit.ts). */
  rateLimits?: RateLimits;
  /** Session time-box and inactivity timeout; default none, as hosted Auth. */
  sessionLimits?: Partial<SessionLimits>;
};

export type AuthHandler = (req: IncomingMessage, res: ServerResponse, subPath: string) => Promise<void>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Route = { path: string; endpoints: Partial<Record<Method, AuthEndpoint>> };

/** Paths are matched segment by segment; `:name` segments become `params.name`. */
const ROUTES: readonly Route[] = [
  { path: '/signup', endpoints: { POST: signUp } },
  { path: '/token', endpoints: { POST: issueToken } },
  { path: '/user', endpoints: { GET: getCurrentUser, PUT: updateCurrentUser } },
  { path: '/logout', endpoints: { POST: logOut } },
  { path: '/recover', endpoints: { POST: recoverPassword } },
  { path: '/verify', endpoints: { POST: verifyEmailChange } },
  { path: '/settings', endpoints: { GET: getSettings } },
  { path: '/health', endpoints: { GET: getHealth } },
  { path: '/.well-known/jwks.json', endpoints: { GET: getJwks } },
  { path: '/admin/users', endpoints: { GET: adminListUsers, POST: adminCreateUser } },
  { path: '/admin/users/:userId', endpoints: { GET: adminGetUser, PUT: adminUpdateUser, DELETE: adminDeleteUser } },
];

const segmentsOf = (path: string): string[] => path.split('/').filter((segment) => segment !== '');

function safelyDecoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path parameters if `path` fits the route's pattern, else undefined. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const expected = segmentsOf(pattern);
  const actual = segmentsOf(path);
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const segment = actual[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = safelyDecoded(segment);
    else if (part !== segment) return undefined;
  }
  return params;
}

type Resolved = { endpoint: AuthEndpoint; params: Record<string, string> };

function resolveEndpoint(method: string, subPath: string): Resolved {
  for (const route of ROUTES) {
    const params = matchRoute(route.path, subPath);
    if (!params) continue;
    const endpoint = route.endpoints[method as Method];
    if (!endpoint) throw methodNotAllowed(method, subPath);
    return { endpoint, params };
  }
  throw notFound(subPath);
}

function contextOf(options: AuthServerOptions): AuthContext {
  const bcryptCost = options.bcryptCost ?? DEFAULT_BCRYPT_COST;
  return {
    pool: options.pool,
    signingKey: new TextEncoder().encode(options.jwtSecret),
    issuer: options.issuer,
    jwtExpirySeconds: options.jwtExpirySeconds ?? 3600,
    sessionLimits: {
      timeboxSeconds: options.sessionLimits?.timeboxSeconds ?? null,
      inactivitySeconds: options.sessionLimits?.inactivitySeconds ?? null,
    },
    bcryptCost,
    passwordTimingDecoy: passwordTimingDecoy(bcryptCost),
  };
}

export function createAuthHandler(options: AuthServerOptions): AuthHandler {
  const context = contextOf(options);
  const limiter = createRateLimiter(options.rateLimits ?? HOSTED_RATE_LIMITS);
  return async (req, res, subPath) => {
    try {
      const { endpoint, params } = resolveEndpoint(req.method ?? 'GET', subPath);
      const grantType = new URL(req.url ?? '/', 'http://local').searchParams.get('grant_type');
      limiter.check(req, bucketOf(req.method ?? 'GET', subPath, grantType));
      await endpoint({ context, req, res, params });
    } catch (error) {
      if (error instanceof AuthHttpError) return sendAuthError(res, error);
      console.error('[local auth] unexpected failure on', req.method, subPath, error);
      sendAuthError(res, unexpectedFailure(error));
    }
  };
}
