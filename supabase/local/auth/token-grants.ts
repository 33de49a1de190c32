/**
 * POST /token?grant_type=password|refresh_token: sign-in and session refresh.
 *
 * Refresh tokens rotate: each refresh revokes the presented token and returns its successor.
 * Presenting a revoked token again is refused and, as in GoTrue, revokes the whole session's
 * token family (it may have been stolen). GoTrue additionally lets a client that lost the
 * response re-present the immediate parent within a reuse interval; the local stack does not,
 * so a test that passes here never leans on that leniency.
 */
import type { AuthContext, AuthRequest } from './context.js';
import { withTransaction } from './db.js';
import { badRequest, invalidCredentials, type AuthHttpError } from './errors.js';
import { clientInfoOf, queryParam, readJsonObject, sendJson, type ClientInfo } from './http.js';
import { verifyPassword } from './passwords.js';
import {
  createSession,
  findSession,
  issueRefreshToken,
  lockRefreshToken,
  revokeRefreshToken,
  revokeTokenFamily,
  sessionInactive,
  touchSession,
} from './sessions.js';
import { sessionResponse, type SessionResponse } from './tokens.js';
import { findIdentities, findUserByEmail, findUserById, recordSignIn, type UserRow } from './users.js';
import { parseBody, passwordGrantBodySchema, refreshGrantBodySchema, refusePhone } from './validation.js';

const isBanned = (user: UserRow): boolean => user.banned_until !== null && user.banned_until.getTime() > Date.now();

/** The user whose password this is; the same error whether the email or the password is wrong. */
async function userWithPassword(context: AuthContext, email: string, password: string): Promise<UserRow> {
  const user = await findUserByEmail(context.pool, email);
  if (!user) {
    await context.passwordTimingDecoy(password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(password, user.encrypted_password))) throw invalidCredentials();
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
  return user;
}

async function startSession(context: AuthContext, userId: string, client: ClientInfo): Promise<SessionResponse> {
  return withTransaction(context.pool, async (db) => {
    await recordSignIn(db, userId);
    const user = await findUserById(db, userId);
    if (!user) throw invalidCredentials();
    const session = await createSession(db, user.id, client, context.sessionLimits.timeboxSeconds);
    const refreshToken = await issueRefreshToken(db, session, null);
    return sessionResponse(context, { user, identities: await findIdentities(db, user.id), session, refreshToken });
  });
}

async function passwordGrant({ context, req, res }: AuthRequest): Promise<void> {
  const body = parseBody(passwordGrantBodySchema, await readJsonObject(req));
  refusePhone(body.phone);
  const email = body.email?.trim().toLowerCase();
  if (!email) throw badRequest('validation_failed', 'missing email or phone');
  if (!body.password) throw invalidCredentials();
  const user = await userWithPassword(context, email, body.password);
  sendJson(res, 200, await startSession(context, user.id, clientInfoOf(req)));
}

const refreshTokenNotFound = (): AuthHttpError => badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
const refreshTokenAlreadyUsed = (): AuthHttpError => badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');

/**
 * One transaction: lock the token, then either rotate it or (for a reused token) revoke its
 * family. The reuse refusal is returned rather than thrown so the revocation still commits.
 */
type RefreshOutcome = { kind: 'rotated'; session: SessionResponse } | { kind: 'refused'; error: AuthHttpError };

async function rotateRefreshToken(context: AuthContext, token: string): Promise<RefreshOutcome> {
  return withTransaction(context.pool, async (db): Promise<RefreshOutcome> => {
    const current = await lockRefreshToken(db, token);
    const session = current?.session_id ? await findSession(db, current.session_id) : undefined;
    if (!current || !session) return { kind: 'refused', error: refreshTokenNotFound() };
    if (current.revoked) {
      await revokeTokenFamily(db, session.id);
      return { kind: 'refused', error: refreshTokenAlreadyUsed() };
    }
    const user = await findUserById(db, session.user_id);
    if (!user) return { kind: 'refused', error: refreshTokenNotFound() };
    if (isBanned(user)) return { kind: 'refused', error: badRequest('user_banned', 'Invalid Refresh Token: User Banned') };
    const timedOut = session.not_after !== null && session.not_after.getTime() < Date.now();
    if (timedOut || (await sessionInactive(db, session.id, context.sessionLimits.inactivitySeconds))) {
      return { kind: 'refused', error: badRequest('session_expired', 'Invalid Refresh Token: Session Expired') };
    }
    await revokeRefreshToken(db, current.id);
    const refreshToken = await issueRefreshToken(db, session, current.token);
    await touchSession(db, session.id);
    const identities = await findIdentities(db, user.id);
    return { kind: 'rotated', session: await sessionResponse(context, { user, identities, session, refreshToken }) };
  });
}

async function refreshTokenGrant({ context, req, res }: AuthRequest): Promise<void> {
  const body = parseBody(refreshGrantBodySchema, await readJsonObject(req));
  if (!body.refresh_token) throw badRequest('validation_failed', 'refresh_token required');
  const outcome = await rotateRefreshToken(context, body.refresh_token);
  if (outcome.kind === 'refused') throw outcome.error;
  sendJson(res, 200, outcome.session);
}

export async function issueToken(request: AuthRequest): Promise<void> {
  const grantType = queryParam(request.req, 'grant_type');
  if (grantType === 'password') return passwordGrant(request);
  if (grantType === 'refresh_token') return refreshTokenGrant(request);
  throw badRequest(
    'unsupported_grant_type',
    grantType
      ? `Unsupported grant_type "${grantType}": the local stack supports password and refresh_token`
      : 'unsupported_grant_type: grant_type is required',
  );
}
