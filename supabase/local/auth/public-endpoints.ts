/** Endpoints that need no signed-in user: settings, health, JWKS, password recovery. */
import type { AuthRequest } from './context.js';
import { readJsonObject, sendJson } from './http.js';
import { normalizeEmail, parseBody, recoverBodySchema } from './validation.js';

const EXTERNAL_PROVIDERS_OFF = [
  'anonymous_users', 'apple', 'azure', 'bitbucket', 'discord', 'facebook', 'figma', 'fly', 'github', 'gitlab',
  'google', 'keycloak', 'kakao', 'linkedin', 'linkedin_oidc', 'notion', 'spotify', 'slack', 'slack_oidc',
  'workos', 'twitch', 'twitter', 'zoom', 'phone', 'saml', 'web3_ethereum', 'web3_solana',
] as const;

export type AuthSettings = {
  external: Record<string, boolean>;
  disable_signup: boolean;
  mailer_autoconfirm: boolean;
  phone_autoconfirm: boolean;
  sms_provider: string;
  saml_enabled: boolean;
};

/** What GoTrue's GET /settings reports for this configuration: email+password, autoconfirm. */
export function localAuthSettings(): AuthSettings {
  const external: Record<string, boolean> = Object.fromEntries(EXTERNAL_PROVIDERS_OFF.map((provider) => [provider, false]));
  external.email = true;
  return {
    external,
    disable_signup: false,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  };
}

export async function getSettings({ res }: AuthRequest): Promise<void> {
  sendJson(res, 200, localAuthSettings());
}

export async function getHealth({ res }: AuthRequest): Promise<void> {
  sendJson(res, 200, { version: 'local', name: 'GoTrue', description: 'Local stand-in for Supabase Auth (no Docker)' });
}

/** Tokens are signed with the shared HS256 secret, so there is no public key to publish. */
export async function getJwks({ res }: AuthRequest): Promise<void> {
  sendJson(res, 200, { keys: [] });
}

/**
 * POST /recover {email} → 200 `{}` whether or not the email has an account (no enumeration).
 * The local stack sends no mail; change a password with PUT /user or the admin API instead.
 */
export async function recoverPassword({ req, res }: AuthRequest): Promise<void> {
  const body = parseBody(recoverBodySchema, await readJsonObject(req));
  normalizeEmail(body.email);
  sendJson(res, 200, {});
}
