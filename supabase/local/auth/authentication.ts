/**
 * Who is calling: the user behind a bearer access token (GET/PUT /user, logout), or an admin
 * (service_role key) for /admin. Mirrors GoTrue's requireAuthentication and requireAdmin.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { AuthContext } from './context.js';
import { AuthHttpError, forbidden } from './errors.js';
import { bearerTokenOf } from './http.js';
import { findSession, type SessionRow } from './sessions.js';
import { verifyBearerToken, type BearerClaims } from './tokens.js';
import { findUserById, type UserRow } from './users.js';

export type AuthenticatedCaller = { user: UserRow; session: SessionRow | undefined; claims: BearerClaims };

/** Roles GoTrue accepts as admins by default. */
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

const uuidSchema = z.uuid();

async function verifiedClaimsOf(context: AuthContext, req: IncomingMessage): Promise<BearerClaims> {
  const token = bearerTokenOf(req);
  if (!token) throw new AuthHttpError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  return verifyBearerToken(context, token);
}

function userIdOf(claims: BearerClaims): string {
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!uuidSchema.safeParse(claims.sub).success) throw forbidden('bad_jwt', 'invalid claim: sub claim must be a UUID');
  return claims.sub;
}

/**
 * The signed-in user. A token whose session was ended (sign-out) is refused even before it
 * expires: 403 `session_not_found`, which auth-js turns into AuthSessionMissingError.
 */
export async function authenticateUser(context: AuthContext, req: IncomingMessage): Promise<AuthenticatedCaller> {
  const claims = await verifiedClaimsOf(context, req);
  const userId = userIdOf(claims);
  const user = await findUserById(context.pool, userId);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  if (claims.session_id === undefined) return { user, session: undefined, claims };
  const session = uuidSchema.safeParse(claims.session_id).success ? await findSession(context.pool, claims.session_id) : undefined;
  if (!session || session.user_id !== user.id) {
    throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  if (session.not_after && session.not_after.getTime() < Date.now()) {
    throw forbidden('session_expired', 'Session from session_id claim in JWT has expired');
  }
  return { user, session, claims };
}

/** Only a service_role (or supabase_admin) token may use /admin: others get 403 `not_admin`. */
export async function requireAdmin(context: AuthContext, req: IncomingMessage): Promise<void> {
  const claims = await verifiedClaimsOf(context, req);
  if (!claims.role || !ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
}
