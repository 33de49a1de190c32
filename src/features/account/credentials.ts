import { z } from 'zod';

/** What the sign-in and sign-up forms accept; the same rules the Auth server enforces. */
export const credentialsSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').email('Enter a valid email address, like name@example.com'),
  password: z.string().min(6, 'The password must be at least 6 characters'),
});

export type Credentials = z.infer<typeof credentialsSchema>;

export type FieldErrors = Partial<Record<keyof Credentials, string>>;

export function validateCredentials(input: unknown): { ok: true; value: Credentials } | { ok: false; errors: FieldErrors } {
  const parsed = credentialsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
