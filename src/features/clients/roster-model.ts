/**
 * The trainer's roster as the device shows it: the roster replica's trainer_clients rows, with
 * the client's name (the people replica) and profile (while the relationship is active).
 * trainer_clients is server-decided data, not a synced RxDB collection: the sync engine keeps
 * it fresh (src/sync/replicas/roster.ts); roster-api.ts makes the changes.
 */
import { z } from 'zod';
import type { ClientProfileFacts, PersonRow, RosterRow, RosterStatus } from '@/sync/replicas';

export { clientProfileModel, rosterRowModel, rosterStatus, type ClientProfileFacts, type RosterStatus } from '@/sync/replicas';

export type RosterEntry = Omit<RosterRow, 'trainer_id'> & {
  /** The client's name (active clients; an invitation shows its email). */
  full_name: string | null;
  profile: ClientProfileFacts | null;
};

/**
 * The roster entries of a trainer's rows. A removed client keeps the name last known (the
 * server no longer serves their profile row), never their details.
 */
export function rosterEntries(
  rows: readonly RosterRow[],
  people: ReadonlyMap<string, Pick<PersonRow, 'full_name'>>,
  profiles: ReadonlyMap<string, ClientProfileFacts>,
): RosterEntry[] {
  return rows.map(({ trainer_id: _trainer, ...row }) => {
    const active = row.status === 'active' && row.client_id !== null;
    return {
      ...row,
      full_name: row.client_id ? (people.get(row.client_id)?.full_name ?? null) : null,
      profile: active ? (profiles.get(row.client_id as string) ?? null) : null,
    };
  });
}

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
