/**
 * Test users through the real local Auth server: sign up with supabase-js (the sign-up trigger
 * creates the profile), and get a client whose requests carry that user's access token, as a
 * device's would. Also the anon and service-role clients, and a trainer-client relationship
 * made the way the app makes it (invitation, then accept_invitation by the client).
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { TestStack } from './stack.js';
import { createTestClient } from './supabase.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export type AppRole = 'client' | 'trainer';

export type TestUser = {
  id: string;
  email: string;
  role: AppRole;
  fullName: string;
  accessToken: string;
  /** supabase-js signed in as this user (REST calls carry the user's JWT). */
  client: SupabaseClient;
};

export type NewUser = { role: AppRole; fullName?: string; email?: string };

export function anonClient(stack: Pick<TestStack, 'apiUrl' | 'anonKey'>): SupabaseClient {
  return createTestClient(stack.apiUrl, stack.anonKey);
}

/** The service role: what the dashboard, webhooks and server code use; bypasses RLS. */
export function serviceClient(stack: Pick<TestStack, 'apiUrl' | 'serviceRoleKey'>): SupabaseClient {
  return createTestClient(stack.apiUrl, stack.serviceRoleKey);
}

export function uniqueEmail(label: string): string {
  return `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Signs a new user up (email + password) and returns a client signed in as them. */
export async function createUser(stack: Pick<TestStack, 'apiUrl' | 'anonKey'>, user: NewUser): Promise<TestUser> {
  const fullName = user.fullName ?? `Test ${user.role}`;
  const email = user.email ?? uniqueEmail(fullName);
  const client = anonClient(stack);
  const { data, error } = await client.auth.signUp({
    email,
    password: TEST_PASSWORD,
    options: { data: { full_name: fullName, role: user.role } },
  });
  if (error) throw new Error(`sign-up of ${email} failed: ${error.message}`);
  if (!data.session || !data.user) throw new Error(`sign-up of ${email} returned no session`);
  return { id: data.user.id, email, role: user.role, fullName, accessToken: data.session.access_token, client };
}

/** Signs an existing user in on a fresh client (a second device). */
export async function signIn(
  stack: Pick<TestStack, 'apiUrl' | 'anonKey'>,
  email: string,
  password = TEST_PASSWORD,
): Promise<SupabaseClient> {
  const client = anonClient(stack);
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in of ${email} failed: ${error.message}`);
  return client;
}

/**
 * Puts `client` on `trainer`'s roster the way the app does: the trainer invites (by email),
 * the client accepts with the code. Returns the trainer_clients row id.
 */
export async function connectTrainerAndClient(trainer: TestUser, client: TestUser): Promise<string> {
  const invited = await trainer.client
    .from('trainer_clients')
    .insert({ trainer_id: trainer.id, invited_email: client.email })
    .select('id, invite_code')
    .single();
  if (invited.error) throw new Error(`invitation failed: ${invited.error.message}`);
  const accepted = await client.client.rpc('accept_invitation', { code: (invited.data as { invite_code: string }).invite_code });
  if (accepted.error) throw new Error(`accept_invitation failed: ${accepted.error.message}`);
  return (invited.data as { id: string }).id;
}
