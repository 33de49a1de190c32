/**
 * POST /signup: email + password sign-up. The local stack runs with GoTrue's mailer autoconfirm,
 * so the new user is confirmed at once and signed in: the response is a full session.
 */
import type { AuthContext, AuthRequest } from './context.js';
import { isUniqueViolation, withTransaction } from './db.js';
import { badRequest, userAlreadyRegistered } from './errors.js';
import { clientInfoOf, readJsonObject, sendJson, type ClientInfo, type JsonObject } from './http.js';
import { hashPassword } from './passwords.js';
import { createSession, issueRefreshToken } from './sessions.js';
import { sessionResponse, type SessionResponse } from './tokens.js';
import { findIdentities, findUserByEmail, insertEmailUser, type Metadata } from './users.js';
import { checkPasswordStrength, normalizeEmail, parseBody, refusePhone, signupBodySchema } from './validation.js';

type SignupRequest = { email: string; password: string; userMetadata: Metadata };

function validSignup(body: JsonObject): SignupRequest {
  const parsed = parseBody(signupBodySchema, body);
  refusePhone(parsed.phone);
  const email = normalizeEmail(parsed.email);
  if (!parsed.password) throw badRequest('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(parsed.password);
  return { email, password: parsed.password, userMetadata: parsed.data ?? {} };
}

async function createSignedInUser(context: AuthContext, signup: SignupRequest, client: ClientInfo): Promise<SessionResponse> {
  const passwordHash = await hashPassword(signup.password, context.bcryptCost);
  return withTransaction(context.pool, async (db) => {
    const user = await insertEmailUser(db, {
      email: signup.email,
      passwordHash,
      emailConfirmed: true,
      signedIn: true,
      userMetadata: signup.userMetadata,
      appMetadata: {},
    });
    const session = await createSession(db, user.id, client, context.sessionLimits.timeboxSeconds);
    const refreshToken = await issueRefreshToken(db, session, null);
    return sessionResponse(context, { user, identities: await findIdentities(db, user.id), session, refreshToken });
  });
}

export async function signUp({ context, req, res }: AuthRequest): Promise<void> {
  const signup = validSignup(await readJsonObject(req));
  // Checked before hashing (cheap answer); the unique index settles races.
  if (await findUserByEmail(context.pool, signup.email)) throw userAlreadyRegistered();
  try {
    sendJson(res, 200, await createSignedInUser(context, signup, clientInfoOf(req)));
  } catch (error) {
    throw isUniqueViolation(error) ? userAlreadyRegistered() : error;
  }
}
