/**
 * Request bodies (zod) and GoTrue's rules for emails and passwords. A body of the wrong shape
 * (e.g. a number where GoTrue expects a string) is GoTrue's 400 `bad_json`, because Go fails
 * to unmarshal it; the rules on values give GoTrue's own messages.
 */
import { z } from 'zod';
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from '../../../src/lib/common-passwords.js';
import { AuthHttpError, badRequest, invalidEmail, unprocessable, weakPassword } from './errors.js';
import type { JsonObject } from './http.js';

/** GoTrue's email pattern (the HTML5 one): a local part, `@`, dot-separated DNS labels. */
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const MAX_EMAIL_LENGTH = 255;
/** GoTrue's default `password_min_length`. */
export const MIN_PASSWORD_LENGTH = 6;
/** bcrypt ignores everything after 72 bytes, so GoTrue refuses longer passwords. */
const MAX_PASSWORD_BYTES = 72;

const optionalText = z.string().nullish();
const metadata = z.record(z.string(), z.unknown()).nullish();

export const signupBodySchema = z.object({
  email: optionalText,
  phone: optionalText,
  password: optionalText,
  data: metadata,
});
export type SignupBody = z.infer<typeof signupBodySchema>;

export const passwordGrantBodySchema = z.object({ email: optionalText, phone: optionalText, password: optionalText });
export type PasswordGrantBody = z.infer<typeof passwordGrantBodySchema>;

export const refreshGrantBodySchema = z.object({ refresh_token: optionalText });

export const userUpdateBodySchema = z.object({
  email: optionalText,
  phone: optionalText,
  password: optionalText,
  data: metadata,
});
export type UserUpdateBody = z.infer<typeof userUpdateBodySchema>;

export const recoverBodySchema = z.object({ email: optionalText });

export const adminUserBodySchema = z.object({
  email: optionalText,
  phone: optionalText,
  password: optionalText,
  email_confirm: z.boolean().nullish(),
  user_metadata: metadata,
  app_metadata: metadata,
});
export type AdminUserBody = z.infer<typeof adminUserBodySchema>;

export function parseBody<T>(schema: z.ZodType<T>, body: JsonObject): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw badRequest('bad_json', `Could not parse request body as JSON: ${where}${issue?.message ?? 'invalid body'}`);
}

const emailSchema = z.string().max(MAX_EMAIL_LENGTH).regex(EMAIL_PATTERN);

/** GoTrue's `validateEmail`: required, at most 255 characters, a valid format; stored lowercase. */
export function normalizeEmail(email: string | null | undefined): string {
  const trimmed = (email ?? '').trim();
  if (trimmed === '') throw badRequest('validation_failed', 'An email address is required');
  if (trimmed.length > MAX_EMAIL_LENGTH) throw badRequest('validation_failed', 'An email address is too long');
  if (!emailSchema.safeParse(trimmed).success) throw invalidEmail();
  return trimmed.toLowerCase();
}

/**
 * GoTrue's password rules: at least 6 characters (weak_password), at most 72 bytes, and not a
 * leaked one (hosted Auth's leaked-password protection, reason `pwned`).
 */
export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw weakPassword(MIN_PASSWORD_LENGTH);
  if (isCommonPassword(password)) throw new AuthHttpError(422, 'weak_password', COMMON_PASSWORD_MESSAGE, ['pwned']);
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw unprocessable('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
}

/** Phone sign-in is not part of the local stack: say so instead of silently ignoring it. */
export function refusePhone(phone: string | null | undefined): void {
  if (phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
}
