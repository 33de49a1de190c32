/**
 * The local Auth server through the official client: what a user of supabase-js sees (sessions,
 * users, errors with their message/status/code), what lands in auth.* (bcrypt hashes,
 * identities, sessions), and that PostgREST and RLS accept the access tokens it issues.
 */
import { randomUUID } from 'node:crypto';
import { AuthWeakPasswordError, type Session, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { createTestClient } from '../helpers/supabase.js';

let stack: TestStack;
let sql: pg.Pool;

beforeAll(async () => {
  stack = await startTestStack();
  sql = new pg.Pool({ connectionString: stack.superuserUrl, max: 2 });
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

const PASSWORD = 'correct horse battery';

/** One simulated device: its own client, nothing persisted, no background refresh. */
function device(key: string = stack.anonKey): SupabaseClient {
  return createTestClient(stack.apiUrl, key);
}

const uniqueEmail = (label: string): string => `${label}-${randomUUID().slice(0, 8)}@example.com`;

async function signedUpSession(email = uniqueEmail('member'), data: Record<string, unknown> = {}): Promise<Session> {
  const { data: result, error } = await device().auth.signUp({ email, password: PASSWORD, options: { data } });
  expect(error).toBeNull();
  if (!result.session) throw new Error('sign-up returned no session');
  return result.session;
}

async function signedInDevice(email: string, password = PASSWORD): Promise<{ client: SupabaseClient; session: Session }> {
  const client = device();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  if (!data.session) throw new Error('sign-in returned no session');
  return { client, session: data.session };
}

/** A raw call to /auth/v1, for what supabase-js cannot send (bad JSON, odd routes). */
function authFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.apiUrl}/auth/v1${path}`, {
    ...init,
    headers: { apikey: stack.anonKey, 'Content-Type': 'application/json', ...init.headers },
  });
}

async function userRow(userId: string): Promise<{ encrypted_password: string; email_confirmed_at: Date | null }> {
  const { rows } = await sql.query('select encrypted_password, email_confirmed_at from auth.users where id = $1', [userId]);
  return rows[0];
}

describe('sign-up', () => {
  it('returns a session for a confirmed user whose access token carries Supabase claims', async () => {
    const email = uniqueEmail('Signup');
    const { data, error } = await device().auth.signUp({ email, password: PASSWORD, options: { data: { display_name: 'Ana' } } });

    expect(error).toBeNull();
    const { session, user } = data;
    expect(user?.email).toBe(email.toLowerCase());
    expect(user?.email_confirmed_at).toBeTruthy();
    expect(user?.user_metadata).toMatchObject({ display_name: 'Ana', email: email.toLowerCase(), email_verified: true });
    expect(user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(user?.identities?.map((identity) => identity.provider)).toEqual(['email']);
    expect(session?.token_type).toBe('bearer');
    expect(session?.expires_in).toBe(3600);

    const claims = decodeJwt(session?.access_token ?? '');
    expect(claims).toMatchObject({
      iss: `${stack.apiUrl}/auth/v1`,
      sub: user?.id,
      aud: 'authenticated',
      role: 'authenticated',
      aal: 'aal1',
      email: email.toLowerCase(),
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Ana' },
      is_anonymous: false,
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(claims.exp).toBe(session?.expires_at);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(claims.session_id).toEqual(expect.any(String));
    await expect(jwtVerify(session?.access_token ?? '', new TextEncoder().encode(stack.jwtSecret))).resolves.toBeTruthy();
  });

  it('stores a bcrypt hash, an email identity and a session', async () => {
    const session = await signedUpSession();
    const claims = decodeJwt(session.access_token);

    const row = await userRow(session.user.id);
    expect(row.encrypted_password).toMatch(/^\$2[aby]\$/);
    expect(row.encrypted_password).not.toContain(PASSWORD);
    expect(row.email_confirmed_at).not.toBeNull();
    const identities = await sql.query('select provider, provider_id from auth.identities where user_id = $1', [session.user.id]);
    expect(identities.rows).toEqual([{ provider: 'email', provider_id: session.user.id }]);
    const sessions = await sql.query('select id from auth.sessions where user_id = $1', [session.user.id]);
    expect(sessions.rows).toEqual([{ id: claims.session_id }]);
  });
});

describe('sign-in', () => {
  it('signs in with the password and stamps last_sign_in_at', async () => {
    const email = uniqueEmail('signin');
    const signedUp = await signedUpSession(email);

    const { session } = await signedInDevice(email.toUpperCase());

    expect(session.user.id).toBe(signedUp.user.id);
    expect(session.user.last_sign_in_at).toBeTruthy();
    expect(decodeJwt(session.access_token).session_id).not.toBe(decodeJwt(signedUp.access_token).session_id);
  });

  it('signs in a user seeded by SQL with a pgcrypto hash', async () => {
    const email = uniqueEmail('seeded');
    const { rows } = await sql.query<{ id: string }>(
      `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       values (gen_random_uuid(), 'authenticated', 'authenticated', $1, extensions.crypt($2, extensions.gen_salt('bf')), now(),
               '{"provider":"email","providers":["email"]}', '{"display_name":"Seeded"}')
       returning id`,
      [email, PASSWORD],
    );

    const { session } = await signedInDevice(email);

    expect(session.user.id).toBe(rows[0]?.id);
    expect(session.user.user_metadata).toEqual({ display_name: 'Seeded' });
  });
});

describe('refresh tokens rotate', () => {
  it('returns new tokens and refuses the used refresh token afterwards', async () => {
    const email = uniqueEmail('refresh');
    await signedUpSession(email);
    const { client, session } = await signedInDevice(email);

    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(decodeJwt(refreshed.data.session?.access_token ?? '').session_id).toBe(decodeJwt(session.access_token).session_id);

    const reused = await device().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(reused.data.session).toBeNull();
    expect(reused.error).toMatchObject({ status: 400, code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' });
  });

  it('a reused token revokes its whole family, so a thief cannot keep refreshing', async () => {
    const email = uniqueEmail('family');
    await signedUpSession(email);
    const { client, session } = await signedInDevice(email);
    const successor = (await client.auth.refreshSession()).data.session?.refresh_token ?? '';

    await device().auth.refreshSession({ refresh_token: session.refresh_token });

    const { error } = await device().auth.refreshSession({ refresh_token: successor });
    expect(error?.code).toBe('refresh_token_already_used');
  });

  it('two concurrent refreshes with one token: exactly one wins', async () => {
    const email = uniqueEmail('race');
    await signedUpSession(email);
    const { session } = await signedInDevice(email);

    const results = await Promise.all([1, 2, 3].map(() => device().auth.refreshSession({ refresh_token: session.refresh_token })));

    expect(results.filter((result) => result.error === null)).toHaveLength(1);
    expect(results.filter((result) => result.error?.code === 'refresh_token_already_used')).toHaveLength(2);
  });

  it('refuses an unknown refresh token', async () => {
    const { error } = await device().auth.refreshSession({ refresh_token: 'not-a-token' });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found', message: 'Invalid Refresh Token: Refresh Token Not Found' });
  });
});

describe('the signed-in user', () => {
  it('reads itself and updates its metadata, visible in the next access token', async () => {
    const email = uniqueEmail('profile');
    await signedUpSession(email, { plan: 'free' });
    const { client, session } = await signedInDevice(email);

    const current = await client.auth.getUser();
    expect(current.error).toBeNull();
    expect(current.data.user?.id).toBe(session.user.id);

    const updated = await client.auth.updateUser({ data: { display_name: 'Coach Kim' } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toMatchObject({ plan: 'free', display_name: 'Coach Kim' });
    expect((await client.auth.getUser()).data.user?.user_metadata).toMatchObject({ display_name: 'Coach Kim' });

    const refreshed = await client.auth.refreshSession();
    expect(decodeJwt(refreshed.data.session?.access_token ?? '').user_metadata).toMatchObject({ plan: 'free', display_name: 'Coach Kim' });
  });

  it('changes its password: the old one stops working, the new one works', async () => {
    const email = uniqueEmail('password');
    await signedUpSession(email);
    const { client } = await signedInDevice(email);

    const sameAgain = await client.auth.updateUser({ password: PASSWORD });
    expect(sameAgain.error).toMatchObject({ status: 422, code: 'same_password' });
    const changed = await client.auth.updateUser({ password: 'a brand new passphrase' });
    expect(changed.error).toBeNull();

    const withOld = await device().auth.signInWithPassword({ email, password: PASSWORD });
    expect(withOld.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    await signedInDevice(email, 'a brand new passphrase');
  });

  it('changes its email only once the new address confirms it (secure email change), and not to one that is taken', async () => {
    const taken = uniqueEmail('taken');
    await signedUpSession(taken);
    const email = uniqueEmail('mover');
    const session = await signedUpSession(email);
    const { client } = await signedInDevice(email);

    const clash = await client.auth.updateUser({ email: taken });
    expect(clash.error).toMatchObject({ status: 422, code: 'email_exists' });

    const moved = uniqueEmail('moved');
    const changed = await client.auth.updateUser({ email: moved });
    expect(changed.error).toBeNull();
    // Hosted Auth answers with the old address and the one waiting for its confirmation.
    expect(changed.data.user?.email).toBe(email);
    expect(changed.data.user?.new_email).toBe(moved);
    expect((await device().auth.signInWithPassword({ email: moved, password: PASSWORD })).error?.code).toBe('invalid_credentials');
    await signedInDevice(email);

    expect((await device().auth.verifyOtp({ type: 'email_change', token_hash: 'not-the-token' })).error).toMatchObject({ status: 403, code: 'otp_expired' });
    const { rows } = await sql.query<{ token: string }>(`select email_change_token_new as token from auth.users where id = $1`, [session.user.id]);
    const confirmed = await device().auth.verifyOtp({ type: 'email_change', token_hash: rows[0]?.token ?? '' });
    expect(confirmed.error).toBeNull();
    expect(confirmed.data.user?.email).toBe(moved);
    await signedInDevice(moved);
    expect((await device().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe('invalid_credentials');
    // The link works once.
    expect((await device().auth.verifyOtp({ type: 'email_change', token_hash: rows[0]?.token ?? '' })).error?.code).toBe('otp_expired');
  });

  it('is refused when the access token has expired', async () => {
    const session = await signedUpSession();
    const claims = decodeJwt(session.access_token);
    const issuedAt = (claims.iat ?? 0) - 7200;
    const expired = await new SignJWT({ ...claims, iat: issuedAt, exp: issuedAt + 3600 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(stack.jwtSecret));

    const { data, error } = await device().auth.getUser(expired);

    expect(data.user).toBeNull();
    expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
    expect(error?.message).toContain('token is expired');
  });
});

describe('sign-out', () => {
  it('global sign-out ends every session: refresh tokens and access tokens stop working', async () => {
    const email = uniqueEmail('signout');
    await signedUpSession(email);
    const phone = await signedInDevice(email);
    const laptop = await signedInDevice(email);

    const { error } = await phone.client.auth.signOut();
    expect(error).toBeNull();

    const refresh = await device().auth.refreshSession({ refresh_token: laptop.session.refresh_token });
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
    const user = await device().auth.getUser(phone.session.access_token);
    expect(user.error?.name).toBe('AuthSessionMissingError');
    const raw = await authFetch('/user', { headers: { Authorization: `Bearer ${laptop.session.access_token}` } });
    expect(raw.status).toBe(403);
    expect(await raw.json()).toMatchObject({ error_code: 'session_not_found' });
  });

  it('local sign-out ends only this device; "others" ends the rest', async () => {
    const email = uniqueEmail('scopes');
    await signedUpSession(email);
    const phone = await signedInDevice(email);
    const laptop = await signedInDevice(email);
    const tablet = await signedInDevice(email);

    expect((await phone.client.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect((await device().auth.refreshSession({ refresh_token: phone.session.refresh_token })).error?.code).toBe('refresh_token_not_found');
    expect((await laptop.client.auth.getUser()).error).toBeNull();

    expect((await laptop.client.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await device().auth.getUser(tablet.session.access_token)).error?.name).toBe('AuthSessionMissingError');
    expect((await laptop.client.auth.getUser()).data.user?.email).toBe(email);
  });
});

describe('errors a user sees', () => {
  it('bad credentials: the same answer for a wrong password and an unknown email', async () => {
    const email = uniqueEmail('creds');
    await signedUpSession(email);

    const wrongPassword = await device().auth.signInWithPassword({ email, password: 'not the password' });
    const unknownEmail = await device().auth.signInWithPassword({ email: uniqueEmail('nobody'), password: PASSWORD });

    for (const { data, error } of [wrongPassword, unknownEmail]) {
      expect(data.session).toBeNull();
      expect(error).toMatchObject({ name: 'AuthApiError', status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    }
  });

  it('a weak password is an AuthWeakPasswordError', async () => {
    const { data, error } = await device().auth.signUp({ email: uniqueEmail('weak'), password: '12345' });

    expect(data.user).toBeNull();
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
    expect(error?.message).toBe('Password should be at least 6 characters.');
  });

  it('one of the most common passwords is refused as leaked (reason pwned), as hosted Auth does', async () => {
    const { data, error } = await device().auth.signUp({ email: uniqueEmail('common'), password: 'password' });

    expect(data.user).toBeNull();
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['pwned'] });
  });

  const signUpErrors: Array<{ case: string; email: () => Promise<string>; status: number; code: string; message: string }> = [
    {
      case: 'an already registered email (any letter case)',
      email: async () => {
        const email = uniqueEmail('dup');
        await signedUpSession(email);
        return email.toUpperCase();
      },
      status: 422,
      code: 'user_already_exists',
      message: 'User already registered',
    },
    {
      case: 'an invalid email',
      email: async () => 'not-an-email',
      status: 400,
      code: 'validation_failed',
      message: 'Unable to validate email address: invalid format',
    },
  ];

  it.each(signUpErrors)('sign-up with $case', async ({ email, status, code, message }) => {
    const { data, error } = await device().auth.signUp({ email: await email(), password: PASSWORD });

    expect(data.session).toBeNull();
    expect(error).toMatchObject({ name: 'AuthApiError', status, code, message });
  });

  type RawCase = { case: string; path: string; method?: string; body?: string; bearer?: () => string; status: number; errorCode: string };
  const rawErrors: RawCase[] = [
    { case: 'malformed JSON', path: '/signup', method: 'POST', body: '{"email": "a@b.co",', status: 400, errorCode: 'bad_json' },
    { case: 'a JSON array body', path: '/token?grant_type=password', method: 'POST', body: '[]', status: 400, errorCode: 'bad_json' },
    { case: 'a number where a string belongs', path: '/signup', method: 'POST', body: '{"email": 5}', status: 400, errorCode: 'bad_json' },
    { case: 'no grant_type', path: '/token', method: 'POST', body: '{}', status: 400, errorCode: 'unsupported_grant_type' },
    { case: 'an unsupported grant_type', path: '/token?grant_type=magic', method: 'POST', body: '{}', status: 400, errorCode: 'unsupported_grant_type' },
    { case: 'GET /user without a token', path: '/user', status: 401, errorCode: 'no_authorization' },
    { case: 'GET /user with the anon key', path: '/user', bearer: () => stack.anonKey, status: 403, errorCode: 'bad_jwt' },
    { case: 'a forged token', path: '/user', bearer: () => 'a.b.c', status: 403, errorCode: 'bad_jwt' },
    { case: 'an unknown route', path: '/nowhere', status: 404, errorCode: 'not_found' },
  ];

  it.each(rawErrors)('$case → $status $errorCode as JSON', async ({ path, method, body, bearer, status, errorCode }) => {
    const headers: Record<string, string> = bearer ? { Authorization: `Bearer ${bearer()}` } : {};
    const response = await authFetch(path, { method: method ?? 'GET', body, headers });

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await response.json()).toMatchObject({ code: status, error_code: errorCode, msg: expect.any(String) });
  });
});

describe('admin API', () => {
  it('creates, reads and deletes users with the service role key', async () => {
    const admin = device(stack.serviceRoleKey);
    const email = uniqueEmail('admin-made');

    const created = await admin.auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { display_name: 'Trainee' },
      app_metadata: { tier: 'gold' },
    });
    expect(created.error).toBeNull();
    const userId = created.data.user?.id ?? '';
    expect(created.data.user).toMatchObject({
      email,
      user_metadata: { display_name: 'Trainee' },
      app_metadata: { provider: 'email', providers: ['email'], tier: 'gold' },
    });

    const { session } = await signedInDevice(email);
    expect(decodeJwt(session.access_token).app_metadata).toMatchObject({ tier: 'gold' });
    expect((await admin.auth.admin.getUserById(userId)).data.user?.email).toBe(email);

    expect((await admin.auth.admin.deleteUser(userId)).error).toBeNull();
    expect((await admin.auth.admin.getUserById(userId)).error).toMatchObject({ status: 404, code: 'user_not_found' });
    expect((await device().auth.signInWithPassword({ email, password: PASSWORD })).error?.code).toBe('invalid_credentials');
  });

  it('an unconfirmed user cannot sign in until confirmed', async () => {
    const admin = device(stack.serviceRoleKey);
    const email = uniqueEmail('unconfirmed');
    const created = await admin.auth.admin.createUser({ email, password: PASSWORD });

    expect((await device().auth.signInWithPassword({ email, password: PASSWORD })).error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
    await admin.auth.admin.updateUserById(created.data.user?.id ?? '', { email_confirm: true });
    await signedInDevice(email);
  });

  it('refuses callers without the service role', async () => {
    const { data, error } = await device().auth.admin.createUser({ email: uniqueEmail('sneaky'), password: PASSWORD });

    expect(data.user).toBeNull();
    expect(error).toMatchObject({ status: 403, code: 'not_admin' });
  });
});

describe('other endpoints auth-js calls', () => {
  it('password recovery answers without revealing whether the email exists', async () => {
    expect((await device().auth.resetPasswordForEmail(uniqueEmail('nobody'))).error).toBeNull();
  });

  it('settings describe email sign-up with autoconfirm', async () => {
    const response = await authFetch('/settings');
    expect(await response.json()).toMatchObject({ external: { email: true }, disable_signup: false, mailer_autoconfirm: true });
  });
});

describe('PostgREST and RLS accept the issued access token', () => {
  beforeAll(async () => {
    await sql.query(`
      create table public.auth_probe (id int primary key, owner uuid not null default auth.uid());
      alter table public.auth_probe enable row level security;
      create policy auth_probe_insert on public.auth_probe for insert to authenticated with check (owner = (select auth.uid()));
      create policy auth_probe_select on public.auth_probe for select to authenticated using (owner = (select auth.uid()));
      notify pgrst, 'reload schema';
    `);
  });

  it('writes as the signed-in user: auth.uid() is the user id', async () => {
    const email = uniqueEmail('rls');
    await signedUpSession(email);
    const { client, session } = await signedInDevice(email);

    const inserted = await insertProbeWhenSchemaIsLoaded(client, 1);
    expect(inserted.error).toBeNull();

    const { rows } = await sql.query('select owner from public.auth_probe where id = 1');
    expect(rows).toEqual([{ owner: session.user.id }]);
    expect((await client.from('auth_probe').select('id')).data).toEqual([{ id: 1 }]);
    expect((await device().from('auth_probe').select('id')).data).toEqual([]);
  });
});

/** PostgREST reloads its schema cache asynchronously after `notify pgrst` (404 until then). */
async function insertProbeWhenSchemaIsLoaded(client: SupabaseClient, id: number): Promise<{ error: unknown }> {
  for (let attempt = 0; ; attempt += 1) {
    const result = await client.from('auth_probe').insert({ id });
    if (result.status !== 404 || attempt >= 50) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
