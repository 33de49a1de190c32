/**
 * The roster on the device: fetched with supabase-js when online (RLS shows a trainer only
 * their own rows, and a client's name and profile only while they are active), kept in a small
 * Dexie database per user so the roster and the program builder's "assign to" list work with
 * no signal. Inviting and removing are server changes (a code must come from the server; a
 * removal ends access), so they need a connection and say so.
 */
import Dexie, { liveQuery, type EntityTable } from 'dexie';
import { getSupabase } from '@/lib/supabase';
import { clientProfileModel, inviteCodeModel, inviteEmailModel, rosterRowModel, type ClientProfileFacts, type RosterEntry } from './roster-model';
import { serverInReach } from '@/sync/reachability';

type RosterDb = Dexie & { entries: EntityTable<RosterEntry, 'id'> };

const databases = new Map<string, RosterDb>();

export function rosterDb(userId: string): RosterDb {
  let db = databases.get(userId);
  if (!db) {
    db = new Dexie(`fitcoach-roster-${userId.toLowerCase()}`) as RosterDb;
    db.version(1).stores({ entries: '&id, status, client_id' });
    databases.set(userId, db);
  }
  return db;
}

const ROSTER_COLUMNS = 'id, client_id, invited_email, invite_code, status, invited_at, accepted_at, removed_at, deleted';

/** Fetches the roster and replaces the device copy. Offline (or on error): keeps the copy. */
export async function refreshRoster(trainerId: string): Promise<{ ok: boolean; message?: string }> {
  const supabase = await getSupabase();
  const roster = await supabase.from('trainer_clients').select(ROSTER_COLUMNS).eq('trainer_id', trainerId).eq('deleted', false);
  if (roster.error) return { ok: false, message: roster.error.message };
  const rows = (roster.data as unknown[]).flatMap((raw) => {
    const parsed = rosterRowModel.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const activeIds = rows.filter((r) => r.status === 'active' && r.client_id).map((r) => r.client_id as string);
  const names = new Map<string, string>();
  const profiles = new Map<string, ClientProfileFacts>();
  if (activeIds.length) {
    const [people, details] = await Promise.all([
      supabase.from('profiles').select('id, full_name').in('id', activeIds),
      supabase.from('client_profiles').select('client_id, goal, experience_level, preferred_days_per_week, height_cm, current_weight_kg, limitations').in('client_id', activeIds).eq('deleted', false),
    ]);
    if (people.error) return { ok: false, message: people.error.message };
    for (const p of (people.data ?? []) as Array<{ id: string; full_name: string }>) names.set(p.id, p.full_name);
    for (const raw of (details.data ?? []) as unknown[]) {
      const parsed = clientProfileModel.safeParse(raw);
      if (parsed.success) profiles.set(parsed.data.client_id, parsed.data);
    }
  }
  const db = rosterDb(trainerId);
  // A removed client's profile is no longer readable; the roster keeps the name it last knew
  // (so the trainer recognises whom they removed), never their details.
  const known = new Map((await db.entries.toArray()).map((e) => [e.id, e.full_name]));
  const entries: RosterEntry[] = rows.map(({ deleted: _deleted, ...row }) => {
    const active = row.status === 'active' && row.client_id !== null;
    return {
      ...row,
      full_name: active ? (names.get(row.client_id as string) ?? null) : (known.get(row.id) ?? null),
      profile: active ? (profiles.get(row.client_id as string) ?? null) : null,
    };
  });
  await db.transaction('rw', db.entries, async () => {
    await db.entries.clear();
    await db.entries.bulkPut(entries);
  });
  return { ok: true };
}

export function watchRoster(userId: string, onChange: (entries: RosterEntry[]) => void): () => void {
  const subscription = liveQuery(() => rosterDb(userId).entries.toArray()).subscribe({ next: onChange, error: () => onChange([]) });
  return () => subscription.unsubscribe();
}

export class NeedsConnectionError extends Error {
  constructor(action: string) {
    super(`${action} needs a connection. Try again when you are online.`);
    this.name = 'NeedsConnectionError';
  }
}

/** A new invitation (optionally tied to an email); returns its code for the client. */
export async function inviteClient(trainerId: string, emailText: string): Promise<{ code: string }> {
  const email = inviteEmailModel.parse(emailText);
  if (!serverInReach()) throw new NeedsConnectionError('Inviting a client');
  const supabase = await getSupabase();
  const { data, error } = await supabase.from('trainer_clients').insert({ trainer_id: trainerId, invited_email: email }).select('invite_code').single();
  if (error) throw new Error(error.message);
  await refreshRoster(trainerId);
  return { code: (data as { invite_code: string }).invite_code };
}

/**
 * Removes a client (or withdraws an invitation): the trainer loses access to their data at
 * once, on the server; the client's data stays theirs.
 */
export async function removeFromRoster(trainerId: string, entryId: string): Promise<void> {
  if (!serverInReach()) throw new NeedsConnectionError('Removing a client');
  const supabase = await getSupabase();
  const { error } = await supabase.from('trainer_clients').update({ status: 'removed' }).eq('id', entryId);
  if (error) throw new Error(error.message);
  await refreshRoster(trainerId);
}

/** The client's side: join a trainer with the code they gave you. */
export async function acceptInvitation(codeText: string): Promise<void> {
  const code = inviteCodeModel.parse(codeText);
  if (!serverInReach()) throw new NeedsConnectionError('Joining a trainer');
  const supabase = await getSupabase();
  const { error } = await supabase.rpc('accept_invitation', { code });
  if (error) throw new Error(error.message);
}
