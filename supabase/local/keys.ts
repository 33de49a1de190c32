/**
 * The local stack's JWT secret and the anon/service_role API keys signed with it.
 * The secret is the Supabase CLI's well-known local one, so keys are stable across restarts
 * and machines and the app can be built against them. Never use it for a hosted project.
 */
import { SignJWT } from 'jose';

export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** Fixed issue and expiry times keep the keys identical on every machine. */
const KEY_ISSUED_AT = 1_700_000_000;
const KEY_EXPIRES_AT = 4_102_444_800; // 2100-01-01

export type ApiKeys = { anonKey: string; serviceRoleKey: string };

export function secretBytes(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

async function signApiKey(role: 'anon' | 'service_role', secret: string): Promise<string> {
  return new SignJWT({ iss: 'supabase-demo', role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(KEY_ISSUED_AT)
    .setExpirationTime(KEY_EXPIRES_AT)
    .sign(secretBytes(secret));
}

export async function makeApiKeys(secret: string = LOCAL_JWT_SECRET): Promise<ApiKeys> {
  return {
    anonKey: await signApiKey('anon', secret),
    serviceRoleKey: await signApiKey('service_role', secret),
  };
}
