/** GET /user, PUT /user and POST /logout: what a signed-in user does with their bearer token. */
import type { AuthContext, AuthRequest } from './context.js';
import { isUniqueViolation, withTransaction } from './db.js';
import { badRequest, emailTaken, forbidden, unprocessable, userNotFound } from './errors.js';
import { queryParam, readJsonObject, sendJson, sendNoContent, type JsonObject } from './http.js';
import { authenticateUser, type AuthenticatedCaller } from './authentication.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endSessions, type LogoutScope } from './sessions.js';
import { loadGoTrueUser } from './user-json.js';
import { randomBytes } from 'node:crypto';
import {
  changeEmail,
  changePasswordHash,
  lockEmailChangeByToken,
  requestEmailChange,
  findUserByEmail,
  findUserById,
  mergeUserMetadata,
  type Metadata,
  type UserRow,
} from './users.js';
import { checkPasswordStrength, normalizeEmail, parseBody, refusePhone, userUpdateBodySchema } from './validation.js';

export async function getCurrentUser({ context, req, res }: AuthRequest): Promise<void> {
  const { user } = await authenticateUser(context, req);
  sendJson(res, 200, await loadGoTrueUser(context.pool, user));
}

/** The changes a PUT /user asks for, checked and hashed before any row is touched. */
type UserChanges = { userMetadata?: Metadata; email?: string; passwordHash?: string };

async function newEmailOf(context: AuthContext, user: UserRow, requested: string | null | undefined): Promise<string | undefined> {
  if (!requested) return undefined;
  const email = normalizeEmail(requested);
  if (email === user.email?.toLowerCase()) return undefined;
  if (await findUserByEmail(context.pool, email)) throw emailTaken();
  return email;
}

async function newPasswordHashOf(context: AuthContext, user: UserRow, password: string | null | undefined): Promise<string | undefined> {
  if (!password) return undefined;
  checkPasswordStrength(password);
  if (await verifyPassword(password, user.encrypted_password)) {
    throw unprocessable('same_password', 'New password should be different from the old password.');
  }
  return hashPassword(password, context.bcryptCost);
}

async function requestedChanges(context: AuthContext, caller: AuthenticatedCaller, body: JsonObject): Promise<UserChanges> {
  const update = parseBody(userUpdateBodySchema, body);
  refusePhone(update.phone);
  return {
    userMetadata: update.data ?? undefined,
    email: await newEmailOf(context, caller.user, update.email),
    passwordHash: await newPasswordHashOf(context, caller.user, update.password),
  };
}

/**
 * Applies the changes in one transaction. A new password signs the user out everywhere else
 * (GoTrue's UpdatePassword), keeping the session that made the change.
 */
async function applyChanges(context: AuthContext, caller: AuthenticatedCaller, changes: UserChanges): Promise<UserRow> {
  return withTransaction(context.pool, async (db) => {
    const userId = caller.user.id;
    if (changes.userMetadata) await mergeUserMetadata(db, userId, changes.userMetadata);
    // Not applied until the new address confirms it (hosted "secure email change").
    if (changes.email) await requestEmailChange(db, userId, changes.email, randomBytes(28).toString('hex'));
    if (changes.passwordHash) {
      await changePasswordHash(db, userId, changes.passwordHash);
      await endSessions(db, userId, caller.session?.id, 'others');
    }
    const updated = await findUserById(db, userId);
    if (!updated) throw new Error(`user ${userId} vanished during its update`);
    return updated;
  });
}

export async function updateCurrentUser({ context, req, res }: AuthRequest): Promise<void> {
  const caller = await authenticateUser(context, req);
  const changes = await requestedChanges(context, caller, await readJsonObject(req));
  const updated = await applyChanges(context, caller, changes).catch((error: unknown) => {
    throw isUniqueViolation(error) ? emailTaken() : error;
  });
  sendJson(res, 200, await loadGoTrueUser(context.pool, updated));
}

/**
 * POST /verify {type: "email_change", token_hash}: the link sent to the new address was
 * followed, so the change is applied. The local stack sends no mail yet: the token is in
 * auth.users.email_change_token_new (the dashboard, or a test, reads it there).
 */
export async function verifyEmailChange({ context, req, res }: AuthRequest): Promise<void> {
  const body = await readJsonObject(req);
  if (body.type !== 'email_change') throw badRequest('validation_failed', 'Only type "email_change" is supported by the local Auth server');
  const tokenHash = typeof body.token_hash === 'string' ? body.token_hash : '';
  const updated = await withTransaction(context.pool, async (db) => {
    const pending = tokenHash ? await lockEmailChangeByToken(db, tokenHash) : undefined;
    if (!pending) throw forbidden('otp_expired', 'Email link is invalid or has expired');
    await changeEmail(db, pending.id, pending.email_change);
    return findUserById(db, pending.id);
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? emailTaken() : error;
  });
  if (!updated) throw userNotFound();
  sendJson(res, 200, await loadGoTrueUser(context.pool, updated));
}

const LOGOUT_SCOPES: readonly LogoutScope[] = ['global', 'local', 'others'];

function logoutScopeOf(value: string | null): LogoutScope {
  if (value === null || value === '') return 'global';
  const scope = LOGOUT_SCOPES.find((candidate) => candidate === value);
  if (!scope) throw badRequest('validation_failed', `Unsupported logout scope "${value}"`);
  return scope;
}

/** POST /logout?scope=global (default) | local | others → 204; ended sessions take their refresh tokens along. */
export async function logOut({ context, req, res }: AuthRequest): Promise<void> {
  const scope = logoutScopeOf(queryParam(req, 'scope'));
  const caller = await authenticateUser(context, req);
  await endSessions(context.pool, caller.user.id, caller.session?.id, scope);
  sendNoContent(res);
}
