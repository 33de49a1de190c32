/**
 * The admin API (`supabase.auth.admin.*`), for tests, seeds and server code holding the
 * service_role key: create, list, read, update and delete users. Every endpoint first checks
 * the caller's role claim (403 `not_admin` otherwise).
 */
import { z } from 'zod';
import { requireAdmin } from './authentication.js';
import type { AuthContext, AuthRequest } from './context.js';
import { isForeignKeyViolation, isUniqueViolation, withTransaction, type Queryable } from './db.js';
import { AuthHttpError, badRequest, emailTaken, userNotFound } from './errors.js';
import { queryParam, readJsonObject, sendJson, type JsonObject } from './http.js';
import { hashPassword } from './passwords.js';
import { endSessions } from './sessions.js';
import { loadGoTrueUser } from './user-json.js';
import {
  changeEmail,
  changePasswordHash,
  deleteUser,
  findUserByEmail,
  findUserById,
  insertEmailUser,
  listUsers,
  mergeAppMetadata,
  mergeUserMetadata,
  setEmailConfirmed,
  softDeleteUser,
  type UserRow,
} from './users.js';
import { adminUserBodySchema, checkPasswordStrength, normalizeEmail, parseBody, refusePhone, type AdminUserBody } from './validation.js';

const uuidSchema = z.uuid();

function userIdParam(params: Readonly<Record<string, string>>): string {
  const userId = params.userId ?? '';
  if (!uuidSchema.safeParse(userId).success) throw badRequest('validation_failed', 'user_id must be an UUID');
  return userId;
}

async function existingUser(db: Queryable, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw userNotFound();
  return user;
}

async function passwordHashOf(context: AuthContext, password: string | null | undefined): Promise<string | undefined> {
  if (!password) return undefined;
  checkPasswordStrength(password);
  return hashPassword(password, context.bcryptCost);
}

function parseAdminBody(body: JsonObject): AdminUserBody {
  const parsed = parseBody(adminUserBodySchema, body);
  refusePhone(parsed.phone);
  return parsed;
}

/** POST /admin/users {email, password, email_confirm, user_metadata, app_metadata} → the user. */
export async function adminCreateUser({ context, req, res }: AuthRequest): Promise<void> {
  await requireAdmin(context, req);
  const body = parseAdminBody(await readJsonObject(req));
  const email = normalizeEmail(body.email);
  const passwordHash = await passwordHashOf(context, body.password);
  if (await findUserByEmail(context.pool, email)) throw emailTaken();
  const user = await withTransaction(context.pool, (db) =>
    insertEmailUser(db, {
      email,
      passwordHash: passwordHash ?? null,
      emailConfirmed: body.email_confirm === true,
      signedIn: false,
      userMetadata: body.user_metadata ?? {},
      appMetadata: body.app_metadata ?? {},
    }),
  ).catch((error: unknown) => {
    throw isUniqueViolation(error) ? emailTaken() : error;
  });
  sendJson(res, 200, await loadGoTrueUser(context.pool, user));
}

const DEFAULT_PER_PAGE = 50;

function positiveIntegerParam(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** GET /admin/users?page=&per_page= → {users, aud}, with GoTrue's x-total-count and link headers. */
export async function adminListUsers({ context, req, res }: AuthRequest): Promise<void> {
  await requireAdmin(context, req);
  const page = positiveIntegerParam(queryParam(req, 'page'), 1);
  const perPage = positiveIntegerParam(queryParam(req, 'per_page'), DEFAULT_PER_PAGE);
  const { users, total } = await listUsers(context.pool, page, perPage);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const links = [`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`];
  if (page < lastPage) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  const body = { users: await Promise.all(users.map((user) => loadGoTrueUser(context.pool, user))), aud: 'authenticated' };
  sendJson(res, 200, body, { 'x-total-count': String(total), link: links.join(', ') });
}

/** GET /admin/users/:id → the user, or 404 `user_not_found`. */
export async function adminGetUser({ context, req, res, params }: AuthRequest): Promise<void> {
  await requireAdmin(context, req);
  const user = await existingUser(context.pool, userIdParam(params));
  sendJson(res, 200, await loadGoTrueUser(context.pool, user));
}

/** PUT /admin/users/:id: email, password (signs the user out everywhere), confirmation, metadata. */
export async function adminUpdateUser({ context, req, res, params }: AuthRequest): Promise<void> {
  await requireAdmin(context, req);
  const userId = userIdParam(params);
  const body = parseAdminBody(await readJsonObject(req));
  const email = body.email ? normalizeEmail(body.email) : undefined;
  const passwordHash = await passwordHashOf(context, body.password);
  const updated = await withTransaction(context.pool, async (db) => {
    const user = await existingUser(db, userId);
    if (email && email !== user.email?.toLowerCase()) await changeEmail(db, userId, email);
    if (passwordHash) {
      await changePasswordHash(db, userId, passwordHash);
      await endSessions(db, userId, undefined, 'global');
    }
    if (typeof body.email_confirm === 'boolean') await setEmailConfirmed(db, userId, body.email_confirm);
    if (body.user_metadata) await mergeUserMetadata(db, userId, body.user_metadata);
    if (body.app_metadata) await mergeAppMetadata(db, userId, body.app_metadata);
    return existingUser(db, userId);
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? emailTaken() : error;
  });
  sendJson(res, 200, await loadGoTrueUser(context.pool, updated));
}

const deleteBodySchema = z.object({ should_soft_delete: z.boolean().nullish() });

/** DELETE /admin/users/:id {should_soft_delete} → `{}`. */
export async function adminDeleteUser({ context, req, res, params }: AuthRequest): Promise<void> {
  await requireAdmin(context, req);
  const userId = userIdParam(params);
  const { should_soft_delete: softly } = parseBody(deleteBodySchema, await readJsonObject(req));
  const deleted = await withTransaction(context.pool, (db) => (softly ? softDeleteUser(db, userId) : deleteUser(db, userId))).catch(
    (error: unknown) => {
      // Like GoTrue: a project table still referencing the user blocks a hard delete.
      if (isForeignKeyViolation(error)) {
        throw new AuthHttpError(500, 'unexpected_failure', `Database error deleting user: ${(error as Error).message}`);
      }
      throw error;
    },
  );
  if (!deleted) throw userNotFound();
  sendJson(res, 200, {});
}
