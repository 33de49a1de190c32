/**
 * Access tokens (HS256 JWTs with Supabase's claims, which PostgREST and RLS read through
 * auth.uid() / auth.jwt()) and the session object that auth-js stores.
 */
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { AuthContext } from './context.js';
import { forbidden, type AuthHttpError } from './errors.js';
import type { SessionRow } from './sessions.js';
import { appMetadataOf, audienceOf, roleOf, toGoTrueUser, userMetadataOf, type GoTrueUser } from './user-json.js';
import type { IdentityRow, Metadata, UserRow } from './users.js';

export type AuthMethodReference = { method: 'password'; timestamp: number };

export type AccessTokenClaims = {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  email: string;
  phone: string;
  app_metadata: Metadata;
  user_metadata: Metadata;
  role: string;
  aal: 'aal1';
  amr: AuthMethodReference[];
  session_id: string;
  is_anonymous: boolean;
};

export type SessionResponse = {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: GoTrueUser;
};

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function accessTokenClaims(context: AuthContext, user: UserRow, session: SessionRow, issuedAt: number): AccessTokenClaims {
  return {
    iss: context.issuer,
    sub: user.id,
    aud: audienceOf(user),
    exp: issuedAt + context.jwtExpirySeconds,
    iat: issuedAt,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: appMetadataOf(user),
    user_metadata: userMetadataOf(user),
    role: roleOf(user),
    aal: 'aal1',
    // Only password sign-ins exist locally; the session began with one.
    amr: [{ method: 'password', timestamp: Math.floor(session.created_at.getTime() / 1000) }],
    session_id: session.id,
    is_anonymous: user.is_anonymous,
  };
}

export function signAccessToken(context: AuthContext, claims: AccessTokenClaims): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(context.signingKey);
}

export type SessionParts = { user: UserRow; identities: IdentityRow[]; session: SessionRow; refreshToken: string };

export async function sessionResponse(context: AuthContext, parts: SessionParts): Promise<SessionResponse> {
  const claims = accessTokenClaims(context, parts.user, parts.session, nowSeconds());
  return {
    access_token: await signAccessToken(context, claims),
    token_type: 'bearer',
    expires_in: context.jwtExpirySeconds,
    expires_at: claims.exp,
    refresh_token: parts.refreshToken,
    user: toGoTrueUser(parts.user, parts.identities),
  };
}

/** The claims the server relies on when a bearer token comes back; the rest is passed through. */
const bearerClaimsSchema = z.object({
  sub: z.string().optional(),
  role: z.string().optional(),
  session_id: z.string().optional(),
});
export type BearerClaims = z.infer<typeof bearerClaimsSchema>;

function badJwt(reason: string): AuthHttpError {
  return forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token has invalid claims: token is expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature is invalid';
  return error instanceof Error ? error.message : 'token is malformed';
}

/** Verifies signature and expiry like GoTrue; failures are 403 `bad_jwt`. */
export async function verifyBearerToken(context: AuthContext, token: string): Promise<BearerClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, context.signingKey, { algorithms: ['HS256'] }));
  } catch (error) {
    throw badJwt(reasonOf(error));
  }
  const claims = bearerClaimsSchema.safeParse(payload);
  if (!claims.success) throw forbidden('bad_jwt', 'invalid JWT: claims have the wrong types');
  return claims.data;
}
