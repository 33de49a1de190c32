/**
 * Device-only data of the progress feature, in a small Dexie database per user (never an RxDB
 * collection: the synced model already uses the 12 RxDB allows):
 * - photos: progress photos as blobs (front/side/back), kept on the device; uploaded to
 *   Supabase Storage when the project has a photo bucket configured (photo-upload.ts);
 * - achievements: the server's granted achievements, read with supabase-js when online;
 * - forms: check-in questionnaires (the trainer's own, or the client's trainers');
 * - people: names of the trainer's clients, for the trainer's screens;
 * - seen: achievement keys the user has already been shown (no toast twice).
 * Every read from the network is parsed with zod; offline, the cached copy stays.
 */
import { readPages } from '@/lib/read-pages';
import Dexie, { liveQuery, type EntityTable } from 'dexie';
import { z } from 'zod';
import { getSupabase } from '@/lib/supabase';
import { checkInFormModel, type CheckInForm } from './check-in-model';
import { serverInReach } from '@/sync/reachability';

export const photoPoseModel = z.enum(['front', 'side', 'back']);
export type PhotoPose = z.infer<typeof photoPoseModel>;

export type PhotoRecord = {
  id: string;
  clientId: string;
  /** The day the photo shows (YYYY-MM-DD). */
  takenOn: string;
  pose: PhotoPose;
  blob: Blob;
  createdAt: string;
  /** Path in the Storage bucket once uploaded; null while it is only on this device. */
  uploadedPath: string | null;
};

export const achievementRecordModel = z.object({
  id: z.string(),
  client_id: z.string(),
  kind: z.enum(['milestone', 'streak', 'pr', 'goal', 'fun']),
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  earned_at: z.string(),
  details: z.record(z.string(), z.unknown()),
  deleted: z.boolean(),
});
export type AchievementRecord = Omit<z.infer<typeof achievementRecordModel>, 'deleted'>;

/** A person the signed-in trainer works with (their active clients). */
export type PersonRecord = { id: string; fullName: string; activeClient: boolean };
type SeenRecord = { key: string };

export type ProgressStore = Dexie & {
  photos: EntityTable<PhotoRecord, 'id'>;
  achievements: EntityTable<AchievementRecord, 'id'>;
  forms: EntityTable<CheckInForm, 'id'>;
  people: EntityTable<PersonRecord, 'id'>;
  seen: EntityTable<SeenRecord, 'key'>;
};

const stores = new Map<string, ProgressStore>();

export function progressStore(userId: string): ProgressStore {
  let db = stores.get(userId);
  if (!db) {
    db = new Dexie(`fitcoach-progress-${userId.toLowerCase()}`) as ProgressStore;
    db.version(1).stores({
      photos: '&id, [clientId+takenOn], uploadedPath',
      achievements: '&id, client_id, key',
      forms: '&id, trainer_id',
      people: '&id',
      seen: '&key',
    });
    stores.set(userId, db);
  }
  return db;
}

/** Live results of a Dexie query; returns the unsubscribe function. */
export function watch<T>(query: () => Promise<T>, onChange: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({ next: onChange, error: () => undefined });
  return () => subscription.unsubscribe();
}

// Achievements ----------------------------------------------------------------------------------

/** Replaces the cached achievements of these clients with the server's. Offline: keeps the cache. */
export async function refreshAchievements(userId: string, clientIds: readonly string[]): Promise<boolean> {
  if (clientIds.length === 0) return true;
  const supabase = await getSupabase();
  const { data, error } = await readPages((from, to) =>
    supabase
      .from('achievements')
      .select('id, client_id, kind, key, title, description, earned_at, details, deleted')
      .in('client_id', [...clientIds])
      .order('earned_at')
      .order('id')
      .range(from, to),
  );
  if (error || !data) return false;
  const rows: AchievementRecord[] = [];
  for (const raw of data as unknown[]) {
    const parsed = achievementRecordModel.safeParse(raw);
    if (parsed.success && !parsed.data.deleted) {
      const { deleted: _deleted, ...row } = parsed.data;
      rows.push(row);
    }
  }
  const db = progressStore(userId);
  await db.transaction('rw', db.achievements, async () => {
    await db.achievements
      .where('client_id')
      .anyOf([...clientIds])
      .delete();
    await db.achievements.bulkPut(rows);
  });
  return true;
}

export async function markSeen(userId: string, keys: readonly string[]): Promise<void> {
  await progressStore(userId).seen.bulkPut(keys.map((key) => ({ key })));
}

// Check-in questionnaires -------------------------------------------------------------------------

const FORM_COLUMNS = 'id, trainer_id, name, description, questions, active, updated_at, deleted';

export async function refreshCheckInForms(userId: string): Promise<boolean> {
  const supabase = await getSupabase();
  const { data, error } = await supabase.from('check_in_forms').select(FORM_COLUMNS).order('updated_at');
  if (error || !data) return false;
  const forms: CheckInForm[] = [];
  for (const raw of data as unknown[]) {
    const parsed = checkInFormModel.safeParse(raw);
    if (parsed.success && !parsed.data.deleted) forms.push(parsed.data);
  }
  const db = progressStore(userId);
  await db.transaction('rw', db.forms, async () => {
    await db.forms.clear();
    await db.forms.bulkPut(forms);
  });
  return true;
}

/** Saves the trainer's questionnaire (needs the network: forms are not synced rows). */
export async function saveCheckInForm(
  userId: string,
  form: Omit<CheckInForm, 'updated_at' | 'deleted'>,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = checkInFormModel.omit({ updated_at: true, deleted: true }).safeParse(form);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'The questionnaire is not valid' };
  const supabase = await getSupabase();
  const { error } = await supabase.from('check_in_forms').upsert({ ...parsed.data, updated_at: new Date().toISOString() });
  if (error)
    return {
      ok: false,
      message: serverInReach() ? error.message : 'You are offline: the questionnaire is saved when you are back online. Try again then.',
    };
  await refreshCheckInForms(userId);
  return { ok: true };
}

// People --------------------------------------------------------------------------------------

/** The trainer's active clients and their names, cached for offline. Offline: keeps the cache. */
export async function refreshMyClients(userId: string): Promise<void> {
  const supabase = await getSupabase();
  const { data: links, error } = await supabase
    .from('trainer_clients')
    .select('client_id')
    .eq('trainer_id', userId)
    .eq('status', 'active')
    .eq('deleted', false);
  if (error || !links) return;
  const ids = [
    ...new Set(links.map((l: { client_id: string | null }) => l.client_id).filter((id): id is string => typeof id === 'string')),
  ];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const { data, error: nameError } = await supabase.from('profiles').select('id, full_name').in('id', ids);
    if (nameError || !data) return;
    const parsed = z.array(z.object({ id: z.string(), full_name: z.string() })).safeParse(data);
    if (!parsed.success) return;
    for (const p of parsed.data) names.set(p.id, p.full_name);
  }
  const db = progressStore(userId);
  await db.transaction('rw', db.people, async () => {
    await db.people.clear();
    await db.people.bulkPut(ids.map((id) => ({ id, fullName: names.get(id) ?? 'Client', activeClient: true })));
  });
}
