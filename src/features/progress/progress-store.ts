/**
 * Device-only data of the progress feature, in a small Dexie database per user (never an RxDB
 * collection: the synced model already uses the 12 RxDB allows):
 * - photos: progress photos as blobs (front/side/back), kept on the device; uploaded to
 *   Supabase Storage when the project has a photo bucket configured (photos-api.ts);
 * - seen: achievement keys the user has already been shown (no toast twice).
 * The server's achievements and questionnaires, and the trainer's clients' names, are the sync
 * engine's progress, roster and people replicas (src/sync/replicas), read here.
 */
import Dexie, { liveQuery, type EntityTable } from 'dexie';
import { z } from 'zod';
import { whenEngineStarted } from '@/lib/device-store';
import { replicaRows, type AchievementRecord, type PersonRow, type ReplicaStore, type RosterRow } from '@/sync/replicas';
import type { CheckInForm } from './check-in-model';

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

export { achievementRecordModel, type AchievementRecord } from '@/sync/replicas';

/** A person the signed-in trainer works with (their active clients). */
export type PersonRecord = { id: string; fullName: string; activeClient: boolean };
type SeenRecord = { key: string };

export type ProgressStore = Dexie & {
  photos: EntityTable<PhotoRecord, 'id'>;
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
    // Achievements, questionnaires and people moved to the sync engine's replicas.
    db.version(2).stores({ achievements: null, forms: null, people: null });
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

/** Brings the server's achievements up to date now; false when they could not be read. */
export async function refreshAchievements(): Promise<boolean> {
  return (await (await whenEngineStarted())?.replicas.refreshTable('achievements')) != null;
}

export async function markSeen(userId: string, keys: readonly string[]): Promise<void> {
  await progressStore(userId).seen.bulkPut(keys.map((key) => ({ key })));
}

// Check-in questionnaires -------------------------------------------------------------------------

export async function refreshCheckInForms(): Promise<boolean> {
  return (await (await whenEngineStarted())?.replicas.refreshTable('check_in_forms')) != null;
}

// People --------------------------------------------------------------------------------------

/** Brings the roster and names up to date now. */
export async function refreshRosterNames(): Promise<boolean> {
  const engine = await whenEngineStarted();
  return !!engine && (await engine.replicas.refreshTables(['trainer_clients', 'profiles'])).length === 0;
}

/** The trainer's active clients with their names, from the roster and people replicas. */
export async function myClients(store: ReplicaStore, userId: string): Promise<PersonRecord[]> {
  const [links, people] = await Promise.all([
    replicaRows<RosterRow>(store, 'trainer_clients').where('trainer_id').equals(userId).toArray(),
    replicaRows<PersonRow>(store, 'profiles').toArray(),
  ]);
  const names = new Map(people.map((p) => [p.id, p.full_name]));
  const ids = [...new Set(links.filter((l) => l.status === 'active' && l.client_id).map((l) => l.client_id as string))];
  return ids.map((id) => ({ id, fullName: names.get(id) ?? 'Client', activeClient: true }));
}

/** The achievements of one client on the device. */
export function clientAchievements(store: ReplicaStore, clientId: string): Promise<AchievementRecord[]> {
  return replicaRows<AchievementRecord>(store, 'achievements').where('client_id').equals(clientId).toArray();
}

/** The questionnaires on the device. */
export function checkInForms(store: ReplicaStore): Promise<CheckInForm[]> {
  return replicaRows<CheckInForm>(store, 'check_in_forms').toArray();
}
