/** What every endpoint of the local Auth server needs: the database and the JWT settings. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';

export type AuthContext = {
  pool: pg.Pool;
  /** The HS256 secret as bytes (the stack's JWT secret, shared with PostgREST). */
  signingKey: Uint8Array;
  /** The `iss` claim, e.g. http://127.0.0.1:54321/auth/v1. */
  issuer: string;
  jwtExpirySeconds: number;
  /** GoTrue's `sessions.timebox` and `sessions.inactivity_timeout`; null: never (hosted's default). */
  sessionLimits: SessionLimits;
  bcryptCost: number;
  /** Spends a bcrypt comparison's time when a sign-in names no user (no email enumeration). */
  passwordTimingDecoy: (password: string) => Promise<void>;
};

export type SessionLimits = {
  /** A session ends this long after its sign-in, refreshed or not. */
  timeboxSeconds: number | null;
  /** A session ends when it has not been refreshed for this long. */
  inactivitySeconds: number | null;
};

/** One request on its way through an endpoint; `params` holds the route's path parameters. */
export type AuthRequest = {
  context: AuthContext;
  req: IncomingMessage;
  res: ServerResponse;
  params: Readonly<Record<string, string>>;
};

export type AuthEndpoint = (request: AuthRequest) => Promise<void>;
