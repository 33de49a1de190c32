/**
 * GoTrue-style errors. auth-js (fetch.js `handleError`) reads `error_code` (or, for API version
 * 2024-01-01 responses, a string `code`) and the message from `msg`; a `weak_password` error
 * also needs `weak_password.reasons` to become an AuthWeakPasswordError. We answer in GoTrue's
 * classic body shape `{code: <http status>, error_code, msg}`, which every auth-js version reads.
 */

/** The error codes this server sends; all but the last three are GoTrue's own. */
export type AuthErrorCode =
  | 'bad_json'
  | 'bad_jwt'
  | 'email_exists'
  | 'email_not_confirmed'
  | 'invalid_credentials'
  | 'no_authorization'
  | 'not_admin'
  | 'phone_provider_disabled'
  | 'refresh_token_already_used'
  | 'refresh_token_not_found'
  | 'same_password'
  | 'session_expired'
  | 'session_not_found'
  | 'unexpected_failure'
  | 'user_already_exists'
  | 'user_banned'
  | 'user_not_found'
  | 'validation_failed'
  | 'weak_password'
  | 'unsupported_grant_type'
  | 'otp_expired'
  | 'over_request_rate_limit'
  | 'not_found'
  | 'method_not_allowed';

export type WeakPasswordReason = 'length' | 'characters' | 'pwned';

export class AuthHttpError extends Error {
  readonly status: number;
  readonly errorCode: AuthErrorCode;
  readonly weakPasswordReasons: WeakPasswordReason[] | undefined;

  constructor(status: number, errorCode: AuthErrorCode, message: string, weakPasswordReasons?: WeakPasswordReason[]) {
    super(message);
    this.name = 'AuthHttpError';
    this.status = status;
    this.errorCode = errorCode;
    this.weakPasswordReasons = weakPasswordReasons;
  }
}

export type AuthErrorBody = {
  code: number;
  error_code: AuthErrorCode;
  msg: string;
  weak_password?: { reasons: WeakPasswordReason[]; message: string };
};

export function errorBodyOf(error: AuthHttpError): AuthErrorBody {
  const body: AuthErrorBody = { code: error.status, error_code: error.errorCode, msg: error.message };
  if (error.weakPasswordReasons) body.weak_password = { reasons: error.weakPasswordReasons, message: error.message };
  return body;
}

export const badRequest = (code: AuthErrorCode, message: string): AuthHttpError => new AuthHttpError(400, code, message);
export const unprocessable = (code: AuthErrorCode, message: string): AuthHttpError => new AuthHttpError(422, code, message);
export const forbidden = (code: AuthErrorCode, message: string): AuthHttpError => new AuthHttpError(403, code, message);

export const invalidCredentials = (): AuthHttpError => badRequest('invalid_credentials', 'Invalid login credentials');

export const weakPassword = (minimumLength: number): AuthHttpError =>
  new AuthHttpError(422, 'weak_password', `Password should be at least ${minimumLength} characters.`, ['length']);

export const invalidEmail = (): AuthHttpError =>
  badRequest('validation_failed', 'Unable to validate email address: invalid format');

export const userAlreadyRegistered = (): AuthHttpError => unprocessable('user_already_exists', 'User already registered');

export const emailTaken = (): AuthHttpError =>
  unprocessable('email_exists', 'A user with this email address has already been registered');

export const userNotFound = (): AuthHttpError => new AuthHttpError(404, 'user_not_found', 'User not found');

export const notFound = (path: string): AuthHttpError => new AuthHttpError(404, 'not_found', `Not found: ${path}`);

export const methodNotAllowed = (method: string, path: string): AuthHttpError =>
  new AuthHttpError(405, 'method_not_allowed', `Method ${method} is not allowed on ${path}`);

/** Anything that is not an AuthHttpError is a bug or an outage: a 500 that names it. */
export function unexpectedFailure(error: unknown): AuthHttpError {
  const detail = error instanceof Error ? error.message : String(error);
  return new AuthHttpError(500, 'unexpected_failure', `Unexpected failure: ${detail}`);
}
