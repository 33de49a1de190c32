/** Reads the session supabase-js stored in localStorage (used when it cannot refresh offline). */
import type { Session } from '@supabase/supabase-js';
import { z } from 'zod';

const storedSessionModel = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number(),
  expires_at: z.number().optional(),
  user: z.looseObject({ id: z.string().min(1), email: z.string().optional(), user_metadata: z.record(z.string(), z.unknown()).catch({}) }),
});

export function parseStoredSession(raw: string | null): Session | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = storedSessionModel.safeParse(value);
  return parsed.success ? (parsed.data as unknown as Session) : null;
}
