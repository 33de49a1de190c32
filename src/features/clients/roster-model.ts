/**
 * The trainer's roster as the device keeps it: trainer_clients rows (with the client's name
 * and profile when the relationship is active), parsed at the network boundary. trainer_clients
 * is not a synced RxDB collection (the synced model keeps to RxDB's 12): it is read with
 * supabase-js when online and cached in Dexie (roster-cache.ts), like the exercise catalogue.
 */
import { z } from 'zod';

export const rosterStatus = z.enum(['invited', 'active', 'removed']);
export type RosterStatus = z.infer<typeof rosterStatus>;

export const rosterRowModel = z.object({
  id: z.string(),
  client_id: z.string().nullable(),
  invited_email: z.string().nullable(),
  invite_code: z.string(),
  status: rosterStatus,
  invited_at: z.string(),
  accepted_at: z.string().nullable(),
  removed_at: z.string().nullable(),
  deleted: z.boolean(),
});

export const clientProfileModel = z.object({
  client_id: z.string(),
  goal: z.string().nullable(),
  experience_level: z.string().nullable(),
  preferred_days_per_week: z.number().nullable(),
  height_cm: z.coerce.number().nullable(),
  current_weight_kg: z.coerce.number().nullable(),
  limitations: z.string().nullable(),
});
export type ClientProfileFacts = z.infer<typeof clientProfileModel>;

export type RosterEntry = Omit<z.infer<typeof rosterRowModel>, 'deleted'> & {
  /** The client's name (active clients; an invitation shows its email). */
  full_name: string | null;
  profile: ClientProfileFacts | null;
};

/** How the roster lists a person: their name, else the invited email, else the code. */
export function rosterLabel(entry: Pick<RosterEntry, 'full_name' | 'invited_email' | 'invite_code'>): string {
  return entry.full_name ?? entry.invited_email ?? `Invitation ${entry.invite_code}`;
}

const STATUS_ORDER: Record<RosterStatus, number> = { active: 0, invited: 1, removed: 2 };

/** Active first, then open invitations, then removed; by name within each. */
export function sortRoster<T extends Pick<RosterEntry, 'status' | 'full_name' | 'invited_email' | 'invite_code'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || rosterLabel(a).localeCompare(rosterLabel(b)));
}

/** The email typed into the invitation form: empty means "anyone with the code". */
export const inviteEmailModel = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s.toLowerCase()))
  .pipe(z.email({ message: 'Enter an email address like name@example.com, or leave it empty' }).nullable());

/** A code as the client types it: letters and digits, any case, spaces ignored. */
export const inviteCodeModel = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6,32}$/, { message: 'An invitation code is 6 to 32 letters and digits' }));
