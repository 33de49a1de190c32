/**
 * bcrypt password hashes, as GoTrue stores them in auth.users.encrypted_password. Hashes made
 * by pgcrypto's `crypt(pw, gen_salt('bf'))` ($2a$) verify too, so SQL seeds can create users.
 */
import bcrypt from 'bcryptjs';

/** GoTrue's bcrypt cost. */
export const DEFAULT_BCRYPT_COST = 10;

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

/** False for a wrong password and for a missing or malformed hash (never throws). */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash || !hash.startsWith('$2')) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

/**
 * A password check that costs what a real one costs, for sign-ins with an unknown email, so
 * response times do not reveal which emails have accounts.
 */
export function passwordTimingDecoy(cost: number): (password: string) => Promise<void> {
  let decoyHash: Promise<string> | undefined;
  return async (password) => {
    decoyHash ??= bcrypt.hash('local-auth-timing-decoy', cost);
    await verifyPassword(password, await decoyHash);
  };
}
