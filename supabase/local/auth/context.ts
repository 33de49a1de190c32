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
  bcryptCost: number;
  /** Spends a bcrypt comparison's time when a sign-in names no user (no email enumeration). */
  passwordTimingDecoy: (password: string) => Promise<void>;
};

/** One request on its way through an endpoint; `params` holds the route's path parameters. */
export type AuthRequest = {
  context: AuthContext;
  req: IncomingMessage;
  res: ServerResponse;
  params: Readonly<Record<string, string>>;
};

export type AuthEndpoint = (request: AuthRequest) => Promise<void>;
