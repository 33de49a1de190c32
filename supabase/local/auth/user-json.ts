/** Rows as GoTrue serialises them: the `user` object that auth-js hands to the app. */
import type { Queryable } from './db.js';
import { EMAIL_PROVIDER_APP_METADATA, findIdentities, type IdentityRow, type Metadata, type UserRow } from './users.js';

export type GoTrueIdentity = {
  identity_id: string;
  id: string;
  user_id: string;
  identity_data: Metadata;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
};

export type GoTrueUser = {
  id: string;
  aud: string;
  role: string;
  email: string;
  email_confirmed_at?: string;
  phone: string;
  phone_confirmed_at?: string;
  confirmation_sent_at?: string;
  recovery_sent_at?: string;
  new_email?: string;
  email_change_sent_at?: string;
  confirmed_at?: string;
  last_sign_in_at?: string;
  app_metadata: Metadata;
  user_metadata: Metadata;
  identities: GoTrueIdentity[];
  created_at: string;
  updated_at: string;
  banned_until?: string;
  is_anonymous: boolean;
};

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** GoTrue leaves unset timestamps out of the JSON (`omitempty`). */
function optionalTimestamps(user: UserRow): Partial<GoTrueUser> {
  const fields: Partial<GoTrueUser> = {};
  if (user.email_confirmed_at) fields.email_confirmed_at = user.email_confirmed_at.toISOString();
  if (user.phone_confirmed_at) fields.phone_confirmed_at = user.phone_confirmed_at.toISOString();
  if (user.confirmation_sent_at) fields.confirmation_sent_at = user.confirmation_sent_at.toISOString();
  if (user.recovery_sent_at) fields.recovery_sent_at = user.recovery_sent_at.toISOString();
  if (user.email_change) fields.new_email = user.email_change;
  if (user.email_change_sent_at) fields.email_change_sent_at = user.email_change_sent_at.toISOString();
  if (user.confirmed_at) fields.confirmed_at = user.confirmed_at.toISOString();
  if (user.last_sign_in_at) fields.last_sign_in_at = user.last_sign_in_at.toISOString();
  if (user.banned_until) fields.banned_until = user.banned_until.toISOString();
  return fields;
}

/** A user seeded by SQL may lack the provider keys GoTrue always writes. */
export function appMetadataOf(user: UserRow): Metadata {
  return { ...EMAIL_PROVIDER_APP_METADATA, ...(user.raw_app_meta_data ?? {}) };
}

export function userMetadataOf(user: UserRow): Metadata {
  return user.raw_user_meta_data ?? {};
}

/** A SQL-seeded user may have an empty aud or role; GoTrue's defaults apply. */
export const audienceOf = (user: UserRow): string => user.aud || 'authenticated';
export const roleOf = (user: UserRow): string => user.role || 'authenticated';

export function toGoTrueIdentity(identity: IdentityRow): GoTrueIdentity {
  return {
    identity_id: identity.id,
    id: identity.provider_id,
    user_id: identity.user_id,
    identity_data: identity.identity_data,
    provider: identity.provider,
    last_sign_in_at: iso(identity.last_sign_in_at),
    created_at: iso(identity.created_at),
    updated_at: iso(identity.updated_at),
    email: identity.email,
  };
}

export function toGoTrueUser(user: UserRow, identities: IdentityRow[]): GoTrueUser {
  const now = new Date().toISOString();
  return {
    id: user.id,
    aud: audienceOf(user),
    role: roleOf(user),
    email: user.email ?? '',
    phone: user.phone ?? '',
    ...optionalTimestamps(user),
    app_metadata: appMetadataOf(user),
    user_metadata: userMetadataOf(user),
    identities: identities.map(toGoTrueIdentity),
    created_at: iso(user.created_at) ?? now,
    updated_at: iso(user.updated_at) ?? now,
    is_anonymous: user.is_anonymous,
  };
}

/** The user with its identities read from the database. */
export async function loadGoTrueUser(db: Queryable, user: UserRow): Promise<GoTrueUser> {
  return toGoTrueUser(user, await findIdentities(db, user.id));
}
