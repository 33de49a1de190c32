/** auth.users and auth.identities: the rows the Auth server reads and writes. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.js';

export type Metadata = Record<string, unknown>;

export type UserRow = {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Metadata | null;
  raw_user_meta_data: Metadata | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
};

export type IdentityRow = {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Metadata;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
};

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, confirmation_sent_at,
  recovery_sent_at, email_change, email_change_sent_at, phone, phone_confirmed_at, confirmed_at,
  last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until,
  deleted_at, is_anonymous`;

/** What GoTrue writes into raw_app_meta_data for an email user. */
export const EMAIL_PROVIDER_APP_METADATA: Metadata = { provider: 'email', providers: ['email'] };

async function oneUser(db: Queryable, sql: string, values: unknown[]): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(sql, values);
  return rows[0];
}

/** A live (not soft-deleted) password user by email, case-insensitively like GoTrue. */
export function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  return oneUser(
    db,
    `select ${USER_COLUMNS} from auth.users
     where lower(email) = lower($1) and is_sso_user = false and deleted_at is null
     limit 1`,
    [email],
  );
}

export function findUserById(db: Queryable, userId: string): Promise<UserRow | undefined> {
  return oneUser(db, `select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null`, [userId]);
}

export async function findIdentities(db: Queryable, userId: string): Promise<IdentityRow[]> {
  const { rows } = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
     from auth.identities where user_id = $1 order by created_at`,
    [userId],
  );
  return rows;
}

export type NewEmailUser = {
  email: string;
  passwordHash: string | null;
  emailConfirmed: boolean;
  signedIn: boolean;
  userMetadata: Metadata;
  appMetadata: Metadata;
};

/** The claims GoTrue keeps on an email identity (and mirrors into user_metadata). */
export function emailIdentityData(userId: string, email: string, emailVerified: boolean): Metadata {
  return { sub: userId, email, email_verified: emailVerified, phone_verified: false };
}

/**
 * Inserts a user with its `email` identity, as GoTrue's sign-up and admin create do. A
 * duplicate email surfaces as the unique violation of users_email_partial_key.
 */
export async function insertEmailUser(db: Queryable, user: NewEmailUser): Promise<UserRow> {
  const userId = randomUUID();
  const identityData = emailIdentityData(userId, user.email, user.emailConfirmed);
  const inserted = await oneUser(
    db,
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       last_sign_in_at, raw_app_meta_data, raw_user_meta_data, is_anonymous)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, $3,
       case when $4::boolean then now() end, case when $5::boolean then now() end, $6, $7, false)
     returning ${USER_COLUMNS}`,
    [
      userId,
      user.email,
      user.passwordHash ?? '',
      user.emailConfirmed,
      user.signedIn,
      { ...EMAIL_PROVIDER_APP_METADATA, ...user.appMetadata },
      { ...user.userMetadata, ...identityData },
    ],
  );
  if (!inserted) throw new Error('insert into auth.users returned no row');
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at)
     values ($1, $2, $3, 'email', case when $4::boolean then now() end)`,
    [userId, userId, identityData, user.signedIn],
  );
  return inserted;
}

/** Keys set to null are removed, others replace what is there (GoTrue's UpdateUserMetaData). */
function splitMetadataPatch(patch: Metadata): { merge: Metadata; remove: string[] } {
  const entries = Object.entries(patch);
  return {
    merge: Object.fromEntries(entries.filter(([, value]) => value !== null)),
    remove: entries.filter(([, value]) => value === null).map(([key]) => key),
  };
}

export async function mergeUserMetadata(db: Queryable, userId: string, patch: Metadata): Promise<void> {
  const { merge, remove } = splitMetadataPatch(patch);
  await db.query(
    `update auth.users
     set raw_user_meta_data = (coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb) - $3::text[], updated_at = now()
     where id = $1`,
    [userId, merge, remove],
  );
}

export async function mergeAppMetadata(db: Queryable, userId: string, patch: Metadata): Promise<void> {
  const { merge, remove } = splitMetadataPatch(patch);
  await db.query(
    `update auth.users
     set raw_app_meta_data = (coalesce(raw_app_meta_data, '{}'::jsonb) || $2::jsonb) - $3::text[], updated_at = now()
     where id = $1`,
    [userId, merge, remove],
  );
}

/**
 * Secure email change, as hosted Auth does it: the new address waits in `email_change` until
 * the link sent to it is followed (POST /verify with its token_hash); `email` stays the old one.
 */
export async function requestEmailChange(db: Queryable, userId: string, email: string, tokenHash: string): Promise<void> {
  await db.query(
    `update auth.users set email_change = $2::text, email_change_token_new = $3::text, email_change_sent_at = now(), updated_at = now()
     where id = $1`,
    [userId, email, tokenHash],
  );
}

/** The user whose pending email change this token confirms (sent within a day), locked; undefined if none. */
export async function lockEmailChangeByToken(db: Queryable, tokenHash: string): Promise<{ id: string; email_change: string } | undefined> {
  const { rows } = await db.query<{ id: string; email_change: string }>(
    `select id, email_change from auth.users
     where email_change_token_new = $1 and coalesce(email_change, '') <> '' and email_change_sent_at > now() - interval '24 hours'
     for update`,
    [tokenHash],
  );
  return rows[0];
}

/** Changes the email at once (the admin API, or a confirmed change), in the user and its email identity. */
export async function changeEmail(db: Queryable, userId: string, email: string): Promise<void> {
  await db.query(
    `update auth.users
     set email = $2::text, email_confirmed_at = now(), email_change = '', email_change_token_new = '', updated_at = now(),
         raw_user_meta_data = case when raw_user_meta_data ? 'email'
           then raw_user_meta_data || jsonb_build_object('email', $2::text) else raw_user_meta_data end
     where id = $1`,
    [userId, email],
  );
  await db.query(
    `update auth.identities
     set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
     where user_id = $1 and provider = 'email'`,
    [userId, email],
  );
}

export async function changePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query(`update auth.users set encrypted_password = $2, updated_at = now() where id = $1`, [userId, passwordHash]);
}

export async function setEmailConfirmed(db: Queryable, userId: string, confirmed: boolean): Promise<void> {
  await db.query(
    `update auth.users
     set email_confirmed_at = case when $2::boolean then coalesce(email_confirmed_at, now()) end, updated_at = now()
     where id = $1`,
    [userId, confirmed],
  );
}

/** Stamps a successful sign-in on the user and its email identity. */
export async function recordSignIn(db: Queryable, userId: string): Promise<void> {
  await db.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [userId]);
  await db.query(`update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`, [userId]);
}

/** Deletes the user; identities and sessions (with their refresh tokens) cascade. */
export async function deleteUser(db: Queryable, userId: string): Promise<boolean> {
  await db.query(`delete from auth.refresh_tokens where user_id = $1`, [userId]);
  const { rowCount } = await db.query(`delete from auth.users where id = $1`, [userId]);
  return (rowCount ?? 0) > 0;
}

/**
 * GoTrue's soft delete: the row stays (for foreign keys) but can no longer sign in, and its
 * email is freed for a new account.
 */
export async function softDeleteUser(db: Queryable, userId: string): Promise<boolean> {
  await db.query(`delete from auth.sessions where user_id = $1`, [userId]);
  await db.query(`delete from auth.identities where user_id = $1`, [userId]);
  const { rowCount } = await db.query(
    `update auth.users
     set deleted_at = now(), email = null, phone = null, encrypted_password = '', updated_at = now()
     where id = $1 and deleted_at is null`,
    [userId],
  );
  return (rowCount ?? 0) > 0;
}

export type UserPage = { users: UserRow[]; total: number };

export async function listUsers(db: Queryable, page: number, perPage: number): Promise<UserPage> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where deleted_at is null
     order by created_at, id limit $1 offset $2`,
    [perPage, (page - 1) * perPage],
  );
  const count = await db.query<{ total: string }>(`select count(*) as total from auth.users where deleted_at is null`);
  return { users: rows, total: Number(count.rows[0]?.total ?? 0) };
}
