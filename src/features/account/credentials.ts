import { z } from 'zod';
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from '@/lib/common-passwords';

/** What the sign-in and sign-up forms accept; the same rules the Auth server enforces. */
export const credentialsSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').email('Enter a valid email address, like name@example.com'),
  password: z.string().min(6, 'The password must be at least 6 characters'),
});

export type Credentials = z.infer<typeof credentialsSchema>;

/** Sign-up also asks for a name and whether the person coaches (profiles.role client | trainer). */
export const signUpSchema = credentialsSchema.extend({
  password: credentialsSchema.shape.password.refine((p) => !isCommonPassword(p), COMMON_PASSWORD_MESSAGE),
  fullName: z.string().trim().min(1, 'Enter your name').max(200, 'Keep the name under 200 characters'),
  role: z.enum(['client', 'trainer']),
});

export type SignUpDetails = z.infer<typeof signUpSchema>;

export type FieldErrors = Partial<Record<keyof SignUpDetails, string>>;

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function collect<T>(parsed: z.ZodSafeParseResult<T>): Result<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password' || field === 'fullName' || field === 'role') && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

export function validateCredentials(input: unknown): Result<Credentials> {
  return collect(credentialsSchema.safeParse(input));
}

export function validateSignUp(input: unknown): Result<SignUpDetails> {
  return collect(signUpSchema.safeParse(input));
}
