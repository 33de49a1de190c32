/**
 * The roster's server calls and its device view. The rows are the sync engine's roster and
 * people replicas (refreshed at every poke); inviting and removing are server changes (a code
 * must come from the server; a removal ends access), so they need a connection and say so.
 */
import { whenEngineStarted } from '@/lib/device-store';
import { getSupabase } from '@/lib/supabase';
import { replicaRows, type ClientProfileFacts, type PersonRow, type ReplicaStore, type RosterRow } from '@/sync/replicas';
import { serverInReach } from '@/sync/reachability';
import { inviteCodeModel, inviteEmailModel, rosterEntries, type RosterEntry } from './roster-model';

const ROSTER_TABLES = ['trainer_clients', 'profiles', 'client_profiles'];

/** Brings the roster, names and profiles up to date now; false when any could not be read. */
export async function refreshRoster(): Promise<boolean> {
  const engine = await whenEngineStarted();
  return !!engine && (await engine.replicas.refreshTables(ROSTER_TABLES)).length === 0;
}

/** The trainer's roster entries on the device (for useReplicaQuery). */
export async function rosterOf(store: ReplicaStore, trainerId: string): Promise<RosterEntry[]> {
  const [rows, people, profiles] = await Promise.all([
    replicaRows<RosterRow>(store, 'trainer_clients').where('trainer_id').equals(trainerId).toArray(),
    replicaRows<PersonRow>(store, 'profiles').toArray(),
    replicaRows<ClientProfileFacts>(store, 'client_profiles').toArray(),
  ]);
  return rosterEntries(rows, new Map(people.map((p) => [p.id, p])), new Map(profiles.map((p) => [p.client_id, p])));
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
  const { data, error } = await supabase
    .from('trainer_clients')
    .insert({ trainer_id: trainerId, invited_email: email })
    .select('invite_code')
    .single();
  if (error) throw new Error(error.message);
  await refreshRoster();
  return { code: (data as { invite_code: string }).invite_code };
}
/**
 * Removes a client (or withdraws an invitation): the trainer loses access to their data at
 * once, on the server; the client's data stays theirs.
 */
export async function removeFromRoster(entryId: string): Promise<void> {
  if (!serverInReach()) throw new NeedsConnectionError('Removing a client');
  const supabase = await getSupabase();
  const { error } = await supabase.from('trainer_clients').update({ status: 'removed' }).eq('id', entryId);
  if (error) throw new Error(error.message);
  await refreshRoster();
}

/** The client's side: join a trainer with the code they gave you. */
export async function acceptInvitation(codeText: string): Promise<void> {
  const code = inviteCodeModel.parse(codeText);
  if (!serverInReach()) throw new NeedsConnectionError('Joining a trainer');
  const supabase = await getSupabase();
  const { error } = await supabase.rpc('accept_invitation', { code });
  if (error) throw new Error(error.message);
  await refreshRoster();
}
