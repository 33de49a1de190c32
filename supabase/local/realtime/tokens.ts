/**
 * Subscriber identity from a Supabase JWT (HS256 with the stack's secret): the Postgres role
 * that RLS is checked as, and the claims `auth.uid()` and `auth.jwt()` read.
 */
import { errors, jwtVerify } from 'jose';
import { SUBSCRIBER_ROLES, type Subscriber, type SubscriberRole } from './rls.js';

export type VerifiedToken = { ok: true; subscriber: Subscriber; expiresAtMs: number | undefined } | { ok: false; reason: string };

function isSubscriberRole(role: unknown): role is SubscriberRole {
  return typeof role === 'string' && (SUBSCRIBER_ROLES as readonly string[]).includes(role);
}

export async function verifyAccessToken(token: string, secret: Uint8Array): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    if (!isSubscriberRole(payload.role)) {
      return { ok: false, reason: `Invalid JWT: role must be one of ${SUBSCRIBER_ROLES.join(', ')}` };
    }
    const claims: Record<string, unknown> = { ...payload };
    return {
      ok: true,
      subscriber: { key: `${payload.role}\u0000${JSON.stringify(claims)}`, role: payload.role, claims },
      expiresAtMs: typeof payload.exp === 'number' ? payload.exp * 1000 : undefined,
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'Token has expired' };
    return { ok: false, reason: `Invalid JWT: ${(error as Error).message}` };
  }
}
