/** GET /user, PUT /user and POST /logout: what a signed-in user does with their bearer token. */
import type { AuthContext, AuthRequest } from './context.js';
import { isUniqueViolation, withTransaction } from './db.js';
import { badRequest, emailTaken, unprocessable } from './errors.js';
import { queryParam, readJsonObject, sendJson, sendNoContent, type JsonObject } from './http.js';
import { authenticateUser, type AuthenticatedCaller } from './authentication.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endSessions, type LogoutScope } from './sessions.js';
import { loadGoTrueUser } from './user-json.js';
import {
  changeEmail,
  changePasswordHash,
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
    if (changes.email) await changeEmail(db, userId, changes.email);
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
